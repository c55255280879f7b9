import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Kind, type GraphQLFormattedError } from 'graphql';
import type { SubgraphOrm } from '../db/orm.js';
import type { Actor } from '../identity/actor.js';
import { InvalidInternalToken, type InternalTokenVerifier, type RequestFacts } from '../identity/internal-token.js';
import { databaseUnavailable } from '../errors.js';
import { isDatabaseUnavailable } from '../server/format-error.js';
import { readBody, sendJson, type RouteHandler } from '../server/http.js';
import { appendAuditRecords, appendAuditRecordsAlone, appendAuditRecordsAndCommit, type AuditFact, type AuditRequest } from './chain.js';
import { GroupAppender } from './group-append.js';

/** The record of a read refused, whether the refusal went out as an error or in the data. */
function deniedRead(field: string | null, code: string, message: string): AuditFact {
  return { kind: 'DENIED', outcome: 'DENIED', field, detail: `${code}: ${message}` };
}

/** Refusals worth a DENIED record: someone tried something their identity or consent does not allow. */
const DENIAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'CONSENT_REQUIRED']);

/**
 * What one request to a subgraph did, gathered while it runs and written to the audit chain before its answer
 * leaves: the person records it read (each once), and, for mutations, the writes, which their commands already
 * recorded inside their own transactions.
 */
export class RequestAudit {
  private readonly seen = new Set<string>();
  readonly reads: AuditFact[] = [];
  readonly denials: AuditFact[] = [];
  /** Mutation fields (by response key) whose write was recorded in its transaction. */
  readonly recordedWrites = new Set<string>();
  /** The records this request's committed writes named (`Type:id`): handing a record back to its writer is no further disclosure. */
  private readonly written = new Set<string>();
  /** The write in progress (its field and record), until its transaction commits: a rolled-back WRITE record is gone. */
  private writing: { field: string | null; entity: string | null } | null = null;
  /** The mutation field running now (mutations run one after the other). */
  currentField: string | null = null;

  constructor(
    readonly schema: string,
    readonly request: AuditRequest,
  ) {}

  /**
   * A refusal answered in the data rather than as an error (a treatment status withheld for want of consent): audited
   * as the error would be, a DENIED record naming the field's path and the reason.
   */
  denied(field: string, code: string, message: string): void {
    this.denials.push(deniedRead(field, code, message));
  }

  read(entityType: string, entityId: string | null): void {
    const key = `${entityType}:${entityId}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.reads.push({ kind: 'READ', outcome: 'SUCCESS', entityType, entityId });
  }

  /**
   * Called by a command inside its transaction, after its work: the write and its record commit together. With
   * `commit`, the same round trip commits the transaction (appendAuditRecordsAndCommit): the command must have
   * flushed everything and own the whole transaction.
   */
  async recordWrite(em: EntityManager, result: unknown, options: { commit?: boolean } = {}): Promise<void> {
    const entity = writtenEntity(result);
    const append = options.commit ? appendAuditRecordsAndCommit : appendAuditRecords;
    await append(em, this.schema, this.request, [{ kind: 'WRITE', outcome: 'SUCCESS', field: this.currentField, ...entity }]);
    this.writing = { field: this.currentField, entity: entity.entityType && entity.entityId ? `${entity.entityType}:${entity.entityId}` : null };
  }

  /**
   * Called once the write's transaction has committed, and with it its WRITE record. Until then the field's outcome
   * is still the plugin's to record (FAILED, if the commit fails).
   */
  writeCommitted(): void {
    if (this.writing?.field) this.recordedWrites.add(this.writing.field);
    if (this.writing?.entity) this.written.add(this.writing.entity);
    this.writing = null;
  }

  /**
   * The reads still to record: those of records this request did not itself write. The WRITE record already names
   * who touched that record in this request, so a READ of it in the mutation's own payload would say nothing new
   * and cost every write a second audit transaction.
   */
  unrecordedReads(): AuditFact[] {
    return this.written.size === 0 ? this.reads : this.reads.filter((fact) => !this.written.has(`${fact.entityType}:${fact.entityId}`));
  }
}

/** The record a command returned (or the first one its payload holds), named by its entity class. */
function writtenEntity(result: unknown): { entityType: string | null; entityId: string | null } {
  const candidates = result && typeof result === 'object' ? [result, ...Object.values(result)] : [];
  for (const candidate of candidates) {
    if (candidate && typeof candidate === 'object' && 'id' in candidate && typeof candidate.id === 'string') {
      return { entityType: candidate.constructor.name === 'Object' ? null : candidate.constructor.name, entityId: candidate.id };
    }
  }
  return { entityType: null, entityId: null };
}

const pathOf = (error: GraphQLFormattedError) => (error.path ?? []).join('.');

/**
 * Writes each request's audit records before its answer goes out. If they cannot be written, the answer is
 * withheld: AUDIT_UNAVAILABLE, nothing returned, rather than a read nobody can account for (CJIS AU-5).
 */
export function auditPlugin(orm: SubgraphOrm): ApolloServerPlugin<BaseContext> {
  const appender = new GroupAppender(() => orm.fork());
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operation }) {
          const audit = (contextValue as { audit?: RequestAudit }).audit;
          if (!audit || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const errors = result.errors ?? [];
          const facts: AuditFact[] = [...audit.unrecordedReads(), ...audit.denials];
          const mutationKeys = new Set<string>();
          if (operation?.operation === 'mutation') {
            for (const selection of operation.selectionSet.selections) {
              if (selection.kind !== Kind.FIELD) continue;
              const key = selection.alias?.value ?? selection.name.value;
              mutationKeys.add(key);
              if (audit.recordedWrites.has(key)) continue;
              const error = errors.find((e) => e.path?.[0] === key);
              const code = String(error?.extensions?.code ?? '');
              facts.push({ kind: 'WRITE', outcome: !error ? 'SUCCESS' : DENIAL_CODES.has(code) ? 'DENIED' : 'FAILED', field: key, detail: error ? `${code}: ${error.message}` : null });
            }
          }
          for (const error of errors) {
            const code = String(error.extensions?.code ?? '');
            // A refused mutation is its WRITE record's outcome (above); a refusal inside a mutation's payload is a read
            // refused, recorded like any other.
            const refusesMutation = error.path?.length === 1 && mutationKeys.has(String(error.path[0]));
            if (!DENIAL_CODES.has(code) || refusesMutation) continue;
            facts.push(deniedRead(pathOf(error) || null, code, error.message));
          }
          if (facts.length === 0) return;
          try {
            await appender.append(audit.schema, audit.request, facts);
          } catch (error) {
            const errorId = randomUUID();
            console.error(`[audit unavailable ${errorId}]`, error);
            result.data = null;
            // With the database away, that is what the caller needs to know (and what every other refusal of the
            // outage says); either way the answer is withheld and a retry is safe.
            const refusal = isDatabaseUnavailable(error)
              ? databaseUnavailable()
              : { message: 'The audit trail could not be written, so nothing is returned. Try again in a moment.', extensions: { code: 'AUDIT_UNAVAILABLE', retryable: true } };
            result.errors = [{ message: refusal.message, extensions: { ...refusal.extensions, errorId } }];
          }
        },
      };
    },
  };
}

/** The audit of one request, from who the gateway says is asking and the request it says this is. */
export function requestAudit(schema: string, actor: Actor | null, request: RequestFacts): RequestAudit {
  return new RequestAudit(schema, {
    actorId: actor?.personId ?? null,
    actingForId: actor?.actingFor ?? null,
    agencyId: actor?.agencyId ?? null,
    operation: request.operation,
    clientAddress: request.clientAddress,
    requestId: request.requestId,
  });
}

/** Where the gateway reports a refused sign-in (the refused caller never reaches a subgraph otherwise). */
export const SIGN_IN_FAILURES_PATH = '/audit/sign-in-failures';

/**
 * Records a sign-in the gateway refused (CJIS AU-2: failed authentication). Only the gateway may report one: the
 * report carries its token for this subgraph, with the request's address and id; the body says why.
 */
export function signInFailureRoute(schema: string, orm: SubgraphOrm, verifier: InternalTokenVerifier): RouteHandler {
  return async (req, res) => {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST a sign-in failure' });
    let request: RequestFacts;
    try {
      ({ request } = await verifier.verifyRequest(req.headers.authorization));
    } catch (error) {
      if (error instanceof InvalidInternalToken) return sendJson(res, 401, { error: 'Only the hub gateway reports sign-in failures.' });
      throw error;
    }
    let reason = 'refused';
    try {
      const body = JSON.parse(await readBody(req)) as { reason?: unknown };
      if (typeof body.reason === 'string') reason = body.reason;
    } catch {
      return sendJson(res, 400, { error: 'The body must be JSON: { "reason": "…" }.' });
    }
    const audit = requestAudit(schema, null, request);
    await appendAuditRecordsAlone(orm.fork(), schema, audit.request, [{ kind: 'SIGN_IN_FAILED', outcome: 'DENIED', detail: reason }]);
    sendJson(res, 202, { recorded: true });
  };
}

/**
 * A request that reached this subgraph without a valid gateway token: someone inside the network calling it
 * directly, or a token replayed from another subgraph. Recorded like a refused sign-in; if the record cannot be
 * written the refusal stands all the same, and the log has it.
 */
export async function recordRefusedToken(schema: string, orm: SubgraphOrm, clientAddress: string | null, reason: string): Promise<void> {
  try {
    await appendAuditRecordsAlone(orm.fork(), schema, { actorId: null, actingForId: null, agencyId: null, operation: null, clientAddress, requestId: null }, [
      { kind: 'SIGN_IN_FAILED', outcome: 'DENIED', detail: `internal token refused: ${reason}` },
    ]);
  } catch (error) {
    console.error(`[refused token not audited] ${reason}: ${(error as Error).message}`);
  }
}
