import { createHash } from 'node:crypto';
import { CRISIS_OUTCOMES, LEVELS_OF_RESPONSE } from '@hub/platform/domain';
import type { CrisisIncident, SubmittedCrisisIncident } from '../entities/crisis.entity.js';
import type { CrisisIncidentInput } from '../generated/resolvers-types.js';
import type { CrisisIncidentFields } from './incident-fields.js';

const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Options in the rule's order, so a stored incident and its export read the same whatever order they came in. */
export function inRuleOrder<T extends string>(vocabulary: readonly T[], chosen: readonly T[]): T[] {
  return vocabulary.filter((option) => chosen.includes(option));
}

/** The incident as typed into the graph, trimmed; lists keep their order until the rules have seen duplicates. */
export function fieldsOfInput(input: CrisisIncidentInput): CrisisIncidentFields {
  return {
    agencyIncidentNumber: input.agencyIncidentNumber == null ? null : input.agencyIncidentNumber.trim(),
    dispatchedAt: input.dispatchedAt ?? null,
    dispatchReason: text(input.dispatchReason),
    arrival: input.arrival,
    levelsOfResponse: [...input.levelsOfResponse],
    levelOfResponseOther: text(input.levelOfResponseOther),
    outcomes: [...input.outcomes],
    outcomeOther: text(input.outcomeOther),
    subjectLocated: input.subjectLocated,
    fieldReportWritten: input.fieldReportWritten,
    callType: input.callType ?? null,
    channel: input.channel ?? null,
    deflectionId: input.deflectionId == null ? null : input.deflectionId.toLowerCase(),
  };
}

/** What is stored, once the rules passed. */
export function storedFields(fields: CrisisIncidentFields) {
  return {
    ...fields,
    dispatchedAt: fields.dispatchedAt!,
    dispatchReason: fields.dispatchReason!,
    levelsOfResponse: inRuleOrder(LEVELS_OF_RESPONSE, fields.levelsOfResponse),
    outcomes: inRuleOrder(CRISIS_OUTCOMES, fields.outcomes),
  };
}

export function fieldsOfIncident(incident: CrisisIncident): CrisisIncidentFields {
  return {
    agencyIncidentNumber: incident.agencyIncidentNumber ?? null,
    dispatchedAt: incident.dispatchedAt,
    dispatchReason: incident.dispatchReason,
    arrival: incident.arrival,
    levelsOfResponse: [...incident.levelsOfResponse],
    levelOfResponseOther: incident.levelOfResponseOther ?? null,
    outcomes: [...incident.outcomes],
    outcomeOther: incident.outcomeOther ?? null,
    subjectLocated: incident.subjectLocated,
    fieldReportWritten: incident.fieldReportWritten,
    callType: incident.callType ?? null,
    channel: incident.channel ?? null,
    deflectionId: incident.deflectionId ?? null,
  };
}

/**
 * What a month's incidents are, as `id:version` sorted by id and hashed: the same as month-status.ts computes in
 * SQL, so a submission knows whether anything was recorded, corrected or moved out of its month since.
 */
export function incidentsHash(incidents: readonly { id: string; version: number }[]): string {
  const text = incidents.map((i) => `${i.id}:${i.version}`).sort().join(',');
  return createHash('md5').update(text).digest('hex');
}

export function snapshotOf(incident: CrisisIncident): SubmittedCrisisIncident {
  return { ...fieldsOfIncident(incident), id: incident.id, dispatchedAt: incident.dispatchedAt.toISOString() };
}

export function fieldsOfSnapshot({ id: _id, ...snapshot }: SubmittedCrisisIncident): CrisisIncidentFields {
  return { ...snapshot, dispatchedAt: new Date(snapshot.dispatchedAt) };
}
