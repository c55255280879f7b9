import { describe, expect, it } from '@jest/globals';
import { COLUMN_OF_FIELD, CRISIS_CSV_COLUMNS, crisisIncidentsToCsv, parseCrisisCsv } from '../src/crisis/csv.js';
import type { CrisisIncidentFields } from '../src/crisis/incident-fields.js';

/**
 * The crisis CSV on its own, without a database: what an agency's CAD/RMS export may look like, which cells are
 * refused and where, and that a submission exported can be read back unchanged.
 */

const DEFLECTION = '6f1c2a3e-8d4b-4c1a-9e2f-0a1b2c3d4e5f';

const incident = (over: Partial<CrisisIncidentFields> = {}): CrisisIncidentFields => ({
  agencyIncidentNumber: '26-000123',
  dispatchedAt: new Date('2026-03-14T02:05:00.000Z'),
  dispatchReason: 'Person in crisis on the bridge',
  arrival: 'DISPATCHED',
  levelsOfResponse: ['SWORN_OFFICER'],
  levelOfResponseOther: null,
  outcomes: ['VOLUNTARY_ADMISSION'],
  outcomeOther: null,
  subjectLocated: true,
  fieldReportWritten: true,
  callType: null,
  channel: null,
  deflectionId: null,
  ...over,
});

/** One valid data row as cells, by column; tests override the cells they are about. */
const CELLS: Record<string, string> = Object.fromEntries(CRISIS_CSV_COLUMNS.map((column) => [column, '']));
Object.assign(CELLS, {
  agency_incident_number: '26-000123',
  dispatched_at: '2026-03-13T20:05:00-06:00',
  dispatch_reason: 'Person in crisis on the bridge',
  arrival: 'DISPATCHED',
  level_sworn_officer: 'Y',
  outcome_voluntary_admission: 'Y',
  subject_located: 'Y',
  field_report_written: 'Y',
});
for (const column of CRISIS_CSV_COLUMNS) if (/^(level|outcome)_/.test(column) && !column.endsWith('_description') && CELLS[column] === '') CELLS[column] = 'N';

/** A file from rows of cells (none holding a comma or quote), in the given column order. */
function csvOf(rows: Record<string, string>[], columns: readonly string[] = CRISIS_CSV_COLUMNS, eol = '\n'): string {
  return [columns.join(','), ...rows.map((row) => columns.map((column) => row[column] ?? '').join(','))].join(eol) + eol;
}

const row = (over: Record<string, string> = {}) => ({ ...CELLS, ...over });
const brief = (errors: { row: number; column: string | null; rule: string }[]) => errors.map(({ row, column, rule }) => ({ row, column, rule }));

describe('crisis CSV columns', () => {
  it('lists one Y/N column per level of response and per outcome, in the rule order, between the fixed columns', () => {
    expect(CRISIS_CSV_COLUMNS).toEqual([
      'agency_incident_number', 'dispatched_at', 'dispatch_reason', 'arrival',
      'level_sworn_officer', 'level_cit_trained_officer', 'level_swat_team', 'level_social_worker', 'level_psychologist', 'level_ambulance', 'level_other',
      'level_other_description',
      'outcome_released_own_recognizance', 'outcome_released_family_member', 'outcome_arrested', 'outcome_voluntary_admission', 'outcome_officer_admitted',
      'outcome_adjudicated', 'outcome_other',
      'outcome_other_description', 'subject_located', 'field_report_written', 'call_type', 'channel', 'deflection_id',
    ]);
  });

  it('maps every field a business rule names to the column holding it', () => {
    expect(COLUMN_OF_FIELD).toMatchObject({
      dispatchedAt: 'dispatched_at', levelsOfResponse: 'level_*', outcomes: 'outcome_*', levelOfResponseOther: 'level_other_description',
      outcomeOther: 'outcome_other_description', agencyIncidentNumber: 'agency_incident_number', deflectionId: 'deflection_id',
    });
    expect(Object.keys(COLUMN_OF_FIELD).sort()).toEqual(Object.keys(incident()).sort());
  });
});

describe('crisis CSV export', () => {
  it('writes the header, one CRLF-ended row per incident, Y/N for each option, ISO instants and empty cells for nulls', () => {
    const csv = crisisIncidentsToCsv([incident({ levelsOfResponse: ['SWORN_OFFICER', 'AMBULANCE'], callType: 'MENTAL_HEALTH' })]);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(CRISIS_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe('26-000123,2026-03-14T02:05:00.000Z,Person in crisis on the bridge,DISPATCHED,Y,N,N,N,N,Y,N,,N,N,N,Y,N,N,N,,Y,Y,MENTAL_HEALTH,,');
    expect(lines[2]).toBe('');
  });

  it('writes only the header for a zero report', () => {
    expect(crisisIncidentsToCsv([])).toBe(`${CRISIS_CSV_COLUMNS.join(',')}\r\n`);
  });

  it('puts an apostrophe before text a spreadsheet would run as a formula, and only before text', () => {
    const csv = crisisIncidentsToCsv([incident({ agencyIncidentNumber: '-26-1', dispatchReason: '=HYPERLINK("http://x")', levelsOfResponse: ['OTHER'], levelOfResponseOther: '@team', outcomes: ['OTHER'], outcomeOther: '+1 more' })]);
    const line = csv.split('\r\n')[1];
    expect(line).toContain(`'-26-1,`);
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).toContain(`'@team`);
    expect(line).toContain(`'+1 more`);
    expect(line).toContain('2026-03-14T02:05:00.000Z');
  });
});

describe('crisis CSV round trip', () => {
  it('reads back exactly the incidents it wrote, including OTHER descriptions, nulls, formula-like text and line breaks', () => {
    const incidents = [
      incident(),
      incident({
        agencyIncidentNumber: '=26-000124',
        dispatchReason: 'Caller said: "he has a knife", then hung up\nRecontacted by text',
        arrival: 'DISPATCHED',
        levelsOfResponse: ['CIT_TRAINED_OFFICER', 'SOCIAL_WORKER', 'OTHER'],
        levelOfResponseOther: 'Mobile crisis team, Thresholds',
        outcomes: ['RELEASED_FAMILY_MEMBER', 'OTHER'],
        outcomeOther: "'-already guarded by the CAD export",
        subjectLocated: false,
        fieldReportWritten: false,
        callType: 'MENTAL_HEALTH',
        channel: 'LIVE_ON_SCENE_RESPONSE',
        deflectionId: DEFLECTION,
      }),
      incident({ dispatchReason: '-referred to 988 follow-up', levelsOfResponse: ['OTHER'], levelOfResponseOther: "'quoted' team" }),
      incident({ agencyIncidentNumber: null, dispatchedAt: null, dispatchReason: null, arrival: 'LEARNED_LATER', levelsOfResponse: [], outcomes: [] }),
    ];
    const parsed = parseCrisisCsv(crisisIncidentsToCsv(incidents));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.fields)).toEqual(incidents);
    // The second incident's reason spans two lines, so the third starts on line 5.
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 3, 5, 6]);
  });

  it('yields levels and outcomes in the order of the rule whatever order they were given in', () => {
    const parsed = parseCrisisCsv(crisisIncidentsToCsv([incident({ levelsOfResponse: ['AMBULANCE', 'SWORN_OFFICER'], outcomes: ['ADJUDICATED', 'ARRESTED'] })]));
    expect(parsed.rows[0]?.fields.levelsOfResponse).toEqual(['SWORN_OFFICER', 'AMBULANCE']);
    expect(parsed.rows[0]?.fields.outcomes).toEqual(['ARRESTED', 'ADJUDICATED']);
  });
});

describe('crisis CSV import: the file', () => {
  it('accepts a UTF-8 byte order mark, CRLF line ends and blank lines, counting rows as lines of the file', () => {
    const text = `\uFEFF${csvOf([row(), row({ agency_incident_number: '26-2' })], CRISIS_CSV_COLUMNS, '\r\n').replace(/\r\n(?=26-2)/, '\r\n\r\n')}`;
    const parsed = parseCrisisCsv(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.fields.agencyIncidentNumber])).toEqual([[2, '26-000123'], [4, '26-2']]);
    expect(parsed.rows[0]?.fields).toEqual(incident());
  });

  it('skips lines of bare commas a spreadsheet leaves after the data', () => {
    const text = csvOf([row()]) + ','.repeat(CRISIS_CSV_COLUMNS.length - 1) + '\n  \n';
    expect(parseCrisisCsv(text)).toEqual({ rows: [{ row: 2, fields: incident() }], errors: [] });
  });

  it('reads header names whatever their case and surrounding spaces, in any order, and the optional columns may be left out', () => {
    const columns = CRISIS_CSV_COLUMNS.filter((c) => !['agency_incident_number', 'dispatch_reason', 'call_type', 'channel', 'deflection_id', 'level_other_description', 'outcome_other_description'].includes(c)).reverse();
    const header = columns.map((c, i) => (i % 2 === 0 ? ` ${c.toUpperCase()} ` : c)).join(',');
    const text = `${header}\n${columns.map((c) => CELLS[c]).join(',')}\n`;
    const parsed = parseCrisisCsv(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]?.fields).toEqual(incident({ agencyIncidentNumber: null, dispatchReason: null }));
  });

  it('refuses an unknown column on row 1 and reads no rows', () => {
    const parsed = parseCrisisCsv(csvOf([row({ officer_badge: '123' })], [...CRISIS_CSV_COLUMNS, 'officer_badge']));
    expect(parsed.rows).toEqual([]);
    expect(brief(parsed.errors)).toEqual([{ row: 1, column: 'officer_badge', rule: 'unknown-column' }]);
    expect(parsed.errors[0]?.message).toContain('officer_badge');
  });

  it('refuses a header missing a required column on row 1 and reads no rows', () => {
    const parsed = parseCrisisCsv(csvOf([row()], CRISIS_CSV_COLUMNS.filter((c) => c !== 'level_swat_team' && c !== 'subject_located')));
    expect(parsed.rows).toEqual([]);
    expect(brief(parsed.errors)).toEqual([
      { row: 1, column: 'level_swat_team', rule: 'missing-column' },
      { row: 1, column: 'subject_located', rule: 'missing-column' },
    ]);
  });

  it('refuses a column named twice (in any case) on row 1 and reads no rows', () => {
    const parsed = parseCrisisCsv(csvOf([{ ...row(), ARRIVAL: 'DISPATCHED' }], [...CRISIS_CSV_COLUMNS, 'ARRIVAL']));
    expect(parsed.rows).toEqual([]);
    expect(brief(parsed.errors)).toEqual([{ row: 1, column: 'arrival', rule: 'duplicate-column' }]);
  });

  it('refuses an empty file for its missing columns rather than throwing', () => {
    const parsed = parseCrisisCsv('');
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.every((e) => e.row === 1 && e.rule === 'missing-column')).toBe(true);
    expect(parsed.errors.map((e) => e.column)).toContain('arrival');
  });

  it('reports a stray double quote as malformed CSV on its row and still reads the rows around it', () => {
    const text = csvOf([row({ agency_incident_number: '26-1' }), row({ dispatch_reason: 'said "help"' }), row({ agency_incident_number: '26-3' })]);
    const parsed = parseCrisisCsv(text);
    expect(brief(parsed.errors)).toEqual([{ row: 3, column: null, rule: 'malformed-csv' }]);
    expect(parsed.errors[0]?.message).toMatch(/^Row 3: not well-formed CSV/);
    expect(parsed.rows.map((r) => [r.row, r.fields.agencyIncidentNumber])).toEqual([[2, '26-1'], [4, '26-3']]);
  });

  it('reports an unclosed quote as malformed CSV on the row it opens on, keeping the rows before it', () => {
    const text = csvOf([row({ agency_incident_number: '26-1' }), row({ dispatch_reason: '"never closed' }), row({ agency_incident_number: '26-3' })]);
    const parsed = parseCrisisCsv(text);
    expect(brief(parsed.errors)).toEqual([{ row: 3, column: null, rule: 'malformed-csv' }]);
    expect(parsed.errors[0]?.message).toContain('never closed; lines 3 to 4 could not be read');
    expect(parsed.rows.map((r) => r.row)).toEqual([2]);
  });

  it('reports a row with more or fewer values than the header as malformed CSV and reads the others', () => {
    const lines = csvOf([row({ agency_incident_number: '26-1' }), row(), row({ agency_incident_number: '26-3' }), row()]).split('\n');
    lines[2] = `${lines[2]},extra`;
    lines[4] = lines[4]!.slice(0, lines[4]!.lastIndexOf(','));
    const parsed = parseCrisisCsv(lines.join('\n'));
    expect(brief(parsed.errors)).toEqual([
      { row: 3, column: null, rule: 'malformed-csv' },
      { row: 5, column: null, rule: 'malformed-csv' },
    ]);
    expect(parsed.errors[0]?.message).toContain(`${CRISIS_CSV_COLUMNS.length + 1} values where the header has ${CRISIS_CSV_COLUMNS.length} columns`);
    expect(parsed.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('refuses more than 50,000 data rows with a single error on row 1 and reads none; a month at a time fits', () => {
    const line = csvOf([row()]).split('\n')[1];
    const file = (n: number) => `${CRISIS_CSV_COLUMNS.join(',')}\n${`${line}\n`.repeat(n)}`;
    const over = parseCrisisCsv(file(50_001));
    expect(over.rows).toEqual([]);
    expect(brief(over.errors)).toEqual([{ row: 1, column: null, rule: 'too-many-rows' }]);
    expect(over.errors[0]?.message).toContain('a month at a time');
    const limit = parseCrisisCsv(file(50_000));
    expect(limit.errors).toEqual([]);
    expect(limit.rows).toHaveLength(50_000);
  });
});

describe('crisis CSV import: cells', () => {
  /** Parses one data row (row 2) with the given cells and returns its errors and whether it was read. */
  const one = (over: Record<string, string>) => {
    const parsed = parseCrisisCsv(csvOf([row(over)]));
    return { errors: brief(parsed.errors), messages: parsed.errors.map((e) => e.message), fields: parsed.rows[0]?.fields };
  };

  it('reads Y/N columns as Y, N, YES, NO, TRUE, FALSE, 1 or 0 in any case', () => {
    const { errors, fields } = one({ level_sworn_officer: 'yes', level_ambulance: 'True', level_swat_team: '0', outcome_arrested: '1', outcome_voluntary_admission: 'no', outcome_adjudicated: 'y', subject_located: 'FALSE', field_report_written: 'n' });
    expect(errors).toEqual([]);
    expect(fields).toMatchObject({ levelsOfResponse: ['SWORN_OFFICER', 'AMBULANCE'], outcomes: ['ARRESTED', 'ADJUDICATED'], subjectLocated: false, fieldReportWritten: false });
  });

  it('refuses anything else in a Y/N column (yes-no) and an empty one (required), leaving the row out', () => {
    const { errors, messages, fields } = one({ level_psychologist: 'maybe', subject_located: '' });
    expect(errors).toEqual([
      { row: 2, column: 'level_psychologist', rule: 'yes-no' },
      { row: 2, column: 'subject_located', rule: 'required' },
    ]);
    expect(messages[0]).toMatch(/^Row 2, column level_psychologist: "maybe" is not yes or no/);
    expect(fields).toBeUndefined();
  });

  it('reads enum values in any case and refuses others with the allowed values (one-of)', () => {
    expect(one({ arrival: ' dispatched ', call_type: 'mental_health', channel: 'Crisis_Line' }).fields).toMatchObject({ arrival: 'DISPATCHED', callType: 'MENTAL_HEALTH', channel: 'CRISIS_LINE' });
    const { errors, messages } = one({ arrival: 'ON_VIEW', channel: 'phone' });
    expect(errors).toEqual([
      { row: 2, column: 'arrival', rule: 'one-of' },
      { row: 2, column: 'channel', rule: 'one-of' },
    ]);
    expect(messages[0]).toContain('DISPATCHED, ISPERN_BROADCAST, SELF_INITIATED, LEARNED_LATER');
    expect(one({ arrival: '' }).errors).toEqual([{ row: 2, column: 'arrival', rule: 'required' }]);
  });

  it('reads dispatched_at as an ISO 8601 instant with its offset or Z, seconds optional', () => {
    const at = (value: string) => one({ dispatched_at: value }).fields?.dispatchedAt?.toISOString();
    expect(at('2026-03-13T20:05:00-06:00')).toBe('2026-03-14T02:05:00.000Z');
    expect(at('2026-03-13T20:05-0600')).toBe('2026-03-14T02:05:00.000Z');
    expect(at('2026-03-14T02:05:00.250z')).toBe('2026-03-14T02:05:00.250Z');
    expect(at('2026-07-01 09:30:00+05:30')).toBe('2026-07-01T04:00:00.000Z');
    expect(one({ dispatched_at: '' }).fields?.dispatchedAt).toBeNull();
  });

  it('refuses a dispatched_at without an offset (date-time-offset) because CAD local time is ambiguous', () => {
    const { errors, messages } = one({ dispatched_at: '2026-11-01T01:30:00' });
    expect(errors).toEqual([{ row: 2, column: 'dispatched_at', rule: 'date-time-offset' }]);
    expect(messages[0]).toContain('no UTC offset');
  });

  it('refuses a dispatched_at that is not a date-time (date-time), including impossible dates', () => {
    for (const value of ['03/13/2026 20:05', '2026-03-13', '2026-02-30T10:00:00Z', '2026-03-13T24:00:00Z', 'yesterday']) {
      expect(one({ dispatched_at: value }).errors).toEqual([{ row: 2, column: 'dispatched_at', rule: 'date-time' }]);
    }
  });

  it('reads deflection_id as a lower-cased UUID and refuses anything else (uuid)', () => {
    expect(one({ deflection_id: DEFLECTION.toUpperCase() }).fields?.deflectionId).toBe(DEFLECTION);
    expect(one({ deflection_id: 'D-1234' }).errors).toEqual([{ row: 2, column: 'deflection_id', rule: 'uuid' }]);
  });

  it('trims text, reads an empty cell as null and refuses text over its length (max-length)', () => {
    expect(one({ agency_incident_number: '  26-9  ', dispatch_reason: '   ' }).fields).toMatchObject({ agencyIncidentNumber: '26-9', dispatchReason: null });
    expect(one({ agency_incident_number: 'x'.repeat(60), dispatch_reason: 'r'.repeat(500) }).errors).toEqual([]);
    const { errors, messages } = one({ agency_incident_number: 'x'.repeat(61), dispatch_reason: 'r'.repeat(501), level_other: 'Y', level_other_description: 'd'.repeat(501), outcome_other_description: 'o'.repeat(501) });
    expect(errors).toEqual([
      { row: 2, column: 'agency_incident_number', rule: 'max-length' },
      { row: 2, column: 'dispatch_reason', rule: 'max-length' },
      { row: 2, column: 'level_other_description', rule: 'max-length' },
      { row: 2, column: 'outcome_other_description', rule: 'max-length' },
    ]);
    expect(messages[0]).toContain('at most 60');
  });

  it('strips exactly one leading apostrophe, and only where it guards formula-like text', () => {
    expect(one({ agency_incident_number: "'=1+1", dispatch_reason: "''=x", level_other: 'Y', level_other_description: "'O'Brien team" }).fields).toMatchObject({
      agencyIncidentNumber: '=1+1',
      dispatchReason: "'=x",
      levelOfResponseOther: "'O'Brien team",
    });
  });

  it('reports every bad cell of every row with its own row, and reads the good rows', () => {
    const parsed = parseCrisisCsv(csvOf([row({ subject_located: 'X' }), row(), row({ arrival: 'nope', deflection_id: '1' })]));
    expect(brief(parsed.errors)).toEqual([
      { row: 2, column: 'subject_located', rule: 'yes-no' },
      { row: 4, column: 'arrival', rule: 'one-of' },
      { row: 4, column: 'deflection_id', rule: 'uuid' },
    ]);
    expect(parsed.rows.map((r) => r.row)).toEqual([3]);
    for (const error of parsed.errors) expect(error.message).toContain(`column ${error.column}`);
  });
});
