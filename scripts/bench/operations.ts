/** The four operations the benchmark drives, as partner frontends send them. */
import { randomUUID } from 'node:crypto';

/** 1. An officer's quick referral, each with a fresh idempotency key (a new referral, never a replay). */
export const QUICK_REFERRAL = `mutation QuickReferral($input: QuickReferralInput!, $idempotencyKey: String) {
  quickReferral(input: $input, idempotencyKey: $idempotencyKey) { deflection { id referenceNumber status } nextSteps { summary approvalRequired } }
}`;

export function quickReferralBody(): string {
  const key = randomUUID();
  return JSON.stringify({
    query: QUICK_REFERRAL,
    variables: {
      input: { person: { givenName: 'Bench', familyName: `Walk-in ${key.slice(0, 8)}` }, pathway: 'SELF_REFERRAL', personInitiated: true, narrative: 'Walked in asking for help with opioid use.' },
      idempotencyKey: key,
    },
  });
}

/**
 * 2. A MEG director's review queue across three subgraphs: deflections due for review, soonest first (cases), each
 * with its unit and the MEG it counts for (agencies), its treatment status under consent (treatment) and its
 * history (cases).
 */
export const REVIEW_QUEUE = `query ReviewQueue($first: Int!) {
  deflections(filter: { status: [ACTIVE], reviewDue: DUE_SOON }, orderBy: { field: NEXT_REVIEW_DUE, direction: ASC }, first: $first) {
    edges { node {
      id referenceNumber pathway nextReviewDue
      initiatingUnit { id name }
      countsFor { id name }
      treatment { state engaged ended }
      history { action at }
    } }
  }
}`;

export const reviewQueueBody = (first: number) => JSON.stringify({ query: REVIEW_QUEUE, variables: { first } });

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
