/**
 * State-scale data for `npm run bench`: hundreds of thousands of deflections with everything the cases subgraph keeps
 * of them, treatment episodes with their transitions and Part 2 consents, the reporting subgraph's facts of the same
 * deflections and a million crisis incidents — written straight into the subgraphs' own tables with set-based SQL,
 * in chunks, by a superuser (a bench tool, so it may read and write every subgraph's schema).
 *
 * Reproducible: every choice comes from md5 of the row's number (no random()), and every time is relative to the
 * Illinois day of the run, as the demo data is, so reviews due soon stay due soon whenever the bench runs. What the
 * rows describe follows the commands' rules (status machine, review schedule, episode machine, consent elements), so
 * the real subgraph code reads them as it reads its own. No audit record and no outbox event is written: the audit
 * chains stay verifiable and the reporting facts are written directly instead of being derived from events.
 *
 * The whole seed is one transaction with a marker row (bench_meta.seeded), so an interrupted run leaves nothing and
 * a database seeded at a scale is reused as it is.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createDatabase, databaseExists, ensureRoles, ensureSchemas, roleUrl, subgraphDatabase, withClient } from '@hub/platform/db';
import { findPersona } from '@hub/platform/demo';
import {
  illinoisDate,
  illinoisDayStart,
  INTERCEPT_OF_PATHWAY,
  ISP_KINDS,
  PATHWAYS,
  type CallType,
  type EpisodeState,
  type Ethnicity,
  type Pathway,
  type Race,
  type ReferralChannel,
  type Sex,
} from '@hub/platform/domain';
import { rolePassword } from '@hub/platform/runtime';
import { openSubgraphOrm, prepareSubgraphData, sealSubgraphTables } from '@hub/platform/subgraph';
import { HUB_SUBGRAPHS } from '../hub-subgraphs.js';

export interface Scale {
  deflections: number;
  episodes: number;
  incidents: number;
}

export const FULL_SCALE: Scale = { deflections: 200_000, episodes: 150_000, incidents: 1_000_000 };
export const QUICK_SCALE: Scale = { deflections: 10_000, episodes: 7_500, incidents: 50_000 };

export interface SeedSummary {
  scale: Scale;
  /** True when the database already held this scale and nothing was written. */
  reused: boolean;
  /** Rows written per table ("cases.deflection": 200000, …); empty when reused. */
  rows: Record<string, number>;
  seconds: number;
}

/** Rows per statement: progress shows, and no statement holds much memory. */
const CHUNK = 50_000;

/** The crisis incidents come from hundreds of other agencies over the two years before this month, as in bench-crisis.ts. */
const CRISIS_AGENCIES = 400;
const CRISIS_MONTHS = 24;

// ——— Small SQL helpers ———

const n = (value: number) => value.toLocaleString('en-US');

function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function sqlArray(values: readonly string[]): string {
  return `array[${values.map(sqlText).join(', ')}]::text[]`;
}

/**
 * A uuid of the bench's own, like the demo catalogue's (`c0000001-0000-4000-8000-000000000001`): the prefix says
 * which table, the tail is the row's number. Bench rows are recognisable and never meet demo or application ids.
 */
function benchId(prefix: string, number: string): string {
  return `('${prefix}-0000-4000-8000-' || lpad((${number})::text, 12, '0'))::uuid`;
}

const ID = {
  deflection: 'cb000001',
  participant: 'cb000002',
  incident: 'cb000003',
  incidentPerson: 'cb000004',
  contactAttempt: 'cb000005',
  evidenceItem: 'cb000006',
  evidenceEvent: 'cb000007',
  review: 'cb000008',
  episode: 'db000001',
  patient: 'db000002',
  consent: 'db000003',
  crisisIncident: 'eb000001',
} as const;

/** Byte `i` (0–255) of a bytea hash expression; `i` may itself be SQL. */
const byte = (hash: string, i: number | string) => `get_byte(${hash}, ${i})`;

/** One of `values`, chosen by a byte expression. */
function pick(byteExpr: string, values: readonly string[]): string {
  return `(${sqlArray(values)})[1 + (${byteExpr}) % ${values.length}]`;
}

/** A weighted choice by a value uniform in 0–999. */
function weighted(per1000: string, weights: readonly (readonly [string, number])[]): string {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let cumulative = 0;
  const arms = weights.slice(0, -1).map(([value, w]) => {
    cumulative += w;
    return `when ${per1000} < ${Math.round((cumulative / total) * 1000)} then ${sqlText(value)}`;
  });
  return `(case ${arms.join(' ')} else ${sqlText(weights.at(-1)![0])} end)`;
}

/** A value per pathway, chosen among several by a byte expression. */
function perPathway(pathway: string, byteExpr: string, values: Record<Pathway, readonly string[]>): string {
  return `(case ${pathway} ${PATHWAYS.map((p) => `when ${sqlText(p)} then ${pick(byteExpr, values[p])}`).join(' ')} end)`;
}

// ——— What the people, deflections and episodes look like ———

/** Family names of no demo person (fixtures or demo year), so no bench participant is matched to one of them. */
const FAMILY_NAMES = [
  'Acosta', 'Baxter', 'Bowman', 'Calloway', 'Cantrell', 'Delaney', 'Donovan', 'Easton', 'Farrell', 'Fenwick', 'Galloway', 'Garrity', 'Hartley', 'Haskins',
  'Iverson', 'Jarvis', 'Keegan', 'Kimball', 'Langford', 'Lockhart', 'Mahoney', 'Mcallister', 'Navarro', 'Norwood', 'Oakley', 'Pemberton', 'Prescott',
  'Radford', 'Rutledge', 'Sandoval', 'Stroud', 'Thornton', 'Tillman', 'Underwood', 'Valdez', 'Vickers', 'Wainwright', 'Winslow', 'Yoder', 'Zeller',
];
const GIVEN_NAMES = [
  'Aaron', 'Alicia', 'Bianca', 'Blake', 'Corey', 'Dana', 'Derek', 'Elise', 'Felix', 'Gina', 'Grant', 'Helen', 'Ivan', 'Joanna', 'Julian', 'Karen', 'Lamar',
  'Leah', 'Mason', 'Megan', 'Noah', 'Nora', 'Owen', 'Paige', 'Quentin', 'Renee', 'Ross', 'Selena', 'Trevor', 'Una', 'Vince', 'Whitney', 'Xena', 'Yusuf',
  'Zoe', 'Harvey', 'Ingrid', 'Kofi', 'Lena', 'Milo',
];
/** Dates of birth spread over this many days from 1958-01-01, so everyone is an adult: 22 to 68 years old in 2026. */
const BIRTH_SPAN_DAYS = 17_000;
/** Prime, so p ↦ p·PERSON_SCRAMBLE mod (days × names) is a bijection that scatters neighbouring people over every digit. */
const PERSON_SCRAMBLE = 7919;

const SEX_WEIGHTS: [Sex, number][] = [['MALE', 61], ['FEMALE', 36], ['X', 1], ['UNKNOWN', 2]];
const RACE_WEIGHTS: [Race, number][] = [
  ['WHITE', 58], ['BLACK_OR_AFRICAN_AMERICAN', 26], ['ASIAN', 2], ['AMERICAN_INDIAN_OR_ALASKA_NATIVE', 1], ['NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER', 0.5],
  ['MULTIRACIAL', 3], ['OTHER', 3], ['UNKNOWN', 6.5],
];
const ETHNICITY_WEIGHTS: [Ethnicity, number][] = [['HISPANIC_OR_LATINO', 16], ['NOT_HISPANIC_OR_LATINO', 77], ['UNKNOWN', 7]];

const CALL_TYPES: Record<Pathway, readonly CallType[]> = {
  SELF_REFERRAL: ['CALL_FOR_ASSISTANCE', 'CALL_FOR_ASSISTANCE', 'MENTAL_HEALTH', 'SUBSTANCE_USE'],
  ACTIVE_OUTREACH: ['SUBSTANCE_USE', 'HOMELESSNESS', 'OVERDOSE'],
  NALOXONE_PLUS: ['OVERDOSE'],
  OFFICER_PREVENTION: ['PATROL_CONTACT', 'MENTAL_HEALTH', 'SUBSTANCE_USE', 'NEIGHBOR_DISPUTE'],
  OFFICER_INTERVENTION: ['INVESTIGATION', 'PATROL_CONTACT'],
  PRE_ARREST_DIVERSION: ['INVESTIGATION'],
};
const CHANNELS: Record<Pathway, readonly ReferralChannel[]> = {
  SELF_REFERRAL: ['CRISIS_LINE', 'LIVE_ON_SCENE_RESPONSE', 'OFFICER_REFERRAL'],
  ACTIVE_OUTREACH: ['PROACTIVE_FOLLOW_UP'],
  NALOXONE_PLUS: ['PROACTIVE_FOLLOW_UP', 'LIVE_ON_SCENE_RESPONSE'],
  OFFICER_PREVENTION: ['OFFICER_REFERRAL', 'ON_SCENE_OFFICER_REQUEST'],
  OFFICER_INTERVENTION: ['OFFICER_REFERRAL', 'ON_SCENE_OFFICER_REQUEST'],
  PRE_ARREST_DIVERSION: ['OFFICER_REFERRAL'],
};
const INTERCEPT = `(case d.pathway ${PATHWAYS.map((p) => `when ${sqlText(p)} then ${sqlText(INTERCEPT_OF_PATHWAY[p])}`).join(' ')} end)`;
const CRIMINAL: readonly Pathway[] = ['OFFICER_INTERVENTION', 'PRE_ARREST_DIVERSION'];
const DECLINE_REASONS = ['Active warrant for a violent offence.', 'Lead suspect in an ongoing delivery investigation.', 'Not eligible under the SAP: excluded offence.'];

/**
 * How treatment episodes go (each allowed by the episode machine from the one before), with how often: most engage and
 * reach the 30/60/90-day milestones, some are declined, lost or discharged. Steps later than the start of today have
 * not happened yet, so recent episodes stop where they have got to.
 */
const EPISODE_PATHS: [readonly EpisodeState[], number][] = [
  [['DECLINED'], 7],
  [['ACKNOWLEDGED'], 5],
  [['ACKNOWLEDGED', 'LOST_CONTACT'], 7],
  [['ACKNOWLEDGED', 'DISCHARGED'], 4],
  [['ACKNOWLEDGED', 'INTAKE_SCHEDULED', 'ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90', 'COMPLETED'], 12],
  [['ACKNOWLEDGED', 'ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90', 'COMPLETED'], 25],
  [['ACKNOWLEDGED', 'ENGAGED', 'RETAINED_30', 'COMPLETED'], 8],
  [['ACKNOWLEDGED', 'ENGAGED', 'LOST_CONTACT'], 8],
  [['ACKNOWLEDGED', 'ENGAGED', 'RETAINED_30', 'DISCHARGED'], 6],
  [['ACKNOWLEDGED', 'ENGAGED', 'RETAINED_30', 'RETAINED_60', 'LOST_CONTACT'], 5],
  [['ACKNOWLEDGED', 'ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90', 'DISCHARGED'], 5],
  [['ACKNOWLEDGED', 'INTAKE_SCHEDULED', 'ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90'], 8],
];
const EPISODE_DECLINES = ['No residential bed within 14 days.', 'Needs a service this site does not offer.', 'Person chose another provider.'];
const DISCHARGES = ['Left against clinical advice.', 'Needed a higher level of care.', 'Administrative discharge after repeated missed sessions.'];

/**
 * Hours from one step of an episode to the next (x is a byte of the episode's hash). Retention milestones come 30 to
 * 32 days apart, so each is at least 30, 60, 90 days after the first treatment contact, as the machine requires.
 */
const STEP_HOURS = `(case t.state
  when 'REFERRED' then 0
  when 'ACKNOWLEDGED' then 1 + x % 20
  when 'DECLINED' then 3 + x % 46
  when 'INTAKE_SCHEDULED' then 1 + x % 24
  when 'ENGAGED' then case when t.prev = 'INTAKE_SCHEDULED' then 24 * (1 + x % 6) else 12 + x * 2.3 end
  when 'RETAINED_30' then 720 + x % 49 when 'RETAINED_60' then 720 + x % 49 when 'RETAINED_90' then 720 + x % 49
  when 'COMPLETED' then case when t.prev = 'RETAINED_30' then 24 * (5 + x % 25) else 24 * (5 + x % 55) end
  when 'DISCHARGED' then 24 * (3 + x % 25)
  when 'LOST_CONTACT' then 24 * (7 + x % 24)
end)`;

// ——— The seed, step by step ———

/**
 * Where deflections come from: every unit of the demo directory with an officer, in each county it serves, under the
 * Solution Action Plan in force there today (a county's own plan before the unit-wide one, as agencies decides), with
 * the approving leader, the case manager and the county's prosecutor. Units whose deflections count for the MEG
 * director persona's agency weigh double, so that leader's review queue is long.
 */
const SLOTS = `
create temp table slot on commit drop as
with officers as (
  select p.agency_id, array_agg(p.id order by p.id) as officer_ids,
         (array_agg(p.id order by p.id) filter (where 'SUPERVISOR' = any (p.roles)))[1] as supervisor_id
  from agencies.person p where p.active and 'OFFICER' = any (p.roles) group by p.agency_id),
unit_county as (
  select a.id as unit_id, a.kind, c.county, o.officer_ids, coalesce(o.supervisor_id, o.officer_ids[1]) as supervisor_id
  from agencies.agency a join officers o on o.agency_id = a.id cross join unnest(a.counties_served) as c(county) where a.active),
in_force as (
  select distinct on (uc.unit_id, uc.county) uc.*, p.id as plan_id, p.plan_version, p.enabled_pathways, p.case_management_organization_id as cmo_id,
         -- OPS-D3: only ISP divisions' deflections wait for a MEG's or task force's approval and count for it.
         case when uc.kind = any (:ispKinds::text[]) then p.approving_agency_id end as counts_for_id
  from unit_county uc
  join agencies.solution_action_plan p on p.unit_id = uc.unit_id and (p.county is null or p.county = uc.county)
   and p.effective_from <= :today::date and (p.superseded_on is null or :today::date < p.superseded_on) and cardinality(p.enabled_pathways) > 0
  order by uc.unit_id, uc.county, p.county nulls last, p.plan_version desc)
select (row_number() over (order by f.unit_id, f.county))::int as slot, f.*,
       leader.id as leader_id, leader.role as leader_role, coalesce(leader.id, f.supervisor_id) as follow_up_id,
       coalesce(cm.id, f.officer_ids[1]) as referrer_id, coalesce(cm.name, 'the case manager') as case_manager_name,
       da.id as prosecutor_agency_id, da.name as prosecutor_name, case when f.counts_for_id = :megAgency::uuid then 2 else 1 end as weight
from in_force f
left join lateral (select id, case when 'MEG_DIRECTOR' = any (roles) then 'MEG_DIRECTOR' else 'TASK_FORCE_COMMANDER' end as role from agencies.person
                   where agency_id = f.counts_for_id and active and roles && array['MEG_DIRECTOR', 'TASK_FORCE_COMMANDER'] order by id limit 1) leader on true
left join lateral (select id, given_name || ' ' || family_name as name from agencies.person
                   where agency_id = f.cmo_id and active and 'CASE_MANAGER' = any (roles) order by id limit 1) cm on true
left join lateral (select id, name from agencies.agency where kind = 'PROSECUTOR' and active and f.county = any (counties_served) order by id limit 1) da on true
where f.counts_for_id is null or leader.id is not null`;

/** One row per unit of weight: a deflection picks its slot by a hash modulo the wheel's size. */
const WHEEL = `create temp table wheel on commit drop as
select (row_number() over (order by slot, i) - 1)::int as pos, slot from slot cross join generate_series(1, weight) as i`;

/** The demo's licensed provider sites that take referrals, with a member of their staff, and the sites serving each county. */
const SITES = `
create temp table site on commit drop as
select (row_number() over (order by p.id))::int as n, p.id, p.organization_id, p.counties_served, p.services, staff.id as staff_id
from treatment.provider p
left join lateral (select id from agencies.person where agency_id = p.organization_id and active and 'PROVIDER_STAFF' = any (roles) order by id limit 1) staff on true
where p.license_status in ('ACTIVE', 'PROVISIONAL') and cardinality(p.services) > 0;
create temp table county_site on commit drop as
select c.county, coalesce(array_agg(s.n order by s.n) filter (where s.n is not null), (select array_agg(n order by n) from site)) as sites
from (select distinct county from slot) c left join site s on c.county = any (s.counties_served) group by c.county;
create temp table path on commit drop as
select * from (values ${EPISODE_PATHS.map(([states], i) => `(${i}, ${sqlArray(['REFERRED', ...states])})`).join(', ')}) as v(path, states);
create temp table path_wheel on commit drop as
select (row_number() over (order by path, i) - 1)::int as pos, path from (values ${EPISODE_PATHS.map(([, weight], i) => `(${i}, ${weight})`).join(', ')}) as v(path, weight)
cross join generate_series(1, weight) as i`;

/**
 * The plan of every deflection (a description, not rows yet): who, where, when, and its whole life as the commands
 * would have written it, for deflections :lo–:hi. Times are relative to :today (Illinois) and :asOf, its start.
 * Each lateral step ends in `offset 0`: without that fence the planner folds them into one expression that
 * recomputes every hash hundreds of times per row.
 *
 * A deflection has a treatment episode when g·E/N steps up at g, so exactly E of N have one, evenly spread; those were
 * handed off to the case manager. Reviews follow OPS-D7: due 90 days after the start, held up to 10 days early, the
 * next due 90 days after the one held; the review that closes it comes at the 1st to 4th; one in six is late, its
 * review overdue for up to a month. The people: person p is deflected by g = p and, for one in four, by g = p + P.
 */
const PLAN_DEFLECTIONS = `
insert into d
select g, ${benchId(ID.deflection, 'g')}, h.person, s.slot, s.unit_id, s.county, s.plan_id, s.plan_version, s.cmo_id, s.counts_for_id,
  s.officer_ids[1 + ${byte('h.b', 7)} % cardinality(s.officer_ids)], s.follow_up_id, s.leader_id, s.referrer_id, s.case_manager_name,
  a.pathway, ${perPathway('a.pathway', byte('h.b', 8), CALL_TYPES)}, case when ${byte('h.b', 9)} < 15 then null else ${perPathway('a.pathway', byte('h.b', 9), CHANNELS)} end,
  a.pathway = any (${sqlArray(CRIMINAL)}) and ${byte('h.b', 11)} < 20,
  a.pathway = 'OFFICER_INTERVENTION' and ${byte('h.b', 10)} < 204,
  a.pathway = 'OFFICER_INTERVENTION' and ${byte('h.b', 10)} >= 204,
  a.referred_at - (10 + ${byte('h.b', 6)} % 80) * interval '1 minute',
  a.referred_at, a.has_episode, case when a.has_episode then (g::bigint * :episodes / :deflections)::int end,
  q.pending, q.declined, q.approval_at, q.start_at, q.handed_off_at, q.first_attempt_at, q.unreached, r.two_attempts,
  l.status, l.reviews_held, l.closing_review, r.cx, r.start_on, l.last_reviewed_on, l.next_review_due, l.closed_at,
  -- OPS-092 III.E.2: half the unsuccessful criminal deflections go to the county's prosecutor.
  case when l.status = 'UNSUCCESSFUL' and a.pathway = any (${sqlArray(CRIMINAL)}) and ${byte('h.c', 11)} < 128 then s.prosecutor_name end,
  a.pathway = any (${sqlArray(CRIMINAL)}) and ${byte('h.c', 12)} < 100,
  ${byte('h.c', 13)} < 60,
  ${byte('h.c', 14)},
  'DFL-' || to_char(a.referred_at at time zone 'America/Chicago', 'YYYY') || '-' || lpad((:referenceBase::bigint + g - 1)::text, greatest(6, length((:referenceBase::bigint + g - 1)::text)), '0'),
  false
from generate_series(:lo::int, :hi::int) as g
cross join lateral (select decode(md5('bench-deflection:' || g), 'hex') as b, decode(md5('bench-deflection+' || g), 'hex') as c, ((g - 1) % :people::int) + 1 as person offset 0) h
join wheel w on w.pos = (${byte('h.b', 0)} * 256 + ${byte('h.b', 1)}) % :wheel::int
join slot s on s.slot = w.slot
cross join lateral (select
    s.enabled_pathways[1 + ${byte('h.b', 4)} % cardinality(s.enabled_pathways)] as pathway,
    2 + (${byte('h.b', 2)} * 256 + ${byte('h.b', 3)}) % 364 as days_ago,
    g::bigint * :episodes / :deflections > (g - 1)::bigint * :episodes / :deflections as has_episode offset 0) a0
cross join lateral (select a0.*,
    -- Referred between 07:00 and 23:30 Illinois time, 2 to 365 days ago: all of a deflection's first day is history.
    ((:today::date - a0.days_ago)::timestamp + (420 + ${byte('h.b', 5)} * 3.9)::int * interval '1 minute') at time zone 'America/Chicago' as referred_at offset 0) a
cross join lateral (select
    s.counts_for_id is not null and not a.has_episode and a.days_ago = 2 and ${byte('h.b', 12)} < 160 as pending offset 0) q0
cross join lateral (select q0.pending,
    s.counts_for_id is not null and not a.has_episode and not q0.pending and ${byte('h.b', 13)} < 13 as declined,
    case when s.counts_for_id is not null and not q0.pending then a.referred_at + (30 + ${byte('h.b', 14)} * 1.3) * interval '1 minute' end as approval_at offset 0) q1
cross join lateral (select q1.*, coalesce(q1.approval_at, a.referred_at) as start_at,
    not a.has_episode and not q1.pending and not q1.declined and ${byte('h.b', 15)} < 40 as unreached,
    not a.has_episode and not q1.pending and not q1.declined and ${byte('h.b', 15)} >= 40 and ${byte('h.c', 0)} < 12 as withdraws offset 0) q2
cross join lateral (select q2.*,
    case when not q2.pending and not q2.declined then q2.start_at + (10 + ${byte('h.c', 1)} % 30) * interval '1 minute' end as first_attempt_at,
    case when not q2.pending and not q2.declined and not q2.unreached then q2.start_at + (60 + ${byte('h.c', 2)} * 1.8) * interval '1 minute' end as handed_off_at,
    case when q2.unreached then q2.start_at + (10 + ${byte('h.c', 3)} % 31) * interval '1 day'
         when q2.withdraws then q2.start_at + (5 + ${byte('h.c', 3)} % 71) * interval '1 day' end as withdraw_at offset 0) q
cross join lateral (select
    (q.start_at at time zone 'America/Chicago')::date as start_on,
    1 + case when ${byte('h.c', 4)} < 77 then 0 when ${byte('h.c', 4)} < 166 then 1 when ${byte('h.c', 4)} < 230 then 2 else 3 end as closing_review,
    ${byte('h.c', 5)} < 43 as late,
    ${byte('h.c', 15)} < 115 as two_attempts,
    array[${byte('h.c', 6)} % 11, ${byte('h.c', 6)} % 11 + ${byte('h.c', 7)} % 11, ${byte('h.c', 6)} % 11 + ${byte('h.c', 7)} % 11 + ${byte('h.c', 8)} % 11,
          ${byte('h.c', 6)} % 11 + ${byte('h.c', 7)} % 11 + ${byte('h.c', 8)} % 11 + ${byte('h.c', 9)} % 11] as cx offset 0) r
cross join lateral (select count(*)::int as held from generate_series(1, r.closing_review) as i
                    where not q.pending and not q.declined and q.withdraw_at is null and r.start_on + 90 * i - r.cx[i] < :today::date offset 0) k0
cross join lateral (select case when r.late and k0.held > 0 and r.start_on + 90 * k0.held - coalesce(r.cx[k0.held - 1], 0) >= :today::date - 30
                                then k0.held - 1 else k0.held end as held offset 0) k
cross join lateral (select r.closing_review,
    case when q.pending then 'PENDING_APPROVAL' when q.declined then 'DECLINED'
         when q.withdraw_at < :asOf::timestamptz then 'WITHDRAWN'
         when k.held = r.closing_review then case when ${byte('h.c', 10)} < 166 then 'SUCCESSFUL' else 'UNSUCCESSFUL' end
         else 'ACTIVE' end as status,
    k.held as reviews_held,
    case when k.held > 0 then r.start_on + 90 * k.held - r.cx[k.held] end as last_reviewed_on offset 0) l0
cross join lateral (select l0.*,
    case when l0.status = 'ACTIVE' then r.start_on + 90 * (k.held + 1) - coalesce(r.cx[k.held], 0) end as next_review_due,
    case when l0.status = 'WITHDRAWN' then q.withdraw_at
         when l0.status in ('SUCCESSFUL', 'UNSUCCESSFUL') then (l0.last_reviewed_on + (9 + g % 8) * interval '1 hour' + interval '30 minutes') at time zone 'America/Chicago' end as closed_at offset 0) l`;

/** A deflection is a repeat when the same person was deflected before it (the later of a person's two, g and g ± P). */
const MARK_REPEATS = `
update d set is_repeat = true from d as other
where other.g = case when d.g > :people::int then d.g - :people::int else d.g + :people::int end
  and (other.referred_at, other.g) < (d.referred_at, d.g)`;

/**
 * The episodes of deflections :lo–:hi, and their steps. The provider is a site serving the deflection's county (any
 * site when none does); the service is one the site offers.
 */
const PLAN_EPISODES = `
insert into ep
select d.episode_no, d.g, d.id, d.person, ${benchId(ID.episode, 'd.episode_no')}, site.id, site.organization_id,
  site.services[1 + ${byte('h.b', 1)} % cardinality(site.services)], coalesce(site.staff_id, d.referrer_id), d.referrer_id,
  d.handed_off_at + least((1 + ${byte('h.b', 2)} % 24) * interval '1 hour', (:asOf::timestamptz - d.handed_off_at) / 2),
  pw.path, h.b,
  -- The person's first episode makes their patient record (and the consent, if any).
  (d.g <= :people::int or not ((d.g - :people::int)::bigint * :episodes / :deflections > (d.g - :people::int - 1)::bigint * :episodes / :deflections))
from d
cross join lateral (select decode(md5('bench-episode:' || d.episode_no), 'hex') as b offset 0) h
join county_site cs on cs.county = d.county
join site on site.n = cs.sites[1 + ${byte('h.b', 0)} % cardinality(cs.sites)]
join path_wheel pw on pw.pos = ${byte('h.b', 3)} % 100
where d.has_episode and d.g between :lo::int and :hi::int`;

/**
 * Every step of those episodes with its time: the hours of STEP_HOURS summed along the path. Steps from the start of
 * today on have not happened (yet): they are kept only to date an intake scheduled before today.
 */
const PLAN_STEPS = `
insert into st
select e, g, ord, state, at, at < :asOf::timestamptz, by_id, reason
from (
  select ep.e, ep.g, t.ord::int as ord, t.state,
    ep.referred_at + sum(${STEP_HOURS}) over (partition by ep.e order by t.ord) * interval '1 hour' as at,
    case when t.state = 'REFERRED' then ep.referrer_id else ep.staff_id end as by_id,
    case when t.state = 'DECLINED' then ${pick('t.x', EPISODE_DECLINES)}
         when t.state = 'DISCHARGED' and t.prev = 'ACKNOWLEDGED' then 'Did not attend the intake appointment.'
         when t.state = 'DISCHARGED' then ${pick('t.x', DISCHARGES)} end as reason
  from ep join path on path.path = ep.path
  cross join lateral (select u.state, u.ord, path.states[u.ord - 1] as prev, ${byte('ep.hash', '4 + u.ord::int % 12')} as x
                      from unnest(path.states) with ordinality as u(state, ord) offset 0) t
  where ep.g between :lo::int and :hi::int) s`;

/** The staging tables: what is planned, before any subgraph table is written. */
const STAGING = `
create temp table person (p int primary key, given text, family text, dob date, pseudonym uuid, sex text, race text, ethnicity text) on commit drop;
create temp table d (
  g int primary key, id uuid, person int, slot int, unit_id uuid, county text, plan_id uuid, plan_version int, cmo_id uuid, counts_for_id uuid,
  officer_id uuid, follow_up_id uuid, leader_id uuid, referrer_id uuid, case_manager_name text, pathway text, call_type text, channel text,
  arrest_made boolean, abeyance boolean, citation boolean, encounter_at timestamptz, referred_at timestamptz, has_episode boolean, episode_no int,
  pending boolean, declined boolean, approval_at timestamptz, start_at timestamptz, handed_off_at timestamptz, first_attempt_at timestamptz,
  unreached boolean, two_attempts boolean, status text, reviews_held int, closing_review int, cx int[], start_on date, last_reviewed_on date,
  next_review_due date, closed_at timestamptz, prosecutor text, evidence boolean, evidence_lab boolean, record_key int, reference_number text,
  is_repeat boolean) on commit drop;
create temp table ep (
  e int primary key, g int, deflection_id uuid, person int, id uuid, provider_id uuid, organization_id uuid, service text, staff_id uuid,
  referrer_id uuid, referred_at timestamptz, path int, hash bytea, first boolean) on commit drop;
create index on ep (g);
create temp table st (e int, g int, ord int, state text, at timestamptz, happened boolean, by_id uuid, reason text, primary key (e, ord)) on commit drop;
create index on st (g)`;

/**
 * People :lo–:hi, each with a name and date of birth no one else has: the day of birth, given name and family name
 * are the digits, in a mixed radix, of a scrambled p (a bijection), so match keys are unique as the index requires.
 */
const PERSON_DIGITS = BIRTH_SPAN_DAYS * GIVEN_NAMES.length * FAMILY_NAMES.length;
const PLAN_PEOPLE = `
insert into person
select p, n.given, n.family, date '1958-01-01' + (n.q % ${BIRTH_SPAN_DAYS})::int, md5('bench-participant:' || p)::uuid,
  ${weighted('((get_byte(h.b, 0) * 256 + get_byte(h.b, 1)) % 1000)', SEX_WEIGHTS)},
  ${weighted('((get_byte(h.b, 2) * 256 + get_byte(h.b, 3)) % 1000)', RACE_WEIGHTS)},
  ${weighted('((get_byte(h.b, 4) * 256 + get_byte(h.b, 5)) % 1000)', ETHNICITY_WEIGHTS)}
from generate_series(:lo::int, :hi::int) as p
cross join lateral (select decode(md5('bench-person:' || p), 'hex') as b offset 0) h
cross join lateral (select p::bigint * ${PERSON_SCRAMBLE} % ${PERSON_DIGITS} as q offset 0) s
cross join lateral (select s.q, (${sqlArray(GIVEN_NAMES)})[1 + (s.q / ${BIRTH_SPAN_DAYS}) % ${GIVEN_NAMES.length}] as given,
                           (${sqlArray(FAMILY_NAMES)})[1 + (s.q / ${BIRTH_SPAN_DAYS * GIVEN_NAMES.length}) % ${FAMILY_NAMES.length}] as family) n`;

/** The age band at the encounter, as the referral computes it from the date of birth. */
function ageBand(dateOfBirth: string, day: string): string {
  const age = `extract(year from age(${day}, ${dateOfBirth}))`;
  const bands: [number, string][] = [[18, 'UNDER_18'], [25, 'AGE_18_24'], [35, 'AGE_25_34'], [45, 'AGE_35_44'], [55, 'AGE_45_54'], [65, 'AGE_55_64']];
  return `(case ${bands.map(([below, band]) => `when ${age} < ${below} then '${band}'`).join(' ')} else 'AGE_65_PLUS' end)`;
}

const ILLINOIS_DAY = (at: string) => `(${at} at time zone 'America/Chicago')::date`;
const STARTED = `(not d.pending and not d.declined)`;
const CLOSED = `(d.status in ('SUCCESSFUL', 'UNSUCCESSFUL', 'WITHDRAWN'))`;
const CRIMINAL_STARTED = `(${STARTED} and d.pathway = any (${sqlArray(CRIMINAL)}))`;
const DISPOSITION_NUMBER = `'TR-B' || lpad(d.g::text, 7, '0')`;
const APPROVAL_REASON = `(case when d.declined then ${pick('d.g % 251', DECLINE_REASONS)} else 'Eligible under the SAP; agreed to meet a case manager.' end)`;
const WITHDRAWAL_REASON = `(case when d.unreached then 'The case manager could not reach the person.' else 'Person moved out of the county.' end)`;

/**
 * A deflection's records, as lateral row sources over the staged plan `d`: each table's insert and the history
 * entries describing it read the same rows, so the history never needs the tables read back.
 */
const ATTEMPTS = `(values
    (1, d.first_attempt_at, case when d.unreached then 'NO_ANSWER' when d.two_attempts then case when d.g % 2 = 0 then 'NO_ANSWER' else 'LEFT_MESSAGE' end end),
    (2, case when d.unreached then d.first_attempt_at + interval '24 hours' end, 'LEFT_MESSAGE'),
    (3, case when d.unreached then d.first_attempt_at + interval '72 hours' end, 'NO_ANSWER'),
    (4, d.handed_off_at, 'HANDED_OFF')) as a(i, at, result)`;
const ATTEMPT_MADE = `(a.at < :asOf::timestamptz and a.result is not null)`;
/** OPS-D5: successful and withdrawn deflections dispose of their evidence before closing; unsuccessful ones keep it. */
const DISPOSED = `(d.status in ('SUCCESSFUL', 'WITHDRAWN'))`;
const DISPOSED_AT = `(d.closed_at - interval '1 hour')`;
const EVIDENCE_DESCRIPTION = pick('d.g % 241', ['Glass pipe with residue (1)', 'Small bag of white powder, field-tested (1)', 'Syringes, capped (3)', 'Pill bottle, unlabeled (1)']);
const EVIDENCE_EVENTS = `(values
    (1, 'SEIZED', d.encounter_at, null), (2, 'IN_STORAGE', d.encounter_at + interval '2 hours', 'Unit evidence room'),
    (3, 'SUBMITTED_TO_LAB', d.encounter_at + interval '3 days', null), (4, 'RETURNED_FROM_LAB', d.encounter_at + interval '24 days', null)) as e(i, action, at, notes)`;
const EVIDENCE_EVENT_MADE = `(d.evidence and (e.i <= 2 or d.evidence_lab) and e.at < case when ${DISPOSED} then ${DISPOSED_AT} else :asOf::timestamptz end)`;
/** OPS-D7: review i was due 90 days after the start or the review before, and held up to 10 days early (d.cx). */
const REVIEWS = `generate_series(1, d.reviews_held) as i`;
const REVIEW_DUE = `(d.start_on + 90 * i - coalesce(d.cx[i - 1], 0))`;
const REVIEW_HELD = `(d.start_on + 90 * i - d.cx[i])`;
const REVIEW_FINDING = `(case when i = d.closing_review and d.status in ('SUCCESSFUL', 'UNSUCCESSFUL') then d.status else 'PROGRESSING' end)`;
const REVIEW_AT = `((${REVIEW_HELD} + (9 + d.g % 8) * interval '1 hour') at time zone 'America/Chicago')`;

/** Cases, for deflections :lo–:hi (and their people :lo–:peopleHi, each written with their first deflection). */
const CASES: [table: string, sql: string][] = [
  ['cases.participant', `
insert into cases.participant (id, pseudonym, given_name, family_name, date_of_birth, match_key, created_at)
select ${benchId(ID.participant, 'p.p')}, p.pseudonym, p.given, p.family, p.dob, lower(p.family) || '|' || lower(p.given) || '|' || to_char(p.dob, 'YYYY-MM-DD'),
  least(first.referred_at, second.referred_at)
from person p join d first on first.g = p.p left join d second on second.g = p.p + :people::int
where p.p between :lo::int and :peopleHi::int`],
  ['cases.incident', `
insert into cases.incident (id, agency_id, occurred_at, county, place, call_type, report_number, records_system, created_by_id, created_at)
select ${benchId(ID.incident, 'd.g')}, d.unit_id, d.encounter_at, d.county, null, d.call_type, null, null, d.officer_id, d.referred_at
from d where d.g between :lo::int and :hi::int`],
  ['cases.incident_person', `
insert into cases.incident_person (id, incident_id, participant_id, involvement, given_name, family_name, date_of_birth)
select ${benchId(ID.incidentPerson, 'd.g')}, ${benchId(ID.incident, 'd.g')}, ${benchId(ID.participant, 'd.person')},
  case when d.call_type = 'INVESTIGATION' then 'COLLATERAL' else 'SUBJECT' end, p.given, p.family, p.dob
from d join person p on p.p = d.person where d.g between :lo::int and :hi::int`],
  ['cases.deflection', `
insert into cases.deflection (id, reference_number, pathway, status, initiating_unit_id, counts_for_id, case_management_organization_id, county,
  referred_at, created_by_id, version, created_at, created_for_id, participant_id, incident_id, narrative, solution_action_plan_id, next_steps_summary,
  charges_held_in_abeyance, non_criminal_citation, approval_required, approval_decision, approval_by_id, approval_for_id, approval_at, approval_reason,
  disposition_report_number, disposition_records_system, disposition_at, disposition_by_id, handed_off_at, next_review_due, outcome, outcome_at,
  outcome_by_id, outcome_reason, charges_released_at, prosecuting_attorney, submitted_to_prosecutor_on, reviews_held, last_reviewed_on,
  channel, arrest_made, age_band, sex, race, ethnicity)
select d.id, d.reference_number, d.pathway, d.status, d.unit_id, d.counts_for_id, d.cmo_id, d.county,
  d.referred_at, d.officer_id, 1, d.referred_at, null, ${benchId(ID.participant, 'd.person')}, ${benchId(ID.incident, 'd.g')},
  'Bench ' || lower(replace(d.pathway, '_', ' ')) || ' referral: contact during ' || lower(replace(d.call_type, '_', ' ')) || '; person agreed to meet a case manager.',
  d.plan_id,
  case when d.counts_for_id is not null then 'Approval by the MEG or task force, then the case manager calls back within 30 minutes.' else 'The case manager calls back within 30 minutes.' end,
  d.abeyance, d.citation, d.counts_for_id is not null,
  case when d.declined then 'DECLINED' when d.approval_at is not null then 'APPROVED' end, case when d.approval_at is not null then d.leader_id end, null, d.approval_at,
  case when d.approval_at is not null then ${APPROVAL_REASON} end,
  case when ${CRIMINAL_STARTED} then ${DISPOSITION_NUMBER} end, case when ${CRIMINAL_STARTED} then 'TRACS' end,
  case when ${CRIMINAL_STARTED} then d.start_at end, case when ${CRIMINAL_STARTED} then d.officer_id end,
  d.handed_off_at, d.next_review_due, case when ${CLOSED} then d.status end, case when ${CLOSED} then d.closed_at end,
  case when ${CLOSED} then d.follow_up_id end, case when d.status = 'WITHDRAWN' then ${WITHDRAWAL_REASON} end,
  case when d.status = 'SUCCESSFUL' and d.abeyance then d.closed_at end,
  d.prosecutor, case when d.prosecutor is not null then ${ILLINOIS_DAY('d.closed_at')} end, d.reviews_held, d.last_reviewed_on,
  d.channel, d.arrest_made, ${ageBand('p.dob', ILLINOIS_DAY('d.encounter_at'))}, p.sex, p.race, p.ethnicity
from d join person p on p.p = d.person where d.g between :lo::int and :hi::int`],
  ['cases.contact_attempt', `
insert into cases.contact_attempt (id, deflection_id, at, by_id, acting_for_id, method, result, case_manager_name, notes)
select ${benchId(ID.contactAttempt, 'd.g * 10 + a.i')}, d.id, a.at, d.officer_id, null, 'PHONE', a.result,
  case when a.result = 'HANDED_OFF' then d.case_manager_name end, null
from d cross join lateral ${ATTEMPTS}
where d.g between :lo::int and :hi::int and ${ATTEMPT_MADE}
order by d.g, a.i`],
  ['cases.evidence_item', `
insert into cases.evidence_item (id, deflection_id, description, seized_at, responsible_unit_id, disposed_at, disposal_method, disposed_by_id)
select ${benchId(ID.evidenceItem, 'd.g')}, d.id, ${EVIDENCE_DESCRIPTION}, d.encounter_at, d.unit_id,
  case when ${DISPOSED} then ${DISPOSED_AT} end, case when ${DISPOSED} then 'DESTROYED' end, case when ${DISPOSED} then d.officer_id end
from d where d.evidence and d.g between :lo::int and :hi::int`],
  ['cases.evidence_event', `
insert into cases.evidence_event (id, evidence_id, action, at, by_id, notes)
select ${benchId(ID.evidenceEvent, 'd.g * 10 + e.i')}, ${benchId(ID.evidenceItem, 'd.g')}, e.action, e.at, d.officer_id, e.notes
from d cross join lateral ${EVIDENCE_EVENTS}
where ${EVIDENCE_EVENT_MADE} and d.g between :lo::int and :hi::int
order by d.g, e.i`],
  ['cases.review', `
insert into cases.review (id, deflection_id, due_on, held_on, reviewer_id, acting_for_id, case_manager_name, finding, notes)
select ${benchId(ID.review, 'd.g * 10 + i')}, d.id, ${REVIEW_DUE}, ${REVIEW_HELD}, d.follow_up_id, null, d.case_manager_name, ${REVIEW_FINDING}, null
from d cross join ${REVIEWS}
where d.g between :lo::int and :hi::int
order by d.g, i`],
  // OPS-D10: every change as the commands record it, in time order per deflection (the sequence orders the history;
  // k orders what happened at the same instant, as the commands would have: the approval before the disposition).
  ['cases.history_entry', `
insert into cases.history_entry (deflection_id, at, actor_id, acting_for_id, action, from_status, to_status, changes)
select d.id, e.at, e.actor_id, null, e.action, e.from_status, e.to_status, e.changes
from d cross join lateral (
  select 1 as k, d.referred_at as at, d.officer_id as actor_id, 'REFERRED' as action, null::text as from_status,
         case when d.counts_for_id is not null then 'PENDING_APPROVAL' else 'ACTIVE' end as to_status,
         jsonb_build_object('pathway', d.pathway, 'sapVersion', d.plan_version) as changes
  union all
  select 2, d.approval_at, d.leader_id, case when d.declined then 'DECLINED' else 'APPROVED' end, 'PENDING_APPROVAL',
         case when d.declined then 'DECLINED' else 'ACTIVE' end, jsonb_build_object('reason', ${APPROVAL_REASON})
  where d.approval_at is not null
  union all
  select 3, a.at, d.officer_id, 'CASE_MANAGER_CONTACT', null, null, jsonb_build_object('method', 'PHONE', 'result', a.result)
  from ${ATTEMPTS} where ${ATTEMPT_MADE}
  union all
  select 4, d.start_at, d.officer_id, 'DISPOSITION_RECORDED', null, null,
         jsonb_build_object('disposition', 'CRIMINAL_DEFLECTION', 'before', null, 'after', jsonb_build_object('reportNumber', ${DISPOSITION_NUMBER}, 'recordsSystem', 'TRACS'))
  where ${CRIMINAL_STARTED}
  union all
  select 5, e.at, d.officer_id, case when e.action = 'SEIZED' then 'EVIDENCE_RECORDED' else 'EVIDENCE_HANDLED' end, null, null,
         case when e.action = 'SEIZED' then jsonb_build_object('evidenceId', ${benchId(ID.evidenceItem, 'd.g')}, 'description', ${EVIDENCE_DESCRIPTION})
              else jsonb_build_object('evidenceId', ${benchId(ID.evidenceItem, 'd.g')}, 'action', e.action) end
  from ${EVIDENCE_EVENTS} where ${EVIDENCE_EVENT_MADE}
  union all
  select 6, ${DISPOSED_AT}, d.officer_id, 'EVIDENCE_DISPOSED', null, null, jsonb_build_object('evidenceId', ${benchId(ID.evidenceItem, 'd.g')}, 'method', 'DESTROYED')
  where d.evidence and ${DISPOSED}
  union all
  select 7, ${REVIEW_AT}, d.follow_up_id, 'REVIEWED', null, null,
         jsonb_build_object('finding', ${REVIEW_FINDING}, 'dueOn', ${REVIEW_DUE}, 'heldOn', ${REVIEW_HELD}, 'nextReviewDue', greatest(${REVIEW_HELD} + 90, ${REVIEW_DUE}))
  from ${REVIEWS}
  union all
  select 8, d.closed_at, d.follow_up_id, 'CLOSED', 'ACTIVE', d.status,
         jsonb_build_object('outcome', d.status, 'reason', case when d.status = 'WITHDRAWN' then ${WITHDRAWAL_REASON} end, 'prosecutingAttorney', d.prosecutor)
  where ${CLOSED}) e
where d.g between :lo::int and :hi::int
order by d.g, e.at, e.k`],
];

/** How each kind of consent is drawn, by a number 0–19 of the person: some name the approving leader, some do not. */
const CONSENT_KIND = (v: string) => `(case when ${v} < 8 then 'leader' when ${v} < 11 then 'unit' when ${v} < 13 then 'prosecutor'
  when ${v} < 15 then 'revoked' when ${v} < 17 then 'organization' end)`;
const TO_UNIT = `jsonb_build_array(jsonb_build_object('agencyId', d.unit_id, 'role', null))`;
const TO_LEADER = `(case when d.counts_for_id is null then ${TO_UNIT} else jsonb_build_array(
  jsonb_build_object('agencyId', d.counts_for_id, 'role', case when c.v % 2 = 0 then s.leader_role end), jsonb_build_object('agencyId', d.unit_id, 'role', null)) end)`;
const ENGAGEMENT_PURPOSE = 'Let the deflecting agency know whether the person engaged in treatment.';
const PROSECUTION_PURPOSE = 'Charges held in abeyance: the prosecutor monitors progress in treatment (42 CFR 2.35).';

/** The steps of the episodes of deflections :lo–:hi, summed up per episode. */
const EPISODE_SUMMARY = `(select st.e,
    (array_agg(st.state order by st.ord desc) filter (where st.happened))[1] as state,
    count(*) filter (where st.happened)::int as steps,
    min(st.at) filter (where st.happened and st.state = 'ACKNOWLEDGED') as acknowledged_at,
    min(st.at) filter (where st.happened and st.state = 'ENGAGED') as first_contact_at,
    min(st.at) filter (where st.happened and st.state in ('DECLINED', 'COMPLETED', 'DISCHARGED')) as ended_at,
    max(st.reason) filter (where st.happened and st.state = 'DECLINED') as decline_reason,
    max(st.reason) filter (where st.happened and st.state = 'DISCHARGED') as discharge_reason,
    -- The intake happened when the person engaged; one not yet attended is three days after it was scheduled.
    case when bool_or(st.happened and st.state = 'INTAKE_SCHEDULED')
         then coalesce(min(st.at) filter (where st.state = 'ENGAGED'), min(st.at) filter (where st.state = 'INTAKE_SCHEDULED') + interval '3 days') end as intake_for,
    bool_or(st.happened and st.state = 'RETAINED_30') as r30, bool_or(st.happened and st.state = 'RETAINED_60') as r60,
    bool_or(st.happened and st.state = 'RETAINED_90') as r90, bool_or(st.happened and st.state = 'COMPLETED') as completed,
    bool_or(st.happened and st.state = 'DISCHARGED') as discharged
  from st where st.g between :lo::int and :hi::int group by st.e)`;

/** Treatment, for the episodes of deflections :lo–:hi. */
const TREATMENT: [table: string, sql: string][] = [
  ['treatment.patient', `
insert into treatment.patient (id, pseudonym, given_name, family_name, date_of_birth, participant_id, created_at)
select ${benchId(ID.patient, 'ep.person')}, md5('bench-patient:' || ep.person)::uuid, p.given, p.family, p.dob, ${benchId(ID.participant, 'ep.person')}, ep.referred_at
from ep join person p on p.p = ep.person where ep.first and ep.g between :lo::int and :hi::int`],
  ['treatment.treatment_episode', `
insert into treatment.treatment_episode (id, deflection_id, patient_id, provider_id, service, state, referred_at, referred_by_id, deflection_referred_at,
  case_management_organization_id, acknowledged_at, decline_reason, intake_scheduled_for, first_contact_at, ended_at, discharge_reason, version, referred_as)
select ep.id, ep.deflection_id, ${benchId(ID.patient, 'ep.person')}, ep.provider_id, ep.service, t.state, ep.referred_at, ep.referrer_id, d.referred_at,
  d.cmo_id, t.acknowledged_at, t.decline_reason, t.intake_for, t.first_contact_at, t.ended_at, t.discharge_reason, t.steps,
  jsonb_build_object('givenName', p.given, 'familyName', p.family, 'dateOfBirth', to_char(p.dob, 'YYYY-MM-DD'))
from ep join d on d.g = ep.g join person p on p.p = ep.person join ${EPISODE_SUMMARY} t on t.e = ep.e
where ep.g between :lo::int and :hi::int`],
  ['treatment.episode_transition', `
insert into treatment.episode_transition (episode_id, from_state, to_state, at, by_id, reason)
select ${benchId(ID.episode, 'st.e')}, lag(st.state) over (partition by st.e order by st.ord), st.state, st.at, st.by_id, st.reason
from st where st.happened and st.g between :lo::int and :hi::int
order by st.e, st.ord`],
  // 42 CFR 2.31: signed with the provider once it took the referral up, naming who may be told what, until when.
  ['treatment.consent', `
insert into treatment.consent (id, kind, patient_id, disclosing_provider_id, disclosing_organization_id, information, recipients, purpose, signed_on,
  expires_on, expires_on_event, irrevocable_until, revoked_at, recorded_by_id, created_at)
select ${benchId(ID.consent, 'ep.person')}, case when c.kind = 'prosecutor' then 'CRIMINAL_JUSTICE' else 'STANDARD' end, ${benchId(ID.patient, 'ep.person')},
  case when c.kind = 'organization' then null else ep.provider_id end, case when c.kind = 'organization' then ep.organization_id end,
  case when c.kind = 'prosecutor' then array['ENGAGEMENT', 'ATTENDANCE', 'COMPLETION'] when c.kind = 'unit' then array['ENGAGEMENT']
       when c.v < 3 then array['ENGAGEMENT', 'EPISODE_STATUS', 'ATTENDANCE'] else array['ENGAGEMENT', 'EPISODE_STATUS'] end,
  case when c.kind = 'prosecutor' then jsonb_build_array(jsonb_build_object('agencyId', s.prosecutor_agency_id, 'role', 'PROSECUTOR'))
       when c.kind = 'unit' then ${TO_UNIT} else ${TO_LEADER} end,
  case when c.kind = 'prosecutor' then ${sqlText(PROSECUTION_PURPOSE)} else ${sqlText(ENGAGEMENT_PURPOSE)} end,
  c.signed_on, c.signed_on + case when c.v in (6, 7) then 90 else 365 end, null,
  case when c.kind = 'prosecutor' then c.signed_on + 180 end,
  case when c.kind = 'revoked' and ack.at + interval '20 days' < :asOf::timestamptz then ack.at + interval '20 days' end,
  ep.staff_id, ack.at
from ep join d on d.g = ep.g join slot s on s.slot = d.slot
join st ack on ack.e = ep.e and ack.state = 'ACKNOWLEDGED' and ack.happened
cross join lateral (select v, ${ILLINOIS_DAY('ack.at')} as signed_on,
    case when ${CONSENT_KIND('v')} = 'prosecutor' and s.prosecutor_agency_id is null then 'unit'
         when ${CONSENT_KIND('v')} = 'organization' and ep.organization_id is null then 'leader'
         else ${CONSENT_KIND('v')} end as kind
  from (select get_byte(decode(md5('bench-consent:' || ep.person), 'hex'), 0) % 20 as v offset 0) x offset 0) c
where ep.first and c.kind is not null and ep.g between :lo::int and :hi::int`],
];

/** Reporting's facts of deflections :lo–:hi, as applying their events would have left them (status_sequence 0: any later event wins). */
const REPORTING: [table: string, sql: string][] = [
  ['reporting.episode_fact', `
insert into reporting.episode_fact (episode_id, deflection_id, provider_id, service, referred_at, state, state_sequence, first_contact_at,
  reached30, reached60, reached90, completed, discharged)
select ep.id, ep.deflection_id, ep.provider_id, ep.service, ep.referred_at, t.state, 0, t.first_contact_at, t.r30, t.r60, t.r90, t.completed, t.discharged
from ep join ${EPISODE_SUMMARY} t on t.e = ep.e where ep.g between :lo::int and :hi::int`],
  ['reporting.deflection_fact', `
insert into reporting.deflection_fact (deflection_id, record_key, person_pseudonym, pathway, intercept, status, status_sequence, initiating_unit_id,
  initiating_officer_id, counts_for_id, approval_required, approving_agency_id, approved_at, declined_at, attributed_to_id, county, referred_at,
  referred_on, encounter_at, call_type, channel, arrest_made, age_band, sex, race, ethnicity, handed_off_at, closed_at, is_repeat,
  referred_to_treatment, first_treatment_contact_at, retained30, retained60, retained90, treatment_completed, treatment_discharged, provider_id, service)
select d.id, d.record_key, p.pseudonym, d.pathway, ${INTERCEPT}, d.status, 0, d.unit_id,
  d.officer_id, d.counts_for_id, d.counts_for_id is not null, case when d.approval_at is not null and not d.declined then d.counts_for_id end,
  case when d.approval_at is not null and not d.declined then d.approval_at end, case when d.declined then d.approval_at end,
  -- OPS-D9: counts for the approving MEG or task force once approved, for the unit when no approval is needed.
  case when d.counts_for_id is null then d.unit_id when d.approval_at is not null and not d.declined then d.counts_for_id end,
  d.county, d.referred_at, ${ILLINOIS_DAY('d.referred_at')}, d.encounter_at, d.call_type, d.channel, d.arrest_made,
  ${ageBand('p.dob', ILLINOIS_DAY('d.encounter_at'))}, p.sex, p.race, p.ethnicity, d.handed_off_at, case when ${CLOSED} then d.closed_at end, d.is_repeat,
  ep.e is not null, t.first_contact_at, coalesce(t.r30, false), coalesce(t.r60, false), coalesce(t.r90, false), coalesce(t.completed, false),
  coalesce(t.discharged, false), ep.provider_id, ep.service
from d join person p on p.p = d.person left join ep on ep.g = d.g left join ${EPISODE_SUMMARY} t on t.e = ep.e
where d.g between :lo::int and :hi::int`],
];

/**
 * Crisis incidents :lo–:hi (20 Ill. Adm. Code 1244) from hundreds of other agencies over the two years before the
 * month of :asOf, as bench-crisis.ts generates them (days 1–27 at noon UTC, so each stays in its Illinois month), so
 * a demo agency's month is found among its neighbours' rows. Ids and record keys come from the number, not random().
 */
const CRISIS_INCIDENTS = `
insert into reporting.crisis_incident (id, agency_id, month, agency_incident_number, dispatched_at, dispatch_reason, arrival,
  levels_of_response, level_of_response_other, outcomes, outcome_other, subject_located, field_report_written, call_type, channel,
  deflection_id, record_key, recorded_by_id, recorded_at, updated_by_id, updated_at, version)
select ${benchId(ID.crisisIncident, 'g')}, md5('bench-agency' || (g % ${CRISIS_AGENCIES}))::uuid, to_char(t.at at time zone 'America/Chicago', 'YYYY-MM'),
  'GEN-' || g, t.at, 'Welfare check: person in crisis', 'DISPATCHED',
  (array['{SWORN_OFFICER}', '{CIT_TRAINED_OFFICER}', '{SWORN_OFFICER,AMBULANCE}', '{CIT_TRAINED_OFFICER,SOCIAL_WORKER}'])[1 + g % 4]::text[], null,
  (array['{RELEASED_OWN_RECOGNIZANCE}', '{VOLUNTARY_ADMISSION}', '{RELEASED_FAMILY_MEMBER}', '{OFFICER_ADMITTED,ARRESTED}'])[1 + (g / 4) % 4]::text[], null,
  g % 10 <> 0, g % 3 = 0, 'MENTAL_HEALTH', null, null,
  -- The top byte of a multiplicative hash of g: an even spread over 0–255, as random() would give.
  (g::bigint * 2654435761 % 4294967296 / 16777216)::smallint, md5('bench-recorder')::uuid, :asOf::timestamptz, null, null, 1
from generate_series(:lo::int, :hi::int) as g
cross join lateral (select date_trunc('month', :asOf::timestamptz) - (1 + g % ${CRISIS_MONTHS}) * interval '1 month' + ((g / ${CRISIS_MONTHS}) % 27) * interval '1 day'
                           + interval '12 hours' as at) t`;

/** Every table the seed writes, for VACUUM ANALYZE once it is committed. */
const TOUCHED = [...CASES, ...TREATMENT, ...REPORTING].map(([table]) => table).concat('reporting.crisis_incident');

// ——— Entry points ———

/**
 * Provisions, migrates and loads the demo data into the database at `adminUrl` (created when missing), as
 * `npm start` does but without the demo year (the bench brings its own year). Safe to run again: migrations and the
 * demo seed only do what is not done yet.
 */
export async function prepareBenchDatabase(adminUrl: string, progress: (message: string) => void, options: { history?: boolean; now?: Date } = {}): Promise<void> {
  const name = decodeURIComponent(new URL(adminUrl).pathname.slice(1));
  const server = new URL(adminUrl);
  server.pathname = '/postgres';
  if (!(await databaseExists(server.toString(), name))) {
    progress(`creating database ${name}`);
    await createDatabase(server.toString(), name);
  }
  const password = rolePassword();
  const databases = HUB_SUBGRAPHS.map((s) => subgraphDatabase(s.name));
  await ensureRoles(adminUrl, databases, password);
  await ensureSchemas(adminUrl, databases);
  // One clock for every subgraph, so their parts of the demo agree on what happened when.
  const now = options.now ?? new Date();
  for (const definition of HUB_SUBGRAPHS) {
    const orm = await openSubgraphOrm(definition, roleUrl(adminUrl, subgraphDatabase(definition.name), password));
    try {
      const { migrations, seeded } = await prepareSubgraphData(definition, orm, { seed: true, history: options.history ?? false, now });
      progress(`${definition.name}: ${migrations.length} migration(s) applied${seeded ? ', demo data loaded' : ''}`);
      await sealSubgraphTables(adminUrl, definition);
    } finally {
      await orm.close();
    }
  }
}

/** The scale an earlier seed left in this database, or null when it holds none (or does not exist). */
export async function seededScale(adminUrl: string): Promise<Scale | null> {
  try {
    return await withClient(adminUrl, (client) => readMarker(client));
  } catch (error) {
    if ((error as { code?: string }).code === INVALID_CATALOG_NAME) return null;
    throw error;
  }
}

/** PostgreSQL's "database does not exist". */
const INVALID_CATALOG_NAME = '3D000';

/**
 * Seeds `scale` into the database at `adminUrl` (migrated, with the demo data: see prepareBenchDatabase). A database
 * already seeded at this scale is left as it is; one seeded at another scale is refused (use a fresh database).
 */
export async function seedAtScale(adminUrl: string, scale: Scale, progress: (message: string) => void): Promise<SeedSummary> {
  checkScale(scale);
  const began = performance.now();
  const seconds = () => Math.round(performance.now() - began) / 1000;
  return withClient(adminUrl, async (client) => {
    await client.query('begin');
    let rows: Record<string, number>;
    try {
      // Two seeders at once would both find the database empty: the second waits, then finds the first one's marker.
      await client.query(`select pg_advisory_xact_lock(hashtext('bench_meta.seeded'))`);
      const existing = await readMarker(client);
      if (existing) {
        await client.query('rollback');
        if (existing.deflections === scale.deflections && existing.episodes === scale.episodes && existing.incidents === scale.incidents) {
          progress(`reusing the bench data already seeded (${describe(scale)})`);
          return { scale, reused: true, rows: {}, seconds: seconds() };
        }
        throw new Error(`this database was seeded at another scale (${describe(existing)}); seed ${describe(scale)} into a fresh database`);
      }
      rows = await seed(client, scale, progress);
      await client.query(
        `insert into bench_meta.seeded (deflections, episodes, incidents, seeded_at, seconds, rows) values ($1, $2, $3, now(), $4, $5)`,
        [scale.deflections, scale.episodes, scale.incidents, seconds(), JSON.stringify(rows)],
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    }
    // Outside the transaction: planner statistics and the visibility map now, so autovacuum does not do it mid-bench.
    progress(`vacuum analyze: ${TOUCHED.length} tables`);
    for (const table of TOUCHED) await client.query(`vacuum (analyze) ${table}`);
    progress(`seeded ${describe(scale)} in ${seconds().toFixed(1)} s`);
    return { scale, reused: false, rows, seconds: seconds() };
  });
}

function describe(scale: Scale): string {
  return `${n(scale.deflections)} deflections, ${n(scale.episodes)} episodes, ${n(scale.incidents)} crisis incidents`;
}

function checkScale(scale: Scale): void {
  const whole = (value: number) => Number.isInteger(value) && value >= 0 && value <= 100_000_000;
  if (!whole(scale.deflections) || !whole(scale.episodes) || !whole(scale.incidents) || scale.deflections < 1) throw new Error(`not a scale: ${JSON.stringify(scale)}`);
  if (scale.episodes > scale.deflections) throw new Error('a deflection has at most one episode here: episodes must not exceed deflections');
}

/**
 * Binds named parameters (`:name`) to positional ones, so each statement is given exactly the values it uses
 * (PostgreSQL refuses a parameter whose type it cannot infer from the statement).
 */
function bind(sql: string, values: Record<string, unknown>): { text: string; values: unknown[] } {
  const names: string[] = [];
  const text = sql.replace(/(?<![:\w]):([a-zA-Z]\w*)/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`no value for :${name}`);
    const at = names.indexOf(name);
    return `$${at === -1 ? names.push(name) : at + 1}`;
  });
  return { text, values: names.map((name) => values[name]) };
}

async function seed(client: pg.Client, scale: Scale, progress: (message: string) => void): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  const N = scale.deflections;
  const E = scale.episodes;
  // People: one deflection in five is a person's second.
  const P = Math.ceil(N * 0.8);
  if (P >= PERSON_DIGITS || PERSON_DIGITS % PERSON_SCRAMBLE === 0) throw new Error(`too many people for unique names and dates of birth: ${P}`);
  // Two equal names would make two people's keys equal.
  if (new Set(GIVEN_NAMES).size !== GIVEN_NAMES.length || new Set(FAMILY_NAMES).size !== FAMILY_NAMES.length) throw new Error('bench names repeat');
  const today = illinoisDate(new Date());
  const megDirector = findPersona('meg-director');
  if (!megDirector) throw new Error('no meg-director persona in the demo catalogue');
  const values: Record<string, unknown> = {
    deflections: N, episodes: E, people: P, today, asOf: illinoisDayStart(today), megAgency: megDirector.actor.agencyId, ispKinds: ISP_KINDS,
  };
  const run = (sql: string, chunk: Record<string, unknown> = {}) => client.query(bind(sql, { ...values, ...chunk }));
  const write = async (table: string, sql: string, chunk: Record<string, unknown>) => {
    const result = await run(sql, chunk);
    rows[table] = (rows[table] ?? 0) + (result.rowCount ?? 0);
  };
  const chunks = function* (total: number) {
    for (let lo = 1; lo <= total; lo += CHUNK) yield { lo, hi: Math.min(total, lo + CHUNK - 1) };
  };

  // Compiling these long expressions costs more than running them: no JIT.
  await client.query(`set local jit = off; set local timezone = 'UTC'; set local work_mem = '64MB'`);
  await client.query(`create schema if not exists bench_meta;
    create table if not exists bench_meta.seeded (
      deflections int not null, episodes int not null, incidents int not null, seeded_at timestamptz not null, seconds numeric not null, rows jsonb not null)`);
  const found = await client.query(`select 1 from cases.deflection where id = ${benchId(ID.deflection, '1')}`);
  if (found.rowCount) throw new Error('this database holds bench deflections without a bench_meta.seeded marker; seed into a fresh database');

  progress('reading the demo units, plans, people and providers');
  await run(SLOTS);
  await client.query(`${WHEEL}; ${SITES}`);
  const { rows: [counts] } = await client.query<{ slots: number; wheel: number; sites: number }>(
    'select (select count(*) from slot)::int as slots, (select count(*) from wheel)::int as wheel, (select count(*) from site)::int as sites',
  );
  if (!counts || counts.slots === 0) throw new Error('no unit with an officer and a Solution Action Plan in force: load the demo data first (prepareBenchDatabase)');
  if (E > 0 && counts.sites === 0) throw new Error('no provider site takes referrals: load the demo data first (prepareBenchDatabase)');
  values.wheel = counts.wheel;
  progress(`${counts.slots} unit/county slots (weighted ${counts.wheel}), ${counts.sites} provider sites`);

  // Reference numbers continue after every number in use and the sequence's next, and the sequence moves past them,
  // so quickReferral never issues one of them.
  const { rows: [reference] } = await client.query<{ base: string }>(`select greatest(
      (select case when is_called then last_value + 1 else last_value end from cases.deflection_reference_seq),
      coalesce((select max(substring(reference_number from '(\\d+)$')::bigint) from cases.deflection), 0) + 1)::text as base`);
  values.referenceBase = Number(reference!.base);

  await client.query(STAGING);
  for (const chunk of chunks(P)) await run(PLAN_PEOPLE, chunk);
  for (const chunk of chunks(N)) {
    await run(PLAN_DEFLECTIONS, chunk);
    await run(PLAN_EPISODES, chunk);
    await run(PLAN_STEPS, chunk);
    progress(`planned ${n(chunk.hi)} of ${n(N)} deflections`);
  }
  await client.query('analyze person; analyze d; analyze ep; analyze st');
  await run(MARK_REPEATS);

  for (const chunk of chunks(N)) {
    for (const [table, sql] of CASES) await write(table, sql, { ...chunk, peopleHi: Math.min(chunk.hi, P) });
    progress(`cases: ${n(chunk.hi)} of ${n(N)} deflections`);
  }
  for (const chunk of E > 0 ? chunks(N) : []) {
    for (const [table, sql] of TREATMENT) await write(table, sql, chunk);
    progress(`treatment: ${n(Math.floor((chunk.hi * E) / N))} of ${n(E)} episodes`);
  }
  for (const chunk of chunks(N)) {
    for (const [table, sql] of REPORTING) await write(table, sql, chunk);
    progress(`reporting: ${n(chunk.hi)} of ${n(N)} deflection facts`);
  }
  for (const chunk of chunks(scale.incidents)) {
    await write('reporting.crisis_incident', CRISIS_INCIDENTS, chunk);
    progress(`reporting: ${n(chunk.hi)} of ${n(scale.incidents)} crisis incidents`);
  }
  await client.query(`select setval('cases.deflection_reference_seq', $1::bigint, true)`, [Number(values.referenceBase) + N - 1]);
  return rows;
}

async function readMarker(client: pg.Client): Promise<Scale | null> {
  const { rows: [found] } = await client.query<{ table: string | null }>(`select to_regclass('bench_meta.seeded')::text as table`);
  if (!found?.table) return null;
  const { rows } = await client.query<Scale>('select deflections, episodes, incidents from bench_meta.seeded');
  return rows[0] ?? null;
}

