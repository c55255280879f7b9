import Papa from 'papaparse';
import type { EpisodeState, EpisodeUpdateInput } from '../../gql/graphql.js';

/**
 * A provider's bulk outcome file: one row per update, with a header row. Columns: episodeId, toState, at (ISO date
 * and time), and optionally reason, intakeScheduledFor, clientUpdateId. The console only shapes rows into the
 * mutation's input; every rule (transitions, dates, consent) is the hub's, answered per row.
 */
export const OUTCOME_CSV_COLUMNS = ['episodeId', 'toState', 'at', 'reason', 'intakeScheduledFor', 'clientUpdateId'] as const;

export interface ParsedOutcomes {
  updates: EpisodeUpdateInput[];
  /** Problems with the file itself (not with a row's content, which the hub judges). */
  problems: string[];
}

export function parseOutcomeCsv(text: string): ParsedOutcomes {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() });
  const problems = parsed.errors.map((e) => `Row ${(e.row ?? 0) + 2}: ${e.message}`);
  const headers = parsed.meta.fields ?? [];
  const missing = ['episodeId', 'toState', 'at'].filter((c) => !headers.includes(c));
  if (missing.length > 0) problems.push(`The header row lacks ${missing.join(', ')} (expected ${OUTCOME_CSV_COLUMNS.join(', ')}).`);
  const unknown = headers.filter((h) => !(OUTCOME_CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) problems.push(`Unknown column(s): ${unknown.join(', ')}.`);
  if (problems.length > 0) return { updates: [], problems };
  const updates = parsed.data.map((row, index): EpisodeUpdateInput => {
    const optional = (key: string) => (row[key]?.trim() ? row[key]!.trim() : null);
    return {
      episodeId: row.episodeId?.trim() ?? '',
      toState: (row.toState?.trim() ?? '') as EpisodeState,
      at: row.at?.trim() ?? '',
      reason: optional('reason'),
      intakeScheduledFor: optional('intakeScheduledFor'),
      // Names each row, so a re-sent file is recognised row by row (the hub reports DUPLICATE) and results match rows.
      clientUpdateId: optional('clientUpdateId') ?? `row-${index + 2}`,
    };
  });
  return { updates, problems };
}
