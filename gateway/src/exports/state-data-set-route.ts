import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { HttpError, type RouteHandler, sendJson } from '@hub/platform/server';
import type { GatewayContext } from '../context.js';
import { StateDataSetExportDocument, type StateDataSetExportQuery } from '../generated/operations.js';
import { requireAuthorization, runExportOperation, sendFile } from './run-export.js';

type DataSet = StateDataSetExportQuery['stateDataSet'];
type Value = DataSet['programs'][number]['deflections'];

const CSV_COLUMNS = ['year', 'quarter', 'program_id', 'program_name', 'program_role', 'measure', 'dimension', 'category', 'value', 'suppressed', 'suppression_reason'];

/** RFC 4180 quoting, and a leading apostrophe for text a spreadsheet would run as a formula (CSV injection). */
function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per figure (long format): what analysts load into a spreadsheet or a statistics package as it is. */
export function stateDataSetCsv(set: DataSet): string {
  const rows: (string | number | boolean | null)[][] = [];
  for (const program of set.programs) {
    // A program whose name agencies could not give (an outage) is still listed, by id.
    const base = [set.year, set.quarter, program.program?.id ?? null, program.program?.name ?? null, program.programRole];
    const figure = (measure: string, value: Value, dimension: string | null = null, category: string | null = null) =>
      rows.push([...base, measure, dimension, category, value.value, value.suppressed, value.reason]);
    figure('deflections', program.deflections);
    figure('encounters_referred_to_treatment', program.encountersReferredToTreatment);
    figure('median_days_to_treatment_engagement', program.medianDaysToTreatmentEngagement);
    figure('engagement_rate_at_30_days', program.engagementRateAt30Days);
    for (const d of program.demographics) figure('participants', d.count, d.dimension, d.value);
  }
  return [CSV_COLUMNS, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function parameters(req: IncomingMessage): { year: number; quarter: number; programIds: string[] | null } {
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const year = Number(query.get('year'));
  const quarter = Number(query.get('quarter'));
  if (!query.get('year') || !Number.isInteger(year) || !query.get('quarter') || !Number.isInteger(quarter)) {
    throw new HttpError(400, 'BAD_USER_INPUT', 'Give ?year=YYYY&quarter=1..4 (and optionally &programIds=id,id).');
  }
  const ids = query.get('programIds');
  return { year, quarter, programIds: ids ? ids.split(',').filter(Boolean) : null };
}

/**
 * GET /exports/state-data-set.csv|json: the state minimum data set (FB-7) as a download, for the caller the bearer
 * token names, through the same graph and the same access rules as the query (names of programs included).
 */
export function stateDataSetExport(
  apollo: ApolloServer<GatewayContext>,
  contextFor: (req: IncomingMessage) => Promise<GatewayContext>,
  format: 'csv' | 'json',
): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'GET only' });
    requireAuthorization(req);
    const data = await runExportOperation(apollo, contextFor, req, res, StateDataSetExportDocument, parameters(req));
    if (!data) return;
    const set = data.stateDataSet;
    sendFile(res, `state-data-set-${set.year}-Q${set.quarter}.${format}`, format, format === 'csv' ? stateDataSetCsv(set) : JSON.stringify(set, null, 2));
  };
}
