import { createHash, randomUUID } from 'node:crypto';
import { execute, runIdempotently, type Command } from '@hub/platform/db';
import { crisisReportDueOn } from '@hub/platform/domain';
import { conflict, forbidden, invalidInput, Violations } from '@hub/platform/errors';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context.js';
import { checkNumberFree, numberTaken } from './incident-numbers.js';
import { COLUMN_OF_FIELD, parseCrisisCsv, type CsvRowError } from '../crisis/csv.js';
import { fieldsOfIncident, fieldsOfInput, incidentsHash, snapshotOf, storedFields } from '../crisis/fields.js';
import type { CrisisIncidentFields } from '../crisis/incident-fields.js';
import { CrisisImport, CrisisIncident, CrisisSubmission, type CrisisImportSummary } from '../entities/crisis.entity.js';
import type { CrisisImportResult, CrisisIncidentInput, ImportMode } from '../generated/resolvers-types.js';
import { assertCan } from '../rules/access.js';
import { checkCrisisIncident, checkMonthEnded, checkReportingMonth, CRISIS_FILING_KINDS, CRISIS_REPORTING_SINCE, crisisMonthOf } from '../rules/crisis-rules.js';

/**
 * IAC-1 to IAC-5 writes. Which agency files is asked of the agencies subgraph first (only local police, sheriffs
 * and ISP Patrol are dispatched to crisis calls and file with ISP); then one transaction per mutation.
 */


/** The caller's agency, if it files crisis reports; a refusal naming the rule otherwise. Before any transaction. */
async function filingAgency(context: Context): Promise<string> {
  const actor = assertCan(context.actor, 'crisis:record');
  const agency = await context.agencies.agency(actor.agencyId);
  if (!agency || !agency.active || !CRISIS_FILING_KINDS.includes(agency.kind)) {
    throw forbidden('Your agency does not file mental-health crisis reports: local police, sheriffs and ISP Patrol do (20 Ill. Adm. Code 1244.300).');
  }
  return agency.id;
}

function checked(fields: CrisisIncidentFields, now: Date): CrisisIncidentFields {
  const v = new Violations();
  checkCrisisIncident(v, fields, now);
  v.throwIfAny();
  return fields;
}


export async function recordCrisisIncident(context: Context, input: CrisisIncidentInput, idempotencyKey: string | null | undefined): Promise<CrisisIncident> {
  const agencyId = await filingAgency(context);
  return execute(context, (cmd) =>
    runIdempotently(
      cmd.em,
      { actorId: cmd.actor.personId, operation: 'recordCrisisIncident', key: idempotencyKey, input },
      async () => {
        const fields = checked(fieldsOfInput(input), cmd.now);
        await checkNumberFree(cmd.em, CrisisIncident, agencyId, fields.agencyIncidentNumber, null);
        const incident = cmd.em.create(CrisisIncident, {
          ...storedFields(fields), agencyId, month: crisisMonthOf(fields.dispatchedAt!), recordedById: cmd.actor.personId, recordedAt: cmd.now,
        });
        await cmd.em.flush();
        return { id: incident.id, result: incident };
      },
      (id) => cmd.em.findOneOrFail(CrisisIncident, { id, agencyId }),
    ),
  ).catch(numberTaken);
}

export async function updateCrisisIncident(context: Context, id: string, version: number, input: CrisisIncidentInput): Promise<CrisisIncident> {
  const agencyId = await filingAgency(context);
  return execute(context, async (cmd) => {
    const incident = await cmd.em.findOne(CrisisIncident, { id, agencyId });
    // Another agency's incident is answered as one that does not exist.
    if (!incident) throw invalidInput([{ field: 'id', rule: 'exists', message: 'id names no crisis incident of your agency.' }]);
    if (incident.version !== version) {
      throw conflict(`The incident has changed since you read it (you sent version ${version}, it is now ${incident.version}); read it again and retry.`, { field: 'version', rule: 'current-version', currentVersion: incident.version });
    }
    const fields = checked(fieldsOfInput(input), cmd.now);
    await checkNumberFree(cmd.em, CrisisIncident, agencyId, fields.agencyIncidentNumber, incident.id);
    cmd.em.assign(incident, { ...storedFields(fields), month: crisisMonthOf(fields.dispatchedAt!), updatedById: cmd.actor.personId, updatedAt: cmd.now });
    await cmd.em.flush();
    return incident;
  }).catch(numberTaken);
}

/** One submission at a time per agency and month, so two clerks cannot both make version 2. */
async function lockMonth(em: EntityManager, agencyId: string, month: string): Promise<void> {
  await em.getConnection().execute(`select pg_advisory_xact_lock(hashtext(?))`, [`crisis:${agencyId}:${month}`], 'all', em.getTransactionContext());
}

export async function submitCrisisMonth(context: Context, month: string, idempotencyKey: string | null | undefined): Promise<CrisisSubmission> {
  const agencyId = await filingAgency(context);
  assertCan(context.actor, 'crisis:submit');
  const v = new Violations();
  checkReportingMonth(v, 'month', month, new Date(), CRISIS_REPORTING_SINCE);
  v.throwIfAny();
  return execute(context, (cmd) =>
    runIdempotently(
      cmd.em,
      { actorId: cmd.actor.personId, operation: 'submitCrisisMonth', key: idempotencyKey, input: { month } },
      async () => {
        const submission = await submitMonth(cmd, agencyId, month);
        return { id: submission.id, result: submission };
      },
      (id) => cmd.em.findOneOrFail(CrisisSubmission, { id }),
    ),
  );
}

async function submitMonth(cmd: Command, agencyId: string, month: string): Promise<CrisisSubmission> {
  const v = new Violations();
  checkMonthEnded(v, 'month', month, cmd.now);
  v.throwIfAny();
  await lockMonth(cmd.em, agencyId, month);
  const incidents = await cmd.em.find(CrisisIncident, { agencyId, month }, { orderBy: { dispatchedAt: 'asc', id: 'asc' } });
  // Every incident complete: the rules again, as they stand today, naming the incident that fails.
  incidents.forEach((incident, i) => checkCrisisIncident(v, fieldsOfIncident(incident), cmd.now, `incidents[${i}](${incident.agencyIncidentNumber ?? incident.id})`));
  v.throwIfAny();
  const previous = await cmd.em.findOne(CrisisSubmission, { agencyId, month, supersededAt: null });
  const hash = incidentsHash(incidents);
  if (previous && previous.incidentsHash === hash) {
    throw conflict(`${month} was submitted as version ${previous.version} and nothing has changed since; there is nothing to correct.`, { field: 'month', rule: 'unchanged' });
  }
  if (previous) previous.supersededAt = cmd.now;
  const submission = cmd.em.create(CrisisSubmission, {
    agencyId, month, version: (previous?.version ?? 0) + 1, dueOn: crisisReportDueOn(month), submittedAt: cmd.now, submittedById: cmd.actor.personId,
    incidentCount: incidents.length, incidents: incidents.map(snapshotOf), incidentsHash: hash, supersededAt: null,
  });
  await cmd.em.flush();
  return submission;
}

/** A rule's field (`input.outcomes`) as the CSV column that holds it. */
function columnOf(field: string): string | null {
  return COLUMN_OF_FIELD[field.replace(/^input\./, '')] ?? null;
}

function rowErrors(row: number, fields: CrisisIncidentFields, now: Date): CsvRowError[] {
  const v = new Violations();
  checkCrisisIncident(v, fields, now);
  return v.list.map((violation) => ({ row, column: columnOf(violation.field), rule: violation.rule, message: `Row ${row}: ${violation.message}` }));
}

/** The most lines an import reads: a month of the busiest agency many times over, and a bound on the work one request does. */
const MAX_IMPORT_LINES = 50_001;

/** Every row checked (and rows without a CAD number refused: they could not be told apart on a retry), before any SQL. */
function checkRows(csv: string, now: Date): { valid: { row: number; fields: CrisisIncidentFields }[]; errors: CsvRowError[]; rows: number } {
  let lines = 0;
  for (let i = csv.indexOf('\n'); i !== -1 && lines <= MAX_IMPORT_LINES; i = csv.indexOf('\n', i + 1)) lines += 1;
  if (lines > MAX_IMPORT_LINES) {
    throw invalidInput([{ field: 'csv', rule: 'too-many-rows', message: `csv has more than ${MAX_IMPORT_LINES - 1} rows; import a month at a time.` }]);
  }
  const parsed = parseCrisisCsv(csv);
  const errors: CsvRowError[] = [...parsed.errors];
  const valid: { row: number; fields: CrisisIncidentFields }[] = [];
  const numbersInFile = new Map<string, number>();
  for (const { row, fields } of parsed.rows) {
    const found = rowErrors(row, fields, now);
    const number = fields.agencyIncidentNumber;
    if (number === null) {
      found.push({ row, column: 'agency_incident_number', rule: 'required', message: `Row ${row}: an imported incident needs the agency's incident number, so importing the file again cannot record it twice.` });
    } else {
      const earlier = numbersInFile.get(number);
      if (earlier !== undefined) found.push({ row, column: 'agency_incident_number', rule: 'unique', message: `Row ${row}: incident ${number} is also on row ${earlier}.` });
      else numbersInFile.set(number, row);
    }
    if (found.length > 0) errors.push(...found);
    else valid.push({ row, fields });
  }
  return { valid, errors: errors.sort((a, b) => a.row - b.row), rows: parsed.rows.length };
}


/**
 * A month's incidents from an agency's CAD/RMS export. The file is read and every row checked before the
 * transaction opens; in ALL_OR_NOTHING mode one bad row imports nothing. Rows whose agency incident number is
 * already recorded count as already present, so importing the same (or a corrected) file again is safe; a retry
 * with the same idempotency key is given the first answer again.
 */
export async function importCrisisIncidents(context: Context, csv: string, mode: ImportMode, idempotencyKey: string | null | undefined): Promise<CrisisImportResult> {
  const agencyId = await filingAgency(context);
  assertCan(context.actor, 'crisis:submit');
  const fileHash = createHash('sha256').update(csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')).digest('hex');
  const { valid, errors, rows } = checkRows(csv, new Date());
  const rejected = new Set(errors.map((e) => e.row)).size;
  return execute(context, (cmd) =>
    runIdempotently(
      cmd.em,
      { actorId: cmd.actor.personId, operation: 'importCrisisIncidents', key: idempotencyKey, input: { fileHash, mode } },
      async () => {
        await cmd.em.getConnection().execute(`select pg_advisory_xact_lock(hashtext(?))`, [`crisis-import:${agencyId}`], 'all', cmd.em.getTransactionContext());
        let result: CrisisImportSummary = { imported: 0, alreadyPresent: 0, rejected, errors };
        if (mode === 'VALID_ROWS' || errors.length === 0) {
          const numbers = valid.map((r) => r.fields.agencyIncidentNumber!);
          const present = new Set(
            numbers.length === 0 ? [] : (await cmd.em.find(CrisisIncident, { agencyId, agencyIncidentNumber: { $in: numbers } }, { fields: ['agencyIncidentNumber'] })).map((i) => i.agencyIncidentNumber),
          );
          const fresh = valid.filter((r) => !present.has(r.fields.agencyIncidentNumber));
          if (fresh.length > 0) {
            await cmd.em.insertMany(
              CrisisIncident,
              fresh.map(({ fields }) => ({
                id: randomUUID(),
                ...storedFields(fields), agencyId, month: crisisMonthOf(fields.dispatchedAt!), recordedById: cmd.actor.personId, recordedAt: cmd.now, version: 1,
              })),
            );
          }
          result = { imported: fresh.length, alreadyPresent: valid.length - fresh.length, rejected, errors };
        }
        // Every attempt is logged with its answer (a refused all-or-nothing import too, having written nothing else).
        const log = cmd.em.create(CrisisImport, {
          agencyId, fileHash, rows, rejected, imported: result.imported, alreadyPresent: result.alreadyPresent, importedById: cmd.actor.personId, importedAt: cmd.now, result,
        });
        await cmd.em.flush();
        return { id: log.id, result };
      },
      async (id) => (await cmd.em.findOneOrFail(CrisisImport, { id, agencyId })).result,
    ),
  ).catch(numberTaken);
}
