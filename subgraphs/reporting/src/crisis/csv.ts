import {
  CALL_TYPES, CRISIS_ARRIVALS, CRISIS_OUTCOMES, LEVELS_OF_RESPONSE, REFERRAL_CHANNELS,
  type CrisisOutcome, type LevelOfResponse,
} from '@hub/platform/domain';
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { CrisisIncidentFields } from './incident-fields.js';

/**
 * Mental-health crisis incidents (20 Ill. Adm. Code 1244 Subpart B) as CSV: what an agency's CAD/RMS export is read
 * from and what a monthly submission is written as. One Y/N column per option of the rule, so a spreadsheet can
 * filter on any of them; the columns an import reads are the ones an export writes.
 */

const levelColumn = (level: LevelOfResponse) => `level_${level.toLowerCase()}`;
const outcomeColumn = (outcome: CrisisOutcome) => `outcome_${outcome.toLowerCase()}`;

export const CRISIS_CSV_COLUMNS: readonly string[] = [
  'agency_incident_number',
  'dispatched_at',
  'dispatch_reason',
  'arrival',
  ...LEVELS_OF_RESPONSE.map(levelColumn),
  'level_other_description',
  ...CRISIS_OUTCOMES.map(outcomeColumn),
  'outcome_other_description',
  'subject_located',
  'field_report_written',
  'call_type',
  'channel',
  'deflection_id',
];

/** dispatched_at is required as a column yet may be empty: arrivals other than a dispatch have none, and the rules say why. */
const REQUIRED_COLUMNS: ReadonlySet<string> = new Set([
  'dispatched_at',
  'arrival',
  ...LEVELS_OF_RESPONSE.map(levelColumn),
  ...CRISIS_OUTCOMES.map(outcomeColumn),
  'subject_located',
  'field_report_written',
]);

/** Where a business rule's field is in the file, so its refusal can point at a cell. */
export const COLUMN_OF_FIELD: Record<string, string> = {
  agencyIncidentNumber: 'agency_incident_number',
  dispatchedAt: 'dispatched_at',
  dispatchReason: 'dispatch_reason',
  arrival: 'arrival',
  levelsOfResponse: 'level_*',
  levelOfResponseOther: 'level_other_description',
  outcomes: 'outcome_*',
  outcomeOther: 'outcome_other_description',
  subjectLocated: 'subject_located',
  fieldReportWritten: 'field_report_written',
  callType: 'call_type',
  channel: 'channel',
  deflectionId: 'deflection_id',
} satisfies Record<keyof CrisisIncidentFields, string>;

export interface CsvRowError {
  /** The line in the file where the record starts; the header is row 1. */
  row: number;
  column: string | null;
  rule: string;
  message: string;
}

/** A month of even the largest agency fits; more is a year's export sent by mistake. */
const MAX_ROWS = 50_000;

const YES = new Set(['Y', 'YES', 'TRUE', '1']);
const NO = new Set(['N', 'NO', 'FALSE', '0']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** RFC 3339's space for the T is allowed because CAD exports commonly write it. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection); Apple Numbers also reads the full-width forms.
const FORMULA_START = String.raw`=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20`;
/** Text already starting with apostrophes before a formula character gets one more too, so reading strips back to it. */
const GUARDED_ON_EXPORT = new RegExp(`^'*[${FORMULA_START}]`);
const GUARDED_ON_IMPORT = new RegExp(`^'+[${FORMULA_START}]`);

function guardFormula(value: string): string {
  return GUARDED_ON_EXPORT.test(value) ? `'${value}` : value;
}

function unguardFormula(value: string): string {
  return GUARDED_ON_IMPORT.test(value) ? value.slice(1) : value;
}

/** The offending value in a message, short enough to read. */
function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** Reads one data row's cells, collecting every refusal rather than stopping at the first. */
class RowReader {
  readonly errors: CsvRowError[] = [];

  constructor(
    private readonly row: number,
    private readonly cells: ReadonlyMap<string, string>,
  ) {}

  private cell(column: string): string {
    return (this.cells.get(column) ?? '').trim();
  }

  private fail(column: string, rule: string, message: string): null {
    this.errors.push({ row: this.row, column, rule, message: `Row ${this.row}, column ${column}: ${message}` });
    return null;
  }

  text(column: string, max: number): string | null {
    const value = unguardFormula(this.cell(column)).trim();
    if (value === '') return null;
    if (value.length > max) return this.fail(column, 'max-length', `the text is ${value.length} characters long; at most ${max} are allowed.`);
    return value;
  }

  yesNo(column: string): boolean | null {
    const value = this.cell(column);
    if (value === '') return this.fail(column, 'required', 'is empty; write Y or N.');
    const upper = value.toUpperCase();
    if (YES.has(upper)) return true;
    if (NO.has(upper)) return false;
    return this.fail(column, 'yes-no', `${shown(value)} is not yes or no; write Y or N (YES/NO, TRUE/FALSE and 1/0 are read too).`);
  }

  oneOf<T extends string>(column: string, vocabulary: readonly T[], required: boolean): T | null {
    const value = this.cell(column);
    const allowed = vocabulary.join(', ');
    if (value === '') return required ? this.fail(column, 'required', `is empty; write one of ${allowed}.`) : null;
    const found = vocabulary.find((option) => option === value.toUpperCase());
    return found ?? this.fail(column, 'one-of', `${shown(value)} is not one of the allowed values: ${allowed}.`);
  }

  dateTime(column: string): Date | null {
    const value = this.cell(column);
    if (value === '') return null;
    const match = DATE_TIME.exec(value);
    const notDateTime = () => this.fail(column, 'date-time', `${shown(value)} is not a date and time; write it as ISO 8601 with its offset, e.g. 2026-03-14T21:05:00-05:00.`);
    if (!match) return notDateTime();
    const [, year, month, day, hour, minute, second = '0', fraction = '', offset] = match;
    const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
    // setUTCFullYear rather than Date.UTC, which reads years 0–99 as 1900–1999.
    const local = new Date(0);
    local.setUTCFullYear(y, mo - 1, d);
    local.setUTCHours(h, mi, s, Number(fraction.slice(0, 3).padEnd(3, '0')));
    const validDay = local.getUTCFullYear() === y && local.getUTCMonth() === mo - 1 && local.getUTCDate() === d;
    if (!validDay || h > 23 || mi > 59 || s > 59) return notDateTime();
    if (offset === undefined) {
      return this.fail(column, 'date-time-offset', `${shown(value)} has no UTC offset; a CAD clock's local time is ambiguous (twice a year in Illinois), so add the offset (e.g. -05:00) or Z.`);
    }
    if (offset.toUpperCase() === 'Z') return local;
    const digits = offset.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 23 || om > 59) return notDateTime();
    const offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (oh * 60 + om);
    return new Date(local.getTime() - offsetMinutes * 60_000);
  }

  uuid(column: string): string | null {
    const value = this.cell(column);
    if (value === '') return null;
    return UUID.test(value) ? value.toLowerCase() : this.fail(column, 'uuid', `${shown(value)} is not a deflection id (a UUID such as 6f1c2a3e-8d4b-4c1a-9e2f-0a1b2c3d4e5f).`);
  }
}

function readIncident(row: number, cells: ReadonlyMap<string, string>): { fields: CrisisIncidentFields | null; errors: CsvRowError[] } {
  const r = new RowReader(row, cells);
  const agencyIncidentNumber = r.text('agency_incident_number', 60);
  const dispatchedAt = r.dateTime('dispatched_at');
  const dispatchReason = r.text('dispatch_reason', 500);
  const arrival = r.oneOf('arrival', CRISIS_ARRIVALS, true);
  const levels = LEVELS_OF_RESPONSE.map((level) => [level, r.yesNo(levelColumn(level))] as const);
  const levelOfResponseOther = r.text('level_other_description', 500);
  const outcomes = CRISIS_OUTCOMES.map((outcome) => [outcome, r.yesNo(outcomeColumn(outcome))] as const);
  const outcomeOther = r.text('outcome_other_description', 500);
  const subjectLocated = r.yesNo('subject_located');
  const fieldReportWritten = r.yesNo('field_report_written');
  const callType = r.oneOf('call_type', CALL_TYPES, false);
  const channel = r.oneOf('channel', REFERRAL_CHANNELS, false);
  const deflectionId = r.uuid('deflection_id');
  if (r.errors.length > 0 || arrival === null || subjectLocated === null || fieldReportWritten === null) return { fields: null, errors: r.errors };
  return {
    fields: {
      agencyIncidentNumber,
      dispatchedAt,
      dispatchReason,
      arrival,
      levelsOfResponse: levels.filter(([, chosen]) => chosen).map(([level]) => level),
      levelOfResponseOther,
      outcomes: outcomes.filter(([, chosen]) => chosen).map(([outcome]) => outcome),
      outcomeOther,
      subjectLocated,
      fieldReportWritten,
      callType,
      channel,
      deflectionId,
    },
    errors: [],
  };
}

function headerErrors(row: number, header: readonly string[]): CsvRowError[] {
  const errors: CsvRowError[] = [];
  const seen = new Set<string>();
  header.forEach((written, index) => {
    const name = written.trim().toLowerCase();
    if (name === '') {
      errors.push({ row, column: null, rule: 'unknown-column', message: `Row ${row}: header column ${index + 1} has no name; every column must be one of the known columns.` });
    } else if (!CRISIS_CSV_COLUMNS.includes(name)) {
      errors.push({ row, column: written.trim(), rule: 'unknown-column', message: `Row ${row}, column ${written.trim()}: is not a known column; the columns are ${CRISIS_CSV_COLUMNS.join(', ')}.` });
    } else if (seen.has(name)) {
      errors.push({ row, column: name, rule: 'duplicate-column', message: `Row ${row}, column ${name}: appears more than once in the header; keep one.` });
    }
    seen.add(name);
  });
  for (const column of CRISIS_CSV_COLUMNS) {
    if (REQUIRED_COLUMNS.has(column) && !seen.has(column)) {
      errors.push({ row, column, rule: 'missing-column', message: `Row ${row}, column ${column}: is missing from the header; it is a required column.` });
    }
  }
  return errors;
}

const MALFORMED: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a double quote opens a value that is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted value is followed by other characters before the next comma',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted value is followed by other characters before the next comma',
  INVALID_OPENING_QUOTE: 'a double quote appears inside a value that does not start with one',
};

interface Malformed {
  row: number;
  lastLine: number;
  detail: string;
}

function malformedError({ row, lastLine, detail }: Malformed): CsvRowError {
  const extent = lastLine > row ? `lines ${row} to ${lastLine} could not be read` : 'the row could not be read';
  return {
    row,
    column: null,
    rule: 'malformed-csv',
    message: `Row ${row}: not well-formed CSV: ${detail}; ${extent} (a value holding a comma, a line break or a double quote must be in double quotes, with its double quotes doubled).`,
  };
}

const newlines = (text: string) => text.split('\n').length - 1;

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/**
 * An agency's CAD/RMS export, read without throwing: every problem comes back as an error naming its row, a row
 * with any cell refused is left out of `rows`, and the business rules are left to the caller.
 */
export function parseCrisisCsv(text: string): { rows: { row: number; fields: CrisisIncidentFields }[]; errors: CsvRowError[] } {
  // The parser counts a CR as a line of its own, so CRLF files would report every row twice as far down.
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const malformed = new Map<number, Malformed>();
  const noteMalformed = (row: number, lastLine: number, detail: string) => {
    const known = malformed.get(row);
    // After a bad quote the parser can report the same record again as it reads on; one error per record.
    if (known) known.lastLine = Math.max(known.lastLine, lastLine);
    else malformed.set(row, { row, lastLine, detail });
  };

  let records: ParsedRecord[];
  try {
    records = parse(normalised, {
      info: true,
      raw: true,
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined, raw: string | undefined) => {
        const lastLine = typeof error?.lines === 'number' ? error.lines : 1;
        const body = (raw ?? '').replace(/^\n+/, '').replace(/\n$/, '');
        noteMalformed(lastLine - newlines(body), lastLine, (error && MALFORMED[error.code]) ?? error?.message ?? 'the row could not be read');
        return undefined;
      },
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : 1;
    return { rows: [], errors: [malformedError({ row: line, lastLine: line, detail: error.message })] };
  }

  const located = records
    .map(({ record, info }) => ({ record, row: info.lines - newlines(record.join('')), lastLine: info.lines }))
    // Spreadsheets save rows they once formatted as lines of bare commas.
    .filter(({ record }) => record.some((cell) => cell.trim() !== ''));
  const [header, ...data] = located;

  const headerRow = header?.row ?? 1;
  const brokenHeader = [...malformed.values()].filter((m) => header === undefined || m.row <= header.row);
  if (brokenHeader.length > 0) return { rows: [], errors: brokenHeader.map(malformedError) };
  if (data.length + malformed.size > MAX_ROWS) {
    return {
      rows: [],
      errors: [{ row: headerRow, column: null, rule: 'too-many-rows', message: `Row ${headerRow}: the file has more than ${MAX_ROWS.toLocaleString('en-US')} incidents, the most one import takes; import a month at a time.` }],
    };
  }
  const headerProblems = headerErrors(headerRow, header?.record ?? []);
  if (headerProblems.length > 0) return { rows: [], errors: headerProblems };

  const columns = (header?.record ?? []).map((name) => name.trim().toLowerCase());
  const rows: { row: number; fields: CrisisIncidentFields }[] = [];
  const errors: CsvRowError[] = [];
  for (const { record, row, lastLine } of data) {
    if (record.length !== columns.length) {
      noteMalformed(row, lastLine, `it has ${record.length} values where the header has ${columns.length} columns`);
      continue;
    }
    const read = readIncident(row, new Map(columns.map((column, index) => [column, record[index] ?? ''])));
    if (read.fields) rows.push({ row, fields: read.fields });
    errors.push(...read.errors);
  }
  errors.push(...[...malformed.values()].map(malformedError));
  return { rows, errors: errors.sort((a, b) => a.row - b.row) };
}

const yesNo = (value: boolean) => (value ? 'Y' : 'N');
const textCell = (value: string | null) => (value === null ? '' : guardFormula(value));

/** The columns in CRISIS_CSV_COLUMNS' order, CRLF as RFC 4180 and the state's spreadsheet tools expect. */
export function crisisIncidentsToCsv(incidents: readonly CrisisIncidentFields[]): string {
  const rows = incidents.map((incident) => [
    textCell(incident.agencyIncidentNumber),
    incident.dispatchedAt?.toISOString() ?? '',
    textCell(incident.dispatchReason),
    incident.arrival,
    ...LEVELS_OF_RESPONSE.map((level) => yesNo(incident.levelsOfResponse.includes(level))),
    textCell(incident.levelOfResponseOther),
    ...CRISIS_OUTCOMES.map((outcome) => yesNo(incident.outcomes.includes(outcome))),
    textCell(incident.outcomeOther),
    yesNo(incident.subjectLocated),
    yesNo(incident.fieldReportWritten),
    incident.callType ?? '',
    incident.channel ?? '',
    incident.deflectionId ?? '',
  ]);
  // Giving a record delimiter turns off quoting of values with line breaks unless asked for again.
  return stringify([[...CRISIS_CSV_COLUMNS], ...rows], { record_delimiter: 'windows', quote_record_delimiter: true, eof: true });
}
