import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { HttpError, type RouteHandler, sendJson } from '@hub/platform/server';
import type { GatewayContext } from '../context.js';
import { CrisisSubmissionExportDocument } from '../generated/operations.js';
import { requireAuthorization, runExportOperation, sendFile } from './run-export.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /exports/crisis-submission.csv|json?id=…: one version of an agency's monthly crisis report (IAC-5) as the file
 * ISP receives, for the caller the bearer token names (the agency itself, or ISP reporting staff).
 */
export function crisisSubmissionExport(apollo: ApolloServer<GatewayContext>, contextFor: (req: IncomingMessage) => Promise<GatewayContext>, format: 'csv' | 'json'): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'GET only' });
    requireAuthorization(req);
    const id = new URL(req.url ?? '/', 'http://localhost').searchParams.get('id') ?? '';
    if (!UUID.test(id)) throw new HttpError(400, 'BAD_USER_INPUT', 'Give ?id= the submission id (CrisisSubmission.csvPath has it).');
    const data = await runExportOperation(apollo, contextFor, req, res, CrisisSubmissionExportDocument, { id, format: format === 'csv' ? 'CSV' : 'JSON' });
    if (!data) return;
    const submission = data.crisisSubmission;
    if (!submission) return sendJson(res, 404, { errors: [{ message: 'No crisis submission you may read has this id.', extensions: { code: 'NOT_FOUND' } }] });
    sendFile(res, `crisis-report-${submission.month}-v${submission.version}.${format}`, format, submission.content);
  };
}
