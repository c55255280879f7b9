import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { HttpError, type RouteHandler, sendJson } from '@hub/platform/server';
import type { GatewayContext } from '../context.js';
import { UseOfForceSubmissionExportDocument } from '../generated/operations.js';
import { requireAuthorization, runExportOperation, sendFile } from './run-export.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /exports/use-of-force-submission.json?id=…: one version of an agency's monthly use-of-force submission in the
 * FBI collection's JSON form (IAC-6), for the agency's administrators and records staff or ISP reporting staff.
 */
export function useOfForceSubmissionExport(apollo: ApolloServer<GatewayContext>, contextFor: (req: IncomingMessage) => Promise<GatewayContext>): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'GET only' });
    requireAuthorization(req);
    const id = new URL(req.url ?? '/', 'http://localhost').searchParams.get('id') ?? '';
    if (!UUID.test(id)) throw new HttpError(400, 'BAD_USER_INPUT', 'Give ?id= the submission id (UseOfForceSubmission.jsonPath has it).');
    const data = await runExportOperation(apollo, contextFor, req, res, UseOfForceSubmissionExportDocument, { id });
    if (!data) return;
    const submission = data.useOfForceSubmission;
    if (!submission) return sendJson(res, 404, { errors: [{ message: 'No use-of-force submission you may read has this id.', extensions: { code: 'NOT_FOUND' } }] });
    sendFile(res, `use-of-force-${submission.month}-v${submission.version}.json`, 'json', submission.content);
  };
}
