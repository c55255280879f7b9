import { canonicalCounty } from '@hub/platform/domain';
import type { Violations } from '@hub/platform/errors';
import type { StatisticsFilter } from '../generated/resolvers-types.js';

/** A WHERE clause over `deflection_fact f` with its bound values: filters only ever add `?` parameters. */
export interface SqlFilter {
  where: string;
  params: unknown[];
}

/** Restrictions the caller cannot choose: whose referrals a feedback figure covers. */
export interface Scope {
  initiatingOfficerIds?: readonly string[];
  initiatingUnitIds?: readonly string[];
  attributedToIds?: readonly string[];
}

type ListField = Exclude<keyof StatisticsFilter, 'from' | 'to'>;

const COLUMN_OF: Record<ListField, string> = {
  agencyIds: 'f.initiating_unit_id',
  approvingAgencyIds: 'f.approving_agency_id',
  counties: 'f.county',
  pathways: 'f.pathway',
  outcomes: 'f.status',
  statuses: 'f.status',
  callTypes: 'f.call_type',
  channels: 'f.channel',
  providerIds: 'f.provider_id',
  services: 'f.service',
  ageBands: 'f.age_band',
  sexes: 'f.sex',
  races: 'f.race',
  ethnicities: 'f.ethnicity',
  intercepts: 'f.intercept',
};

/**
 * Checks a filter (adding violations that name the field and the rule) and turns it into SQL. Only deflections whose
 * referral has arrived count; every list narrows the statistic to its values (an empty list is refused rather than
 * guessed at: leave the field out to mean "all").
 */
export function buildFilter(v: Violations, filter: StatisticsFilter | null | undefined, scope: Scope = {}): SqlFilter {
  const clauses = ['f.referred_at is not null'];
  const params: unknown[] = [];
  if (filter?.from) {
    clauses.push('f.referred_on >= ?');
    params.push(filter.from);
  }
  if (filter?.to) {
    clauses.push('f.referred_on <= ?');
    params.push(filter.to);
  }
  if (filter?.from && filter.to) v.check(filter.from <= filter.to, 'query.filter.to', 'after-from', 'query.filter.to is before query.filter.from.');
  for (const field of Object.keys(COLUMN_OF) as ListField[]) {
    let values = filter?.[field] as readonly string[] | null | undefined;
    if (values === null || values === undefined) continue;
    const path = `query.filter.${field}`;
    if (values.length === 0) {
      v.add(path, 'not-empty', `${path} lists no value; leave it out to count them all.`);
      continue;
    }
    if (field === 'counties') {
      values = values.map((county, i) => {
        const canonical = canonicalCounty(county);
        if (!canonical) v.add(`${path}[${i}]`, 'illinois-county', `${path}[${i}] "${county}" is not an Illinois county.`);
        return canonical ?? county;
      });
    }
    clauses.push(`${COLUMN_OF[field]} in (?)`);
    params.push([...new Set(values)]);
  }
  const scoped: [keyof Scope, string][] = [
    ['initiatingOfficerIds', 'f.initiating_officer_id'],
    ['initiatingUnitIds', 'f.initiating_unit_id'],
    ['attributedToIds', 'f.attributed_to_id'],
  ];
  for (const [key, column] of scoped) {
    const ids = scope[key];
    if (!ids) continue;
    if (ids.length === 0) clauses.push('false');
    else {
      clauses.push(`${column} in (?)`);
      params.push([...ids]);
    }
  }
  return { where: clauses.join(' and '), params };
}
