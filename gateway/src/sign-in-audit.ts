import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SIGN_IN_FAILURES_PATH } from '@hub/platform/audit';
import type { InternalTokenSigner } from '@hub/platform/identity';

const requestIds = new WeakMap<IncomingMessage, string>();

/** One id per HTTP request, made here: a client-sent X-Request-Id is not trusted into the audit trail. */
export function requestIdOf(req: IncomingMessage): string {
  let id = requestIds.get(req);
  if (!id) requestIds.set(req, (id = randomUUID()));
  return id;
}

/** How long a refused caller waits at most for the record of the refusal. */
const REPORT_TIMEOUT_MS = 2_000;

/**
 * A refused sign-in is recorded in the agencies subgraph's audit trail (agencies keeps the hub's people), before
 * the 401 goes out. If agencies cannot take it, the refusal stands all the same and the server log has it.
 */
export async function reportSignInFailure(report: { signer: InternalTokenSigner; agenciesUrl: string; requestId: string; clientAddress: string; reason: string }): Promise<void> {
  try {
    const token = await report.signer.sign(null, 'agencies', undefined, { requestId: report.requestId, clientAddress: report.clientAddress, operation: null });
    const response = await fetch(new URL(SIGN_IN_FAILURES_PATH, report.agenciesUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ reason: report.reason }),
      signal: AbortSignal.timeout(REPORT_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`agencies answered ${response.status}`);
  } catch (error) {
    console.error(`[sign-in failure not audited, request ${report.requestId}] ${report.reason}: ${(error as Error).message}`);
  }
}
