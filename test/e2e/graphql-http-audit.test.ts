import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { serverAudits, type Audit } from 'graphql-http';
import { startTestHub, type TestHub } from '../support/hub.js';

/**
 * The GraphQL-over-HTTP conformance audit of the `graphql-http` package, against the real gateway: every MUST
 * passes; each SHOULD or MAY it does not meet is listed here with the reason, and the list is exact (an item that
 * starts passing must leave it).
 */
const NOT_MET: Record<string, string> = {
  // Apollo Server answers 400 to a document that does not parse or validate, or variables that do not coerce, for
  // every Accept header. Under application/graphql-response+json the spec requires exactly that (MUST, passing);
  // under the legacy application/json it suggests 200. The hub keeps 400: partner clients, proxies and monitoring
  // see a client error as one, and a 200 would hide a broken query behind a "successful" status.
  '572B': 'SHOULD use 200 on document parsing failure under application/json',
  FDE2: 'SHOULD use 200 on document validation failure under application/json',
  '7B9B': 'SHOULD use 200 on variable coercion failure under application/json',
  // CSRF prevention (kept on purpose, see decisions.md): a GET must carry a preflight header, which these audits'
  // requests do not, so the server refuses them before reading their parameters.
  '5A70': 'MAY accept application/x-www-form-urlencoded GET requests',
  D6D5: 'MAY allow URL-encoded JSON variables in GETs (graphql-response+json)',
  '6A70': 'MAY allow URL-encoded JSON variables in GETs (application/json)',
};

let hub: TestHub;
let url = '';
const audits: Audit[] = serverAudits({ url: () => url, fetchFn: fetch });

beforeAll(async () => {
  hub = await startTestHub();
  url = hub.gatewayUrl;
}, 120_000);

afterAll(async () => {
  await hub?.stop();
});

describe('the GraphQL-over-HTTP audit of the gateway (graphql-http)', () => {
  it.each(audits.map((audit) => [audit.id, audit.name, audit] as const))('%s %s', async (id, name, audit) => {
    const result = await audit.fn();
    if (name.startsWith('MUST')) {
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    } else if (id in NOT_MET) {
      // Still not met, for the reason above; if it starts passing, take it off the list.
      expect(result.status).not.toBe('ok');
    } else {
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    }
  });

  it('lists only audits that exist', () => {
    const ids = new Set(audits.map((a) => a.id));
    expect(Object.keys(NOT_MET).filter((id) => !ids.has(id))).toEqual([]);
  });
});
