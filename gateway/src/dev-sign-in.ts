import type { IncomingMessage, ServerResponse } from 'node:http';
import { findPersona, PERSONAS } from '@hub/platform/demo';
import type { DevIssuer } from '@hub/platform/identity';
import { type RouteHandler, sendJson } from '@hub/platform/server';

/**
 * Development sign-in over HTTP: the explorer's persona picker gets its tokens here, from the same issuer as
 * `npm run token`. Registered only in dev mode, which the configuration refuses in production.
 */
export const DEV_PERSONAS_PATH = '/dev-issuer/personas';
export const DEV_TOKEN_PATH = '/dev-issuer/token';
export const DEFAULT_PERSONA = 'officer';

const MAX_BODY_BYTES = 4 * 1024;

class RefusedRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function onlyMethod(req: IncomingMessage, res: ServerResponse, allowed: string[]): boolean {
  if (allowed.includes(req.method ?? 'GET')) return true;
  res.setHeader('allow', allowed.join(', '));
  sendJson(res, 405, { error: `use ${allowed.join(' or ')}` });
  return false;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  // A JSON content type makes a cross-site request preflighted, and this route answers no preflight.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new RefusedRequest(415, 'send JSON (content-type: application/json)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    if (!Buffer.isBuffer(chunk)) continue;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RefusedRequest(413, 'request body is too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RefusedRequest(400, 'request body is not valid JSON');
  }
}

function personaKey(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'persona' in body && typeof body.persona === 'string') return body.persona;
  throw new RefusedRequest(400, 'expected {"persona": "<key>"}');
}

export function devSignInRoutes(issuer: DevIssuer): Record<string, RouteHandler> {
  const personas = { default: DEFAULT_PERSONA, personas: PERSONAS.map(({ key, description }) => ({ key, description })) };
  return {
    [DEV_PERSONAS_PATH]: (req, res) => {
      if (onlyMethod(req, res, ['GET', 'HEAD'])) sendJson(res, 200, personas);
    },
    [DEV_TOKEN_PATH]: async (req, res) => {
      if (!onlyMethod(req, res, ['POST'])) return;
      // Tokens are bearer credentials: no cache along the way may keep one.
      res.setHeader('cache-control', 'no-store');
      try {
        const key = personaKey(await readJson(req));
        const persona = findPersona(key);
        if (!persona) throw new RefusedRequest(404, `no persona "${key}"; known: ${PERSONAS.map((p) => p.key).join(', ')}`);
        sendJson(res, 200, { token: await issuer.issue(persona.actor) });
      } catch (error) {
        if (!(error instanceof RefusedRequest)) throw error;
        sendJson(res, error.status, { error: error.message });
      }
    },
  };
}
