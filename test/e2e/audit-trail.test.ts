import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { appendAuditRecords, appendAuditRecordsAlone, GroupAppender, requestAudit, verifyAuditChain } from '@hub/platform/audit';
import { demoProviderId, findPersona } from '@hub/platform/demo';
import { DevIssuer, generateSigningKeyPair } from '@hub/platform/identity';
import { execute } from '@hub/platform/db';
import { openSubgraphOrm } from '@hub/platform/subgraph';
import { DEFAULT_AUDIENCE, DEV_ISSUER } from '../../gateway/src/config.js';
import { subgraphByName } from '../../scripts/hub-subgraphs.js';
import { startTestHub, type TestHub } from '../support/hub.js';

/**
 * CJIS AU-2, AU-3, AU-8, AU-9 through the real gateway: what is recorded, that the subgraphs' own roles can only
 * append to it, that the hash chain finds any change, that administrators read it through the graph, and that a
 * request whose audit cannot be written returns nothing.
 */
let hub: TestHub;
const run = promisify(execFile);

beforeAll(async () => {
  hub = await startTestHub();
}, 120_000);

afterAll(async () => {
  await hub?.stop();
});

interface Row {
  sequence: string;
  recorded_at: Date;
  kind: string;
  outcome: string;
  actor_id: string | null;
  acting_for_id: string | null;
  agency_id: string | null;
  operation: string | null;
  field: string | null;
  entity_type: string | null;
  entity_id: string | null;
  detail: string | null;
  client_address: string | null;
  request_id: string | null;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: hub.db.adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function withRole<T>(subgraph: 'cases' | 'treatment' | 'agencies', work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: hub.db.urlFor(subgraph) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const recordsOf = (schema: string, requestId: string) =>
  withAdmin(async (client) => (await client.query<Row>(`select * from "${schema}".audit_record where request_id = $1 order by sequence`, [requestId])).rows);

/** Numbered requests of one test (operation `<label> <i>`, one request id) and their READ records, for appenders. */
function numberedReads(label: string) {
  const requestId = `${label.toLowerCase()}-${Date.now()}`;
  return {
    requestId,
    request: (i: number) => ({ actorId: null, actingForId: null, agencyId: null, operation: `${label} ${i}`, clientAddress: null, requestId }),
    reads: (i: number, count = 1) =>
      Array.from({ length: count }, (_, n) => ({ kind: 'READ' as const, outcome: 'SUCCESS' as const, entityType: 'Deflection', entityId: `${label.toLowerCase()}-${i}-${n}` })),
  };
}

async function send(persona: string | null, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const bearer = token ?? (persona ? await hub.tokenFor(persona) : null);
  const response = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: response.status, requestId: response.headers.get('x-request-id'), ...body };
}

describe('what the audit trail records', () => {
  it('records each person record a request reads, with time, actor, agency, operation, entity, outcome, address and request id', async () => {
    const officer = findPersona('local-officer')!.actor;
    const result = await send('local-officer', 'query OfficerList { deflections(first: 3) { edges { node { id referenceNumber } } } }');
    expect(result.errors).toBeUndefined();
    const ids = (result.data!.deflections as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const records = await recordsOf('cases', result.requestId!);
    expect(records.map((r) => r.entity_id).sort()).toEqual([...ids].sort());
    for (const record of records) {
      expect(record).toMatchObject({ kind: 'READ', outcome: 'SUCCESS', actor_id: officer.personId, agency_id: officer.agencyId, entity_type: 'Deflection', operation: 'OfficerList' });
      expect(record.client_address).toMatch(/127\.0\.0\.1/);
      expect(Date.now() - record.recorded_at.getTime()).toBeLessThan(60_000);
    }
  });

  it('records a refused read as DENIED, with the field and the code', async () => {
    const result = await send('analyst', 'query Peek { deflections(first: 1) { edges { node { id } } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const records = await recordsOf('cases', result.requestId!);
    expect(records).toEqual([expect.objectContaining({ kind: 'DENIED', outcome: 'DENIED', field: 'deflections', actor_id: findPersona('analyst')!.actor.personId })]);
    expect(records[0]!.detail).toMatch(/^FORBIDDEN/);
  });

  it('records a treatment status withheld in the data as DENIED, exactly as the CONSENT_REQUIRED error of the same read', async () => {
    const read = (field: string) => `query Queue { deflections(first: 20) { edges { node { id ${field} } } } }`;
    const asError = await send('meg-director', read('treatment { engaged }'));
    const asData = await send('meg-director', read('treatmentStatus { __typename ... on TreatmentWithheld { code } }'));
    const refusedRows = (asError.errors ?? []).filter((e) => e.extensions?.code === 'CONSENT_REQUIRED').length;
    expect(refusedRows).toBeGreaterThan(0);
    expect(asData.errors).toBeUndefined();
    const withheld = (asData.data!.deflections as { edges: { node: { treatmentStatus: { __typename: string } } }[] }).edges.filter((e) => e.node.treatmentStatus.__typename === 'TreatmentWithheld');
    expect(withheld).toHaveLength(refusedRows);
    const denials = async (requestId: string) => (await recordsOf('treatment', requestId)).filter((r) => r.kind === 'DENIED').map((r) => [r.outcome, r.field?.replace(/treatment(Status)?$/, '…'), r.detail]);
    const deniedAsError = await denials(asError.requestId!);
    expect(deniedAsError).toHaveLength(refusedRows);
    expect(await denials(asData.requestId!)).toEqual(deniedAsError);
  });

  it('records a treatment status refused inside a mutation payload as DENIED, whether as an error or in the data', async () => {
    const QUICK = 'mutation($input: QuickReferralInput!) { quickReferral(input: $input) { deflection { id } } }';
    const REFER = (field: string) => `mutation Refer($input: ReferToTreatmentInput!) { referToTreatment(input: $input) { id deflection { id ${field} } } }`;
    for (const [field, selection] of [['treatment', 'treatment { engaged }'], ['treatmentStatus', 'treatmentStatus { __typename }']] as const) {
      const input = { person: { givenName: 'Payload', familyName: `Denial${field === 'treatment' ? 'a' : 'b'}`, dateOfBirth: '1992-03-04' }, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help.' };
      const referral = await send('local-officer', QUICK, { input });
      const deflectionId = (referral.data!.quickReferral as { deflection: { id: string } }).deflection.id;
      const referred = await send('local-officer', REFER(selection), { input: { deflectionId, providerId: demoProviderId(1), service: 'SUD_OUTPATIENT' } });
      const payload = referred.data?.referToTreatment as { id: string; deflection: Record<string, unknown> } | undefined;
      expect(payload?.id).toBeTruthy();
      if (field === 'treatment') expect(referred.errors?.map((e) => [e.extensions?.code, (e as { path?: unknown[] }).path])).toEqual([['CONSENT_REQUIRED', ['referToTreatment', 'deflection', 'treatment']]]);
      else expect([referred.errors, payload?.deflection.treatmentStatus]).toEqual([undefined, { __typename: 'TreatmentWithheld' }]);
      const records = await recordsOf('treatment', referred.requestId!);
      expect(records).toContainEqual(expect.objectContaining({ kind: 'WRITE', outcome: 'SUCCESS', field: 'referToTreatment' }));
      expect(records.filter((r) => r.kind === 'DENIED').map((r) => [r.field, r.detail?.split(':')[0]])).toEqual([[`referToTreatment.deflection.${field}`, 'CONSENT_REQUIRED']]);
    }
  });

  it('records a write in the same transaction as the change, and a refused write as DENIED', async () => {
    const REFER = 'mutation Refer($input: QuickReferralInput!) { quickReferral(input: $input) { deflection { id } } }';
    const input = { person: { givenName: 'Audit', familyName: 'Trail', dateOfBirth: '1990-01-01' }, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help.' };
    const written = await send('local-officer', REFER, { input });
    expect(written.errors).toBeUndefined();
    const deflectionId = ((written.data!.quickReferral as { deflection: { id: string } }).deflection).id;
    const records = await recordsOf('cases', written.requestId!);
    expect(records).toContainEqual(expect.objectContaining({ kind: 'WRITE', outcome: 'SUCCESS', field: 'quickReferral', entity_type: 'Deflection', entity_id: deflectionId, operation: 'Refer' }));
    const refused = await send('analyst', REFER, { input });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await recordsOf('cases', refused.requestId!)).toEqual([expect.objectContaining({ kind: 'WRITE', outcome: 'DENIED', field: 'quickReferral' })]);
  });

  it('names a record a mutation wrote once, as its WRITE, and still records the other records its payload reads', async () => {
    const REFER = 'mutation ReferAndShow($input: QuickReferralInput!) { quickReferral(input: $input) { deflection { id referenceNumber participant { id } } } }';
    const input = { person: { givenName: 'Payload', familyName: 'Reader', dateOfBirth: '1991-02-03' }, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Asked for help.' };
    const written = await send('local-officer', REFER, { input });
    expect(written.errors).toBeUndefined();
    const deflection = (written.data!.quickReferral as { deflection: { id: string; participant: { id: string } } }).deflection;
    const records = await recordsOf('cases', written.requestId!);
    expect(records.map((r) => [r.kind, r.entity_type, r.entity_id])).toEqual([
      ['WRITE', 'Deflection', deflection.id],
      ['READ', 'Participant', deflection.participant.id],
    ]);
  });

  it('counts a write as recorded only once its transaction commits: a rolled-back WRITE hides no READ and leaves the outcome to record', async () => {
    const audit = requestAudit('cases', findPersona('local-officer')!.actor, { requestId: `rolled-back-${Date.now()}`, clientAddress: null, operation: 'Rollback' });
    audit.currentField = 'quickReferral';
    // Named by its class, as a command's entity is.
    class Deflection {
      constructor(readonly id: string) {}
    }
    const written = new Deflection('00000000-0000-4000-8000-00000000abcd');
    await expect(
      hub.db.orm('cases').fork().transactional(async (em) => {
        await audit.recordWrite(em, written);
        throw new Error('the commit failed');
      }),
    ).rejects.toThrow('the commit failed');
    audit.read('Deflection', written.id);
    expect(audit.unrecordedReads()).toEqual([expect.objectContaining({ kind: 'READ', entityId: written.id })]);
    expect(audit.recordedWrites.has('quickReferral')).toBe(false);
  });

  it('records a bearer token the gateway refuses, in the agencies trail, with the reason', async () => {
    const forger = await DevIssuer.create((await generateSigningKeyPair('forger')).privateJwk, DEV_ISSUER, DEFAULT_AUDIENCE);
    const result = await send(null, '{ me { id } }', {}, await forger.issue(findPersona('hub-admin')!.actor));
    expect(result.status).toBe(401);
    const records = await withAdmin(async (client) => (await client.query<Row>(`select * from agencies.audit_record where kind = 'SIGN_IN_FAILED' order by sequence desc limit 5`)).rows);
    expect(records.some((r) => r.outcome === 'DENIED' && /key|signature/i.test(r.detail ?? '') && /127\.0\.0\.1/.test(r.client_address ?? ''))).toBe(true);
  });
});

describe('the audit trail is append-only and tamper-evident', () => {
  it('lets the subgraphs’ own roles insert and read, but never update, delete, truncate or drop, the audit, history and disclosure tables', async () => {
    const tables: ['cases' | 'treatment' | 'agencies', string][] = [['cases', 'audit_record'], ['cases', 'history_entry'], ['treatment', 'disclosure'], ['treatment', 'audit_record'], ['agencies', 'audit_record']];
    for (const [subgraph, table] of tables) {
      await withRole(subgraph, async (client) => {
        await client.query(`select count(*) from "${subgraph}"."${table}"`);
        for (const statement of [`update "${subgraph}"."${table}" set ${table === 'audit_record' ? 'detail' : table === 'history_entry' ? 'action' : 'purpose'} = 'x'`, `delete from "${subgraph}"."${table}"`, `truncate "${subgraph}"."${table}"`, `drop table "${subgraph}"."${table}"`, `alter table "${subgraph}"."${table}" add column x int`]) {
          await expect(client.query(statement)).rejects.toMatchObject({ code: expect.stringMatching(/^42501$/) });
        }
      });
    }
  });

  it('keeps one unbroken chain when many requests append at once, whatever characters their records hold', async () => {
    const requestId = `concurrent-${Date.now()}`;
    const detail = 'quote " backslash \\ apostrophe ’ accents é ü CJK 漢字 emoji 😀 newline\n tab\t';
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        hub.db.orm('cases').fork().transactional((em) =>
          appendAuditRecords(em, 'cases', { actorId: null, actingForId: null, agencyId: null, operation: `Concurrent ${i}`, clientAddress: '127.0.0.1', requestId }, [
            { kind: 'READ', outcome: 'SUCCESS', entityType: 'Deflection', entityId: `d-${i}-1`, detail },
            { kind: 'READ', outcome: 'SUCCESS', entityType: 'Deflection', entityId: `d-${i}-2` },
            { kind: 'DENIED', outcome: 'DENIED', field: 'deflections', detail: `FORBIDDEN: ${detail}` },
            // Longer than the column: cut at a whole character, never inside the emoji; a lone surrogate made whole.
            { kind: 'READ', outcome: 'SUCCESS', entityType: 'Deflection', entityId: `d-${i}-4`, detail: `${'x'.repeat(499)}😀😀` },
            { kind: 'READ', outcome: 'SUCCESS', entityType: 'Deflection', entityId: `d-${i}-5`, detail: 'half \uD800 a pair' },
          ]),
        ),
      ),
    );
    const records = await recordsOf('cases', requestId);
    expect(records).toHaveLength(40);
    // Each request's records sit together, in the order given.
    for (let i = 0; i < 8; i += 1) {
      const mine = records.filter((r) => r.operation === `Concurrent ${i}`);
      expect(mine.map((r) => Number(r.sequence) - Number(mine[0]!.sequence))).toEqual([0, 1, 2, 3, 4]);
      expect(mine.map((r) => r.entity_id)).toEqual([`d-${i}-1`, `d-${i}-2`, null, `d-${i}-4`, `d-${i}-5`]);
      expect(mine[0]!.detail).toBe(detail);
      expect(mine[3]!.detail).toBe(`${'x'.repeat(499)}😀`);
      expect(mine[4]!.detail).toBe('half \uFFFD a pair');
    }
    expect((await withAdmin((client) => verifyAuditChain(client, 'cases'))).broken).toBeNull();
  });

  it('writes a read’s records lock to commit in one round trip (no COMMIT left for a busy process to send), and keeps one chain when they race with writes', async () => {
    const orm = hub.db.orm('cases');
    const { result, statements } = await orm.counter.measure(() => send('local-officer', 'query OneRoundTrip { deflections(first: 2) { edges { node { id } } } }'));
    expect(result.errors).toBeUndefined();
    const audited = statements.findIndex((sql) => sql.includes('audit_record'));
    expect(statements.filter((sql) => sql.includes('audit_record'))).toHaveLength(1);
    // Not bracketed by a BEGIN and a COMMIT of its own (the outbox relay's transactions may run in between, never empty).
    const bracketed = /^begin\b/i.test(statements[audited - 1]?.trim() ?? '') && /^commit\b/i.test(statements[audited + 1]?.trim() ?? '');
    expect(bracketed).toBe(false);
    expect((await recordsOf('cases', result.requestId!)).length).toBe(2);

    const requestId = `alone-${Date.now()}`;
    const request = (i: number) => ({ actorId: null, actingForId: null, agencyId: null, operation: `Race ${i}`, clientAddress: null, requestId });
    const facts = (i: number) => [0, 1, 2].map((n) => ({ kind: 'READ' as const, outcome: 'SUCCESS' as const, entityType: 'Deflection', entityId: `race-${i}-${n}` }));
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 3 === 0 ? orm.fork().transactional((em) => appendAuditRecords(em, 'cases', request(i), facts(i))) : appendAuditRecordsAlone(orm.fork(), 'cases', request(i), facts(i)),
      ),
    );
    const records = await recordsOf('cases', requestId);
    expect(records).toHaveLength(36);
    for (let i = 0; i < 12; i += 1) {
      const mine = records.filter((r) => r.operation === `Race ${i}`);
      expect(mine.map((r) => Number(r.sequence) - Number(mine[0]!.sequence))).toEqual([0, 1, 2]);
    }
    expect((await withAdmin((client) => verifyAuditChain(client, 'cases'))).broken).toBeNull();
    await expect(orm.fork().transactional((em) => appendAuditRecordsAlone(em, 'cases', request(99), facts(99)))).rejects.toThrow(/its own transaction/);
  });

  it('commits a write with its audit record in one round trip (lock free, write visible before MikroORM’s COMMIT); a failure after it is not the write’s, a write after it is refused, and a savepoint or a refusal at commit keeps nothing', async () => {
    // An ORM of its own, so the probe below sees only this test's transactions (not the hub's relay or requests).
    const orm = await openSubgraphOrm(subgraphByName('cases'), hub.db.urlFor('cases'));
    const seenBeforeCommit: { lockFree: boolean; visible: number }[] = [];
    const requestId = `commit-with-record-${Date.now()}`;
    let failAfterCommit = false;
    let strayWrite: string | null = null;
    orm.orm.em.getEventManager().registerSubscriber({
      // MikroORM's own COMMIT is sent after this: what another session sees here is what it saw while a busy
      // process had yet to send it.
      async beforeTransactionCommit({ em, transaction }) {
        if (failAfterCommit) throw new Error('the connection was lost before COMMIT');
        if (strayWrite) await em.getConnection().execute(strayWrite, [], 'run', transaction);
        seenBeforeCommit.push(
          await withAdmin(async (client) => {
            const lock = await client.query<{ free: boolean }>(`select pg_try_advisory_xact_lock(hashtext('cases.audit_record')) as free`);
            const rows = await client.query<{ n: string }>(`select count(*) as n from cases.audit_record where request_id = $1`, [requestId]);
            return { lockFree: lock.rows[0]!.free, visible: Number(rows.rows[0]!.n) };
          }),
        );
      },
    });
    const actor = findPersona('local-officer')!.actor;
    const written = { id: '00000000-0000-4000-8000-00000000c0de' };
    try {
      const audit = requestAudit('cases', actor, { requestId, clientAddress: null, operation: 'CommitWithRecord' });
      audit.currentField = 'quickReferral';
      const { statements } = await orm.counter.measure(() => execute({ actor, em: orm.fork(), audit }, async () => written));
      expect(seenBeforeCommit).toEqual([{ lockFree: true, visible: 1 }]);
      // Nothing is sent between the round trip that commits and MikroORM's COMMIT after it (answered by the connection).
      const appended = statements.findIndex((sql) => sql.includes('pg_advisory_xact_lock') && /commit\s*$/.test(sql));
      expect(appended).toBeGreaterThan(-1);
      expect(statements.slice(appended + 1).map((sql) => sql.trim().toLowerCase())).toEqual(['commit']);
      audit.writeCommitted();
      expect(audit.recordedWrites.has('quickReferral')).toBe(true);

      // Once that round trip has committed, a failure before MikroORM's COMMIT does not turn the write into an error
      // (a caller told it failed would write it again).
      failAfterCommit = true;
      const afterCommit = requestAudit('cases', actor, { requestId: `${requestId}-after`, clientAddress: null, operation: 'FailsAfterCommit' });
      afterCommit.currentField = 'quickReferral';
      const errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        await expect(execute({ actor, em: orm.fork(), audit: afterCommit }, async () => written)).resolves.toBe(written);
      } finally {
        errorLog.mockRestore();
        failAfterCommit = false;
      }
      expect((await recordsOf('cases', `${requestId}-after`)).map((r) => [r.kind, r.outcome])).toEqual([['WRITE', 'SUCCESS']]);
      expect(afterCommit.recordedWrites.has('quickReferral')).toBe(true);

      // A write that slipped in after that round trip would commit on its own, apart from the command's: it is refused.
      const stray = `stray_write_${Date.now()}`;
      await withAdmin((client) => client.query(`create table cases.${stray} (id int); grant insert, select on cases.${stray} to hub_cases`));
      try {
        strayWrite = `insert into cases.${stray} (id) values (1)`;
        const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
        try {
          await execute({ actor, em: orm.fork(), audit: requestAudit('cases', actor, { requestId: `${requestId}-stray`, clientAddress: null, operation: 'Stray' }) }, async () => written);
          expect(String(errors.mock.calls[0]?.[1])).toMatch(/already committed by an earlier statement/);
        } finally {
          errors.mockRestore();
          strayWrite = null;
        }
        expect(await withAdmin(async (client) => (await client.query(`select count(*)::int as n from cases.${stray}`)).rows[0].n)).toBe(0);
      } finally {
        await withAdmin((client) => client.query(`drop table cases.${stray}`));
      }

      // A command inside another's transaction is a savepoint: its record commits or rolls back with the outer one.
      seenBeforeCommit.length = 0;
      const nested = requestAudit('cases', actor, { requestId: `${requestId}-nested`, clientAddress: null, operation: 'Nested' });
      await expect(
        orm.fork().transactional(async (em) => {
          await execute({ actor, em, audit: nested }, async () => written);
          throw new Error('the outer transaction fails');
        }),
      ).rejects.toThrow('the outer transaction fails');
      expect((await recordsOf('cases', `${requestId}-nested`)).length).toBe(0);

      // A check PostgreSQL makes only at COMMIT (a deferred trigger) that fails: the write, its record and nothing
      // else are kept, and the caller gets the error.
      const table = `deferred_check_${Date.now()}`;
      await withAdmin(async (client) => {
        await client.query(`create table cases.${table} (id int)`);
        await client.query(`create function cases.${table}_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused at commit'; end $$`);
        await client.query(`create constraint trigger ${table}_refuse after insert on cases.${table} deferrable initially deferred for each row execute function cases.${table}_refuse()`);
        await client.query(`grant insert, select on cases.${table} to hub_cases`);
      });
      try {
        const refused = requestAudit('cases', actor, { requestId: `${requestId}-refused`, clientAddress: null, operation: 'RefusedAtCommit' });
        await expect(
          execute({ actor, em: orm.fork(), audit: refused }, async (cmd) => {
            await cmd.em.execute(`insert into cases.${table} (id) values (1)`);
            return written;
          }),
        ).rejects.toThrow(/refused at commit/);
        expect((await recordsOf('cases', `${requestId}-refused`)).length).toBe(0);
        expect(await withAdmin(async (client) => (await client.query(`select count(*)::int as n from cases.${table}`)).rows[0].n)).toBe(0);
        expect(refused.recordedWrites.size).toBe(0);
      } finally {
        await withAdmin((client) => client.query(`drop table cases.${table}; drop function cases.${table}_refuse()`));
      }
      expect((await withAdmin((client) => verifyAuditChain(client, 'cases'))).broken).toBeNull();
    } finally {
      await orm.close();
    }
  });

  it('appends the reads of requests that finish together in one transaction, each request’s records together and in order, never more than a group holds', async () => {
    const orm = hub.db.orm('cases');
    const { requestId, request, reads } = numberedReads('Grouped');
    const facts = (i: number) => reads(i, 3);
    const appends = async (appender: GroupAppender, from: number, count: number) => {
      const { statements } = await orm.counter.measure(() => Promise.all(Array.from({ length: count }, (_, i) => appender.append('cases', request(from + i), facts(from + i)))));
      return statements.filter((sql) => sql.includes('audit_record')).length;
    };
    // The first goes at once; the five that finish while it is in flight go together after it.
    expect(await appends(new GroupAppender(() => orm.fork()), 0, 6)).toBe(2);
    // A group of at most five records holds one request of three: each goes alone.
    expect(await appends(new GroupAppender(() => orm.fork(), 5), 6, 4)).toBe(4);
    // A request of more records than a group holds goes whole, never split.
    const large = reads(10, 7);
    const whole = await orm.counter.measure(() => new GroupAppender(() => orm.fork(), 5).append('cases', { ...request(10), operation: 'Grouped large' }, large));
    expect(whole.statements.filter((sql) => sql.includes('audit_record'))).toHaveLength(1);
    const records = (await recordsOf('cases', requestId)).filter((r) => r.operation !== 'Grouped large');
    const largeRecords = (await recordsOf('cases', requestId)).filter((r) => r.operation === 'Grouped large');
    expect(largeRecords.map((r) => [Number(r.sequence) - Number(largeRecords[0]!.sequence), r.entity_id])).toEqual(large.map((f, n) => [n, f.entityId]));
    expect(records).toHaveLength(30);
    for (let i = 0; i < 10; i += 1) {
      const mine = records.filter((r) => r.operation === `Grouped ${i}`);
      expect(mine.map((r) => Number(r.sequence) - Number(mine[0]!.sequence))).toEqual([0, 1, 2]);
      expect(mine.map((r) => r.entity_id)).toEqual(facts(i).map((f) => f.entityId));
    }
    // In the order the requests finished.
    expect([...new Set(records.map((r) => r.operation))]).toEqual(Array.from({ length: 10 }, (_, i) => `Grouped ${i}`));
    expect((await withAdmin((client) => verifyAuditChain(client, 'cases'))).broken).toBeNull();
  });

  it('groups the reads of requests a subgraph answers at the same time, and records every one of them', async () => {
    const orm = hub.db.orm('cases');
    const query = 'query GroupedReads { deflections(first: 2) { edges { node { id } } } }';
    const reads = (statements: readonly string[]) => statements.filter((sql) => sql.includes('from "cases"."deflection"')).length;
    const perRequest = reads((await orm.counter.measure(() => send('local-officer', query))).statements);
    expect(perRequest).toBeGreaterThan(0);
    // The chain's lock held elsewhere keeps the first request's append waiting until every request has read its page.
    const holder = new pg.Client({ connectionString: hub.db.adminUrl });
    await holder.connect();
    await holder.query('begin');
    await holder.query(`select pg_advisory_xact_lock(hashtext('cases.audit_record'))`);
    try {
      const { result, statements } = await orm.counter.measure(async () => {
        const from = orm.counter.statements.length;
        const answers = Promise.all(Array.from({ length: 12 }, () => send('local-officer', query)));
        while (reads(orm.counter.statements.slice(from)) < 12 * perRequest) await new Promise((resolve) => setTimeout(resolve, 20));
        await new Promise((resolve) => setTimeout(resolve, 300));
        await holder.query('commit');
        return answers;
      });
      expect(result.map((r) => r.errors)).toEqual(Array.from({ length: 12 }, () => undefined));
      // The first alone, the rest together (one more, should one have been slow): without groups, twelve.
      expect(statements.filter((sql) => sql.includes('audit_record')).length).toBeLessThanOrEqual(3);
      for (const answer of result) expect((await recordsOf('cases', answer.requestId!)).length).toBe(2);
    } finally {
      await holder.end();
    }
    expect((await withAdmin((client) => verifyAuditChain(client, 'cases'))).broken).toBeNull();
  });

  it('fails a whole group at once when PostgreSQL did not refuse its records (an outage, an answer lost after the commit), never appending a request twice', async () => {
    const orm = hub.db.orm('cases');
    const { requestId, request, reads: read } = numberedReads('Lost');
    // Each append commits, then its answer is lost with the connection.
    let appends = 0;
    const losingAnswers = () => {
      const em = orm.fork();
      const losing = {
        isInTransaction: () => false,
        async execute(sql: string, params: unknown[]) {
          appends += 1;
          await em.execute(sql, params);
          throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
        },
      };
      return losing as unknown as typeof em;
    };
    const outcomes = await Promise.allSettled([0, 1, 2, 3].map((i) => new GroupAppender(losingAnswers).append('cases', request(i), read(i))));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    const shared = new GroupAppender(losingAnswers);
    appends = 0;
    expect((await Promise.allSettled([4, 5, 6, 7].map((i) => shared.append('cases', request(i), read(i))))).map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    // The first alone, then the other three together: none tried again.
    expect(appends).toBe(2);
    // Over-recorded reads would be harmless; reads recorded twice would not be true.
    expect((await recordsOf('cases', requestId)).map((r) => r.operation).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `Lost ${i}`));
    expect((await withAdmin((client) => verifyAuditChain(client, 'cases'))).broken).toBeNull();
  });

  it('fails a group that gets no answer within its deadline and goes on with the next, so a stuck connection holds up no other request', async () => {
    const orm = hub.db.orm('cases');
    const { requestId, request, reads: read } = numberedReads('Stuck');
    let forks = 0;
    const stuckFirst = () => {
      forks += 1;
      const em = orm.fork();
      const stuck = { isInTransaction: () => false, execute: () => new Promise(() => {}) };
      return forks === 1 ? (stuck as unknown as typeof em) : em;
    };
    const appender = new GroupAppender(stuckFirst, 2_000, 200);
    const stuck = appender.append('cases', request(0), read(0));
    const next = appender.append('cases', request(1), read(1));
    await expect(stuck).rejects.toThrow(/did not answer within 200 ms/);
    await expect(next).resolves.toBeUndefined();
    expect((await recordsOf('cases', requestId)).map((r) => r.operation)).toEqual(['Stuck 1']);
  });

  it('tries a group that cannot be written again one request at a time, so only the request whose records cannot be stored loses its answer', async () => {
    const orm = hub.db.orm('cases');
    const appender = new GroupAppender(() => orm.fork());
    const { requestId, request, reads: read } = numberedReads('Poisoned');
    // A record without a kind breaks the column's NOT NULL: the group it is appended with fails as a whole.
    const unstorable = [{ kind: null as unknown as 'READ', outcome: 'SUCCESS' as const }];
    const outcomes = await Promise.allSettled([0, 1, 2, 3].map((i) => appender.append('cases', request(i), i === 2 ? unstorable : read(i))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await recordsOf('cases', requestId)).map((r) => r.operation)).toEqual(['Poisoned 0', 'Poisoned 1', 'Poisoned 3']);
    expect((await withAdmin((client) => verifyAuditChain(client, 'cases'))).broken).toBeNull();
  });

  it('links a request of 1,500 records in one append, in order', async () => {
    const requestId = `large-${Date.now()}`;
    const facts = Array.from({ length: 1_500 }, (_, i) => ({ kind: 'READ' as const, outcome: 'SUCCESS' as const, entityType: 'Deflection', entityId: `large-${i}` }));
    await hub.db.orm('cases').fork().transactional((em) => appendAuditRecords(em, 'cases', { actorId: null, actingForId: null, agencyId: null, operation: 'Large', clientAddress: null, requestId }, facts));
    const records = await recordsOf('cases', requestId);
    expect(records.map((r) => r.entity_id)).toEqual(facts.map((f) => f.entityId));
    expect((await withAdmin((client) => verifyAuditChain(client, 'cases'))).broken).toBeNull();
  });

  it('verifies the chain, and finds a changed record and a removed one by sequence number', async () => {
    await send('local-officer', '{ deflections(first: 5) { edges { node { id } } } }');
    const holds = await withAdmin((client) => verifyAuditChain(client, 'cases'));
    expect(holds.broken).toBeNull();
    expect(holds.records).toBeGreaterThan(2);
    // Tampering needs the database's administrator: the subgraph's own role cannot (above).
    const changed = await withAdmin(async (client) => {
      await client.query('begin');
      try {
        await client.query(`update cases.audit_record set detail = coalesce(detail, '') || ' (changed)' where sequence = 2`);
        return await verifyAuditChain(client, 'cases');
      } finally {
        await client.query('rollback');
      }
    });
    expect(changed.broken).toEqual({ sequence: 2, reason: 'its content was changed after it was written' });
    const removed = await withAdmin(async (client) => {
      await client.query('begin');
      try {
        await client.query(`delete from cases.audit_record where sequence = 2`);
        return await verifyAuditChain(client, 'cases');
      } finally {
        await client.query('rollback');
      }
    });
    expect(removed.broken).toEqual({ sequence: 3, reason: 'record 2 is missing' });
  });

  it('npm run audit:verify reports every subgraph’s chain intact, and exits 1 naming a broken one', async () => {
    const script = ['--import', 'tsx', 'scripts/audit-verify.ts'];
    const env = { ...process.env, DATABASE_URL: hub.db.adminUrl };
    const ok = await run(process.execPath, script, { env });
    expect(ok.stdout).toMatch(/cases: \d+ records, chain intact/);
    expect(ok.stdout).toMatch(/agencies: \d+ records, chain intact/);
    // Change the newest record of cases (this test's own read made sure there is one), then put it back.
    await send('local-officer', '{ deflections(first: 1) { edges { node { id } } } }');
    const newest = await withAdmin(async (client) => (await client.query<{ sequence: string; detail: string | null }>('select sequence, detail from cases.audit_record order by sequence desc limit 1')).rows[0]!);
    await withAdmin((client) => client.query(`update cases.audit_record set detail = 'edited' where sequence = $1`, [newest.sequence]));
    try {
      await expect(run(process.execPath, script, { env })).rejects.toMatchObject({ code: 1, stdout: expect.stringMatching(/cases: BROKEN at record \d+: its content was changed/) });
    } finally {
      await withAdmin((client) => client.query(`update cases.audit_record set detail = $2 where sequence = $1`, [newest.sequence, newest.detail]));
    }
  }, 60_000);
});

describe('administrators read the audit trail through the graph', () => {
  it('answers hub administrators with every subgraph’s trail, filtered by request, and refuses anyone else', async () => {
    const read = await send('local-officer', '{ deflections(first: 1) { edges { node { id } } } }');
    const query = `query($f: AuditTrailFilter) { casesAuditTrail(filter: $f) { edges { node { kind outcome entityType requestId recordedAt hash } } }
      agenciesAuditTrail(first: 1) { edges { node { sequence } } } treatmentAuditTrail(first: 1) { edges { node { sequence } } } reportingAuditTrail(first: 1) { edges { node { sequence } } } }`;
    const trail = await send('hub-admin', query, { f: { requestId: read.requestId } });
    expect(trail.errors).toBeUndefined();
    expect((trail.data!.casesAuditTrail as { edges: { node: { kind: string; requestId: string } }[] }).edges).toEqual([
      { node: expect.objectContaining({ kind: 'READ', outcome: 'SUCCESS', entityType: 'Deflection', requestId: read.requestId }) },
    ]);
    for (const persona of ['local-officer', 'analyst', 'agency-admin']) {
      const refused = await send(persona, '{ casesAuditTrail(first: 1) { edges { node { sequence } } } }');
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const bad = await send('hub-admin', '{ casesAuditTrail(filter: { actorId: "not-a-uuid" }) { edges { node { sequence } } } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.actorId', rule: 'uuid' });
  });
});

describe('a request that cannot be audited fails', () => {
  it('withholds the answer (AUDIT_UNAVAILABLE, no data) when the audit record cannot be written, and answers again once it can', async () => {
    const role = 'hub_cases';
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    await withAdmin((client) => client.query(`revoke insert on cases.audit_record from ${role}`));
    try {
      const result = await send('local-officer', '{ deflections(first: 1) { edges { node { id referenceNumber } } } }');
      expect(result.data?.deflections ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'AUDIT_UNAVAILABLE', retryable: true });
      expect(JSON.stringify(result)).not.toMatch(/DFL-/);
    } finally {
      await withAdmin((client) => client.query(`grant insert on cases.audit_record to ${role}`));
      error.mockRestore();
    }
    expect((await send('local-officer', '{ deflections(first: 1) { edges { node { id } } } }')).errors).toBeUndefined();
  });
});
