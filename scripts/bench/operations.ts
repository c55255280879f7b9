/** The four operations the benchmark drives, as partner frontends send them. */
import { randomUUID } from 'node:crypto';
import { answered, type GraphQLAnswer } from './load.js';

/** 1. An officer's quick referral, each with a fresh idempotency key (a new referral, never a replay). */
export const QUICK_REFERRAL = `mutation QuickReferral($input: QuickReferralInput!, $idempotencyKey: String) {
  quickReferral(input: $input, idempotencyKey: $idempotencyKey) { deflection { id referenceNumber status } nextSteps { summary approvalRequired } }
}`;

export function quickReferralBody(): string {
  const key = randomUUID();
  return JSON.stringify({
    query: QUICK_REFERRAL,
    variables: {
      // The officer persona's troop serves several counties, so the officer says which (a referral without one is refused).
      input: { person: { givenName: 'Bench', familyName: `Walk-in ${key.slice(0, 8)}` }, county: 'Lake', pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Walked in asking for help with opioid use.' },
      idempotencyKey: key,
    },
  });
}

/** A referral made: a deflection in the answer and no error. */
export const quickReferralCheck = answered('quickReferral');

/**
 * 2. A MEG director's review queue across three subgraphs: deflections due for review, soonest first (cases), each
 * with its unit and the MEG it counts for (agencies), its treatment status under consent (treatment) and its
 * history (cases). The status is `treatmentStatus`, which a list should use: most rows are withheld from a director
 * (no consent names the MEG), and it answers those in the data instead of one CONSENT_REQUIRED error per row.
 */
export const REVIEW_QUEUE = `query ReviewQueue($first: Int!) {
  deflections(filter: { status: [ACTIVE], reviewDue: DUE_SOON }, orderBy: { field: NEXT_REVIEW_DUE, direction: ASC }, first: $first) {
    edges { node {
      id referenceNumber pathway nextReviewDue
      initiatingUnit { id name }
      countsFor { id name }
      treatmentStatus { __typename ... on DeflectionTreatment { state engaged ended } ... on TreatmentWithheld { code } }
      history { action at }
    } }
  }
}`;

export const reviewQueueBody = (first: number) => JSON.stringify({ query: REVIEW_QUEUE, variables: { first } });

/** A full page and no error (the statuses withheld from the director are in the data). */
export function reviewQueueCheck(first: number): (answer: GraphQLAnswer) => string | null {
  return (answer) => {
    const error = answer.errors?.[0];
    if (error) return `${error.extensions?.code}: ${error.message}`;
    const edges = (answer.data?.deflections as { edges?: unknown[] } | undefined)?.edges;
    return edges?.length === first ? null : `${edges?.length ?? 'no'} rows, not ${first}`;
  };
}

/** 3. An analyst's statistic over the whole data set, disclosure control applied. */
export const STATISTIC = `query Statistic {
  statistics(query: { groupBy: [MONTH, PATHWAY], measures: [ENGAGEMENT_30_DAY_RATE, DAYS_TO_TREATMENT_MEDIAN] }) {
    cells { dimensions { value } values { value suppressed } }
  }
}`;

export const statisticBody = () => JSON.stringify({ query: STATISTIC });

/** 4. A provider's bulk update of episode outcomes. */
export const BULK_UPDATE = `mutation BulkUpdate($updates: [EpisodeUpdateInput!]!, $key: String!) {
  bulkUpdateEpisodes(updates: $updates, idempotencyKey: $key) { applied }
}`;

export function bulkUpdateBody(episodeIds: readonly string[], at: Date): string {
  const updates = episodeIds.map((episodeId, i) => ({ episodeId, toState: 'ACKNOWLEDGED', at: at.toISOString(), clientUpdateId: String(i) }));
  return JSON.stringify({ query: BULK_UPDATE, variables: { updates, key: randomUUID() } });
}
