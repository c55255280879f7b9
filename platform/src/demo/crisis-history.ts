import {
  addDays,
  type CrisisIncidentFields,
  type ForceOfficer,
  type ForceSubject,
  CRISIS_OUTCOMES,
  illinoisDate,
  illinoisDayStart,
  LEVELS_OF_RESPONSE,
  monthOf,
  nextMonth,
  type CallType,
  type CrisisArrival,
  type CrisisOutcome,
  type Ethnicity,
  type ForceLocationType,
  type ForceQualifier,
  type ForceSubmissionState,
  type ForceType,
  type InitialContactReason,
  type LevelOfResponse,
  type Race,
  type ReferralChannel,
  type Sex,
  type SupervisorInvolvement,
} from '../domain/index.js';
import { DEMO_AGENCY as A, DEMO_PERSON as P } from './catalogue.js';
import { Random } from './random.js';

/**
 * A year of crisis and use-of-force reporting (20 Ill. Adm. Code 1244), so that ISP's reporting staff open a queue
 * with something in it: a year of crisis incidents for the demo agencies that file, their monthly submissions to ISP
 * (a couple corrected, one late, zero reports where a quiet month had nothing), one agency late with the month now
 * due, and the sheriff's use-of-force submissions with one rejection waiting to be corrected.
 *
 * Like history.ts it is a description, not rows (the reporting seed writes them), and it comes from a seeded generator
 * and the Illinois date of `now` alone, so one day's demo is the same on every machine.
 *
 * Only agencies with someone in the demo directory who may file take part: a submission names who submitted it, and
 * the graph resolves that person. Every agency that must file has such a person, so Dixon is the one agency late.
 */

export interface CrisisCorrection {
  byId: string;
  at: Date;
  /** What the incident said before the correction: what the first submission carried. */
  before: Pick<CrisisHistoryIncident, 'subjectLocated' | 'outcomes' | 'outcomeOther' | 'fieldReportWritten'>;
}

/** A crisis incident as the reporting subgraph stores it (levels and outcomes in the rule's order). */
export interface CrisisHistoryIncident extends Omit<CrisisIncidentFields, 'agencyIncidentNumber' | 'dispatchedAt' | 'dispatchReason' | 'deflectionId'> {
  id: string;
  agencyId: string;
  /** The Illinois month of the dispatch, as the crisis commands derive it. */
  month: string;
  agencyIncidentNumber: string;
  dispatchedAt: Date;
  dispatchReason: string;
  recordedById: string;
  recordedAt: Date;
  /** Set when records staff corrected the incident after its month was first submitted. */
  correction: CrisisCorrection | null;
}

/** One version of an agency's month; what it carried follows from the incidents recorded (and corrected) by then. */
export interface CrisisHistorySubmission {
  id: string;
  agencyId: string;
  month: string;
  version: number;
  submittedAt: Date;
  submittedById: string;
  supersededAt: Date | null;
}

/** The collection's segments, as the reporting subgraph stores them. */
export type ForceHistorySubject = ForceSubject;
export type ForceHistoryOfficer = ForceOfficer;

export interface ForceHistoryIncident {
  id: string;
  agencyId: string;
  month: string;
  agencyIncidentNumber: string;
  occurredAt: Date;
  qualifiers: ForceQualifier[];
  officersApplyingForce: number;
  officersFromAgency: number;
  location: string;
  locationType: ForceLocationType;
  initialContactReason: InitialContactReason;
  officersApproached: boolean;
  ambush: boolean;
  supervisor: SupervisorInvolvement;
  subjects: ForceHistorySubject[];
  officers: ForceHistoryOfficer[];
  recordedById: string;
  recordedAt: Date;
}

export interface ForceHistorySubmission {
  id: string;
  agencyId: string;
  month: string;
  version: number;
  state: Extract<ForceSubmissionState, 'SUBMITTED' | 'ACCEPTED' | 'REJECTED'>;
  submittedAt: Date;
  submittedById: string;
  respondedAt: Date | null;
  respondedById: string | null;
  rejectionReason: string | null;
}

export interface DemoCrisisHistory {
  /** Everything happened before this instant: the start of the Illinois day of `now`. */
  asOf: Date;
  /** In the order they were dispatched. */
  incidents: CrisisHistoryIncident[];
  submissions: CrisisHistorySubmission[];
  /** The one month of one agency that is missing although its due date has passed. */
  late: { agencyId: string; month: string };
  forceIncidents: ForceHistoryIncident[];
  forceSubmissions: ForceHistorySubmission[];
}

const HOUR = 3_600_000;
const DAY = 86_400_000;


/**
 * Streams of their own (one per agency and calendar month, one for the plan, one per use-of-force incident), so an
 * agency's month is drawn the same whichever day the demo starts, until that month is the current one.
 */
const SEED = 0x1244_2026;
const random = (stream: number, n: number) => new Random(Math.imul(SEED ^ stream, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b));
const STREAM = { month: 1, plan: 2, force: 3 } as const;

/** Ids with prefixes of their own, like the other demo records (catalogue.ts), so they never meet a fixture's. */
const demoId = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const demoCrisisIncidentId = (n: number) => demoId('e1000001', n);
export const demoCrisisSubmissionId = (n: number) => demoId('e1000002', n);
export const demoForceIncidentId = (n: number) => demoId('e1000003', n);
export const demoForceSubmissionId = (n: number) => demoId('e1000004', n);

const later = (at: Date, ms: number) => new Date(at.getTime() + ms);
// Hours stay below 23 so that a day of 23 hours (spring forward) never spills into the next day, or month.
const atIllinoisHour = (day: string, hours: number) => later(illinoisDayStart(day), Math.min(hours, 22.99) * HOUR);
const dayOfMonth = (day: string) => Number(day.slice(8, 10));
const monthBefore = (month: string, count: number) => {
  let m = month;
  for (let i = 0; i < count; i += 1) m = addDays(`${m}-01`, -1).slice(0, 7);
  return m;
};
const daysOf = (month: string) => {
  const days: string[] = [];
  for (let day = `${month}-01`; monthOf(day) === month; day = addDays(day, 1)) days.push(day);
  return days;
};
const inRuleOrder = <T extends string>(vocabulary: readonly T[], chosen: readonly T[]): T[] => vocabulary.filter((option) => chosen.includes(option));

// ——— Who files ———

interface FilingAgency {
  id: string;
  /** Prefix of the agency's CAD numbers, and about how many calls of every kind it numbers in a year. */
  prefix: string;
  callsPerYear: number;
  /** Crisis dispatches in an average month. */
  perMonth: number;
  recorders: readonly (readonly [string, number])[];
  /** Who files the month with ISP: records staff, or the supervisor where an agency has none. */
  submitterId: string;
  /** The days of the following month on which the agency usually files. */
  filesOn: readonly [number, number];
  citShare: number;
  /** Share of calls a co-responding social worker went to. */
  coResponder: number;
  swat: boolean;
  reasons: readonly string[];
}

const COMMON_REASONS = [
  'Caller reports adult family member threatening self-harm.',
  'Welfare check: subject texted a friend about ending their life.',
  'Subject in acute distress at a business, refusing to leave.',
  '988 Lifeline transfer: person in crisis needs an in-person response.',
  'Parent reports adult son off his medication, breaking things at home.',
  'Subject hearing voices and agitated in a public place.',
  'Neighbour reports subject shouting and talking to himself in the street for hours.',
  'Subject threatening suicide with a knife.',
  'Group home staff request help with a resident in crisis.',
  'Hospital security reports patient who left the emergency department in crisis.',
];

const SHERIFF: FilingAgency = {
  id: A.lakeCountySheriff, prefix: 'LCSO', callsPerYear: 58_000, perMonth: 25,
  recorders: [[P.deputyLindqvist, 5], [P.sheriffSergeantBrooks, 2], [P.recordsClerkHadley, 3]], submitterId: P.recordsClerkHadley, filesOn: [2, 8],
  citShare: 0.5, coResponder: 0.15, swat: true,
  reasons: [...COMMON_REASONS, 'Subject barricaded in a residence, threatening self-harm.', 'Subject standing at the edge of a rail overpass.'],
};
const TROOP_2: FilingAgency = {
  id: A.ispDopTroop2, prefix: 'ISP2', callsPerYear: 41_000, perMonth: 10,
  recorders: [[P.trooperReyes, 7], [P.sergeantOkafor, 3]], submitterId: P.sergeantOkafor, filesOn: [5, 14],
  citShare: 0.3, coResponder: 0, swat: false,
  reasons: [
    'Pedestrian walking on the I-94 shoulder in apparent crisis.', 'Motorist stopped on the tollway reporting suicidal thoughts.',
    'Subject on an interstate overpass threatening to jump.', 'Driver in distress at a rest area, disoriented and frightened.', ...COMMON_REASONS.slice(0, 4),
  ],
};
const DIXON: FilingAgency = {
  id: A.dixonPolice, prefix: 'DPD', callsPerYear: 14_000, perMonth: 4,
  recorders: [[P.officerDuarte, 7], [P.dixonSergeantOrtega, 3]], submitterId: P.dixonSergeantOrtega, filesOn: [8, 15],
  citShare: 0.35, coResponder: 0.05, swat: false, reasons: [...COMMON_REASONS, 'Subject in crisis on the Rock River bridge.'],
};
/** Division headquarters' own details (the State Fair, the Capitol complex): a handful a year, zero reports otherwise. */
const ISP_DOP: FilingAgency = {
  id: A.ispDop, prefix: 'ISPDOP', callsPerYear: 6_000, perMonth: 0.6,
  recorders: [[P.dopAdministrator, 1]], submitterId: P.dopAdministrator, filesOn: [2, 12],
  citShare: 0.4, coResponder: 0, swat: false,
  reasons: ['Fairgoer in acute distress at the State Fairgrounds.', 'Visitor in crisis at the Capitol complex, threatening self-harm.', ...COMMON_REASONS.slice(2, 4)],
};

/** Agencies whose records staff file and little else in the demo: so that Dixon is the one agency late. */
function clerkFiled(id: string, prefix: string, clerk: string, perMonth: number, callsPerYear: number): FilingAgency {
  return {
    id, prefix, callsPerYear, perMonth, recorders: [[clerk, 1]], submitterId: clerk, filesOn: [3, 13], citShare: 0.35, coResponder: 0.05, swat: false, reasons: COMMON_REASONS,
  };
}

const FILERS: readonly FilingAgency[] = [
  SHERIFF, TROOP_2, DIXON, ISP_DOP,
  clerkFiled(A.ispDopTroop3, 'ISP3', P.recordsTroop3, 6, 38_000),
  clerkFiled(A.ispDopTroop8, 'ISP8', P.recordsTroop8, 5, 30_000),
  clerkFiled(A.lombardPolice, 'LPD', P.recordsLombard, 3, 16_000),
  clerkFiled(A.peoriaPolice, 'PPD', P.recordsPeoria, 15, 90_000),
  clerkFiled(A.quincyPolice, 'QPD', P.recordsQuincy, 2, 12_000),
];

/** More crisis calls in summer and around the holidays. */
const MONTH_WEIGHT = [0.95, 0.85, 0.95, 1, 1.05, 1.1, 1.15, 1.1, 1, 0.95, 0.9, 1];

// ——— One incident ———

const NOT_DISPATCHED_FIRST: Record<Exclude<CrisisArrival, 'DISPATCHED'>, readonly string[]> = {
  ISPERN_BROADCAST: ['ISPERN broadcast of a suicidal driver, then dispatched to the address.', 'Answered an ISPERN broadcast; dispatch then assigned the crisis call.'],
  LEARNED_LATER: ['Officer at a traffic crash learned the driver was in crisis; dispatch then assigned the call.', 'Found to be a crisis while on a noise complaint; dispatched to it.'],
  SELF_INITIATED: ['Officer came upon a person in crisis; entered in CAD as a dispatched crisis call.'],
};

const LEVEL_OTHER = ['Mobile crisis response team (988).', 'Fire department engine company.', 'Crisis negotiator.', 'Chaplain.'];
const OUTCOME_OTHER = ['Referred to the mobile crisis team; no transport needed.', 'Safety plan made with the family; follow-up visit arranged.', 'Transported to a crisis stabilization unit.'];
const NOT_LOCATED = 'Subject not located; area checked and the caller advised to call again.';

const OUTCOME_WEIGHTS: readonly (readonly [CrisisOutcome, number])[] = [
  ['VOLUNTARY_ADMISSION', 32], ['RELEASED_OWN_RECOGNIZANCE', 22], ['RELEASED_FAMILY_MEMBER', 17], ['OFFICER_ADMITTED', 12], ['ARRESTED', 8.5], ['ADJUDICATED', 1], ['OTHER', 7.5],
];
const CALL_TYPE_WEIGHTS: readonly (readonly [CallType | null, number])[] = [['MENTAL_HEALTH', 85], ['SUBSTANCE_USE', 5], ['CALL_FOR_ASSISTANCE', 5], ['OVERDOSE', 2], [null, 3]];
const CHANNEL_WEIGHTS: readonly (readonly [ReferralChannel | null, number])[] = [[null, 60], ['LIVE_ON_SCENE_RESPONSE', 20], ['CRISIS_LINE', 12], ['ON_SCENE_OFFICER_REQUEST', 8]];

type DrawnIncident = Omit<CrisisHistoryIncident, 'id' | 'agencyIncidentNumber'>;

function incidentOn(rng: Random, agency: FilingAgency, day: string, asOf: Date): DrawnIncident {
  // Crisis calls come mostly in the afternoon and evening.
  const dispatchedAt = atIllinoisHour(day, rng.chance(0.7) ? rng.between(12, 23) : rng.between(0, 12));
  const arrival = rng.weighted<CrisisArrival>([['DISPATCHED', 90], ['ISPERN_BROADCAST', 4], ['LEARNED_LATER', 4], ['SELF_INITIATED', 2]]);
  const levels: LevelOfResponse[] = [];
  if (rng.chance(agency.citShare)) {
    levels.push('CIT_TRAINED_OFFICER');
    if (rng.chance(0.5)) levels.push('SWORN_OFFICER');
  } else levels.push('SWORN_OFFICER');
  if (rng.chance(0.25)) levels.push('AMBULANCE');
  if (rng.chance(agency.coResponder)) levels.push('SOCIAL_WORKER');
  if (rng.chance(0.01)) levels.push('PSYCHOLOGIST');
  if (agency.swat && rng.chance(0.015)) levels.push('SWAT_TEAM');
  const levelOther = rng.chance(0.04) ? rng.pick(LEVEL_OTHER) : null;
  if (levelOther) levels.push('OTHER');

  const subjectLocated = !rng.chance(0.07);
  let outcomes: CrisisOutcome[];
  let outcomeOther: string | null = null;
  if (!subjectLocated) {
    outcomes = ['OTHER'];
    outcomeOther = NOT_LOCATED;
  } else {
    const first = rng.weighted(OUTCOME_WEIGHTS);
    outcomes = [first];
    // An arrest for what the person did in crisis often ends at the hospital all the same.
    if (first === 'ARRESTED' && rng.chance(0.25)) outcomes.push('OFFICER_ADMITTED');
    if (first === 'OTHER') outcomeOther = rng.pick(OUTCOME_OTHER);
  }
  // Entered at the end of the call or of the shift; never after the start of today.
  const lead = rng.between(0.5, 6) * HOUR;
  const recordedAt = later(dispatchedAt, Math.min(lead, (asOf.getTime() - dispatchedAt.getTime()) / 2));
  return {
    agencyId: agency.id, month: monthOf(illinoisDate(dispatchedAt)), dispatchedAt,
    dispatchReason: arrival === 'DISPATCHED' ? rng.pick(agency.reasons) : rng.pick(NOT_DISPATCHED_FIRST[arrival]), arrival,
    levelsOfResponse: inRuleOrder(LEVELS_OF_RESPONSE, levels), levelOfResponseOther: levelOther,
    outcomes: inRuleOrder(CRISIS_OUTCOMES, outcomes), outcomeOther, subjectLocated, fieldReportWritten: !rng.chance(0.1),
    callType: rng.weighted(CALL_TYPE_WEIGHTS), channel: rng.weighted(CHANNEL_WEIGHTS), recordedById: rng.weighted(agency.recorders), recordedAt, correction: null,
  };
}

/** An agency's dispatches in one month, up to yesterday for the current month; none for a month planned empty. */
function monthOfIncidents(agency: FilingAgency, index: number, month: string, today: string, asOf: Date, empty: boolean): DrawnIncident[] {
  if (empty) return [];
  const [year, m] = month.split('-').map(Number) as [number, number];
  const rng = random(STREAM.month, index * 100_000 + year * 12 + m);
  const all = daysOf(month);
  const days = all.filter((day) => day < today);
  if (days.length === 0) return [];
  const count = rng.poisson(agency.perMonth * MONTH_WEIGHT[m - 1]! * (days.length / all.length));
  return Array.from({ length: count }, () => incidentOn(rng, agency, rng.pick(days), asOf));
}

/**
 * CAD numbers as the agency's dispatch system hands them out over the calendar year, across every kind of call: so
 * they grow with the date, with gaps, and two crisis calls never share one.
 */
function numberer(agency: FilingAgency): (at: Date) => string {
  const last = new Map<string, number>();
  return (at) => {
    const year = illinoisDate(at).slice(0, 4);
    const share = (at.getTime() - illinoisDayStart(`${year}-01-01`).getTime()) / (365.25 * DAY);
    const n = Math.max(Math.floor(share * agency.callsPerYear) + 1, (last.get(year) ?? 0) + 1);
    last.set(year, n);
    return `${agency.prefix}-${year}-${String(n).padStart(6, '0')}`;
  };
}

// ——— The plan: which months are corrected, late, empty ———

interface Plan {
  /** Oldest first: the twelve months that have ended, then the current one. */
  months: string[];
  late: { agencyId: string; month: string };
  /** Troop 2 filed this month after its due date. */
  filedLate: string;
  /** The sheriff corrected one incident of the first month, and recorded a forgotten one of the second, after filing. */
  amended: string;
  recordedLate: string;
  /** Dixon had no crisis call this month, and files a zero report. */
  dixonEmpty: string;
}

function planOf(today: string): Plan {
  const current = monthOf(today);
  const months = Array.from({ length: 13 }, (_, i) => monthBefore(current, 12 - i));
  const rng = random(STREAM.plan, 0);
  // Corrections, the late filing and the empty month lie three months back or more, so all of it is over by today.
  const older = months.slice(0, 10);
  const [amended, recordedLate] = [rng.pick(older.slice(0, 5)), rng.pick(older.slice(5))];
  /*
   * "One agency late this month": Dixon has filed nothing since the latest month whose due date (the 15th of the
   * month after, 1244.300(f)) has passed, so ISP sees it late whatever day the demo starts. After the 15th that is
   * last month; on or before the 15th last month is not due yet, so it is the month before (and last month is due).
   */
  const lateMonth = dayOfMonth(today) > 15 ? monthBefore(current, 1) : monthBefore(current, 2);
  return { months, late: { agencyId: A.dixonPolice, month: lateMonth }, filedLate: rng.pick(older), amended, recordedLate, dixonEmpty: rng.pick(older) };
}

/** When an agency files a month on time: a day from its habit up to the 15th, before today; null when none is left. */
function onTimeFiling(rng: Random, agency: FilingAgency, month: string, today: string): Date | null {
  if (month >= monthOf(today)) return null;
  const days = daysOf(nextMonth(month)).filter((day) => dayOfMonth(day) >= agency.filesOn[0] && dayOfMonth(day) <= agency.filesOn[1] && day < today);
  return days.length === 0 ? null : atIllinoisHour(rng.pick(days), rng.between(8, 17));
}

function crisisSubmissions(plan: Plan, incidents: CrisisHistoryIncident[], today: string): CrisisHistorySubmission[] {
  const rng = random(STREAM.plan, 1);
  const submissions: Omit<CrisisHistorySubmission, 'id'>[] = [];
  const ended = plan.months.slice(0, 12);
  for (const agency of FILERS) {
    for (const month of ended) {
      if (agency.id === plan.late.agencyId && month >= plan.late.month) continue;
      const submittedAt = agency === TROOP_2 && month === plan.filedLate
        ? atIllinoisHour(`${nextMonth(month)}-${rng.int(17, 27)}`, rng.between(9, 16))
        : onTimeFiling(rng, agency, month, today);
      // Last month, early in this one: the agency has not got to it yet (it is due, not late).
      if (!submittedAt) continue;
      const first = { agencyId: agency.id, month, version: 1, submittedAt, submittedById: agency.submitterId, supersededAt: null };
      const own = incidents.filter((i) => i.agencyId === agency.id && i.month === month);
      const corrected = agency === SHERIFF && own.length > 0 ? correct(rng, plan, month, own, submittedAt) : null;
      if (corrected) {
        submissions.push({ ...first, supersededAt: corrected }, { ...first, version: 2, submittedAt: corrected });
      } else submissions.push(first);
    }
  }
  return submissions
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.version - b.version)
    .map((s, i) => ({ id: demoCrisisSubmissionId(i + 1), ...s }));
}

/**
 * The sheriff's records clerk changes one of the planned months after filing it, then files version 2: either an
 * incident amended (the hospital confirmed a voluntary admission, the report was written) or one never entered.
 * Returns when version 2 was filed, or null for a month filed once.
 */
function correct(rng: Random, plan: Plan, month: string, own: CrisisHistoryIncident[], firstFiledAt: Date): Date | null {
  if (month !== plan.amended && month !== plan.recordedLate) return null;
  const at = later(firstFiledAt, rng.between(3, 10) * DAY);
  const incident = rng.pick(own);
  if (month === plan.amended) {
    const { subjectLocated, outcomes, outcomeOther, fieldReportWritten } = incident;
    const already = subjectLocated && outcomeOther === null && fieldReportWritten && outcomes.join() === 'VOLUNTARY_ADMISSION';
    // Drawn as the correction leaves it: then it was first entered as released to the family.
    const before = { subjectLocated, outcomes: already ? ['RELEASED_FAMILY_MEMBER' as const] : outcomes, outcomeOther, fieldReportWritten };
    incident.subjectLocated = true;
    incident.outcomes = ['VOLUNTARY_ADMISSION'];
    incident.outcomeOther = null;
    incident.fieldReportWritten = true;
    incident.correction = { byId: P.recordsClerkHadley, at, before };
  } else {
    incident.recordedById = P.recordsClerkHadley;
    incident.recordedAt = at;
  }
  return later(at, rng.between(2, 30) * HOUR);
}

// ——— Use of force: the sheriff's year ———

const SEX_WEIGHTS: readonly (readonly [Sex, number])[] = [['MALE', 80], ['FEMALE', 19], ['UNKNOWN', 1]];
const RACE_WEIGHTS: readonly (readonly [Race, number])[] = [['WHITE', 60], ['BLACK_OR_AFRICAN_AMERICAN', 28], ['ASIAN', 3], ['MULTIRACIAL', 3], ['OTHER', 3], ['UNKNOWN', 3]];
const ETHNICITY_WEIGHTS: readonly (readonly [Ethnicity, number])[] = [['HISPANIC_OR_LATINO', 20], ['NOT_HISPANIC_OR_LATINO', 76], ['UNKNOWN', 4]];

function subject(rng: Random, segment: Omit<ForceHistorySubject, 'age' | 'sex' | 'race' | 'ethnicity' | 'heightInches' | 'weightPounds'>, measured: 'both' | 'height-only' = 'both'): ForceHistorySubject {
  const sex = rng.weighted(SEX_WEIGHTS);
  const heightInches = sex === 'FEMALE' ? rng.int(60, 68) : rng.int(65, 75);
  return {
    age: rng.int(19, 58), sex, race: rng.weighted(RACE_WEIGHTS), ethnicity: rng.weighted(ETHNICITY_WEIGHTS),
    heightInches, weightPounds: measured === 'both' ? rng.int(heightInches * 2, heightInches * 3 + 20) : null, ...segment,
  };
}

function officer(rng: Random, forceTypes: ForceType[], extra: Partial<Pick<ForceHistoryOfficer, 'injured' | 'firearmDischarged'>> = {}): ForceHistoryOfficer {
  const age = rng.int(24, 55);
  return {
    age, sex: rng.weighted<Sex>([['MALE', 82], ['FEMALE', 18]]), race: rng.weighted(RACE_WEIGHTS.slice(0, 5)), ethnicity: rng.weighted(ETHNICITY_WEIGHTS.slice(0, 2)),
    yearsOfService: rng.int(1, Math.min(28, age - 21)), fullTime: true, onDuty: true, injured: extra.injured ?? false, forceTypes,
    firearmDischarged: extra.firearmDischarged ?? false,
  };
}

type ForceSegments = Omit<ForceHistoryIncident, 'id' | 'agencyId' | 'month' | 'agencyIncidentNumber' | 'occurredAt' | 'recordedById' | 'recordedAt'>;

/** Six qualifying incidents, by how many months back they happened: each qualifier shows in its segments. */
const FORCE_SCENARIOS: readonly (readonly [number, (rng: Random) => ForceSegments])[] = [
  [11, (rng) => ({
    qualifiers: ['SERIOUS_BODILY_INJURY'], officersApplyingForce: 2, officersFromAgency: 2, location: 'Residence, unincorporated Lake County near Round Lake',
    locationType: 'RESIDENCE', initialContactReason: 'MENTAL_HEALTH_CRISIS', officersApproached: true, ambush: false, supervisor: 'CONSULTED',
    subjects: [subject(rng, { injuries: ['APPARENT_BROKEN_BONES'], forceTypes: ['ELECTRONIC_CONTROL_WEAPON', 'TAKEDOWN'], resistance: ['THREATENED_WITH_WEAPON'], perceivedConditions: ['MENTAL_HEALTH_CRISIS'], armed: 'KNIFE_OR_CUTTING_INSTRUMENT' })],
    officers: [officer(rng, ['ELECTRONIC_CONTROL_WEAPON']), officer(rng, ['TAKEDOWN'])],
  })],
  [9, (rng) => ({
    // A trooper of Troop 2 helped end the pursuit: two officers applied force, one of them the sheriff's.
    qualifiers: ['SERIOUS_BODILY_INJURY'], officersApplyingForce: 2, officersFromAgency: 1, location: 'US Route 41 at Wadsworth Road', locationType: 'STREET_HIGHWAY_ROAD',
    initialContactReason: 'TRAFFIC_STOP', officersApproached: true, ambush: false, supervisor: 'NEITHER',
    subjects: [subject(rng, { injuries: ['SEVERE_LACERATION'], forceTypes: ['HANDS_FISTS_FEET', 'TAKEDOWN'], resistance: ['FLED', 'ASSAULTED_OFFICER'], perceivedConditions: ['ALCOHOL'], armed: 'UNARMED' })],
    officers: [officer(rng, ['HANDS_FISTS_FEET', 'TAKEDOWN'], { injured: true })],
  })],
  [6, (rng) => ({
    qualifiers: ['SERIOUS_BODILY_INJURY', 'FIREARM_DISCHARGED_AT_PERSON'], officersApplyingForce: 2, officersFromAgency: 2, location: 'Apartment complex, Beach Park',
    locationType: 'RESIDENCE', initialContactReason: 'WARRANT_SERVICE', officersApproached: true, ambush: false, supervisor: 'PRESENT',
    subjects: [subject(rng, { injuries: ['GUNSHOT_WOUND'], forceTypes: ['FIREARM'], resistance: ['USED_WEAPON'], perceivedConditions: ['DRUGS'], armed: 'FIREARM' })],
    officers: [officer(rng, ['FIREARM'], { firearmDischarged: true }), officer(rng, ['HANDS_FISTS_FEET'])],
  })],
  [4, (rng) => ({
    qualifiers: ['SERIOUS_BODILY_INJURY'], officersApplyingForce: 3, officersFromAgency: 3, location: 'Lake County Adult Correctional Facility, Waukegan',
    locationType: 'JAIL_OR_DETENTION', initialContactReason: 'OTHER', officersApproached: false, ambush: false, supervisor: 'PRESENT',
    subjects: [subject(rng, { injuries: ['UNCONSCIOUSNESS'], forceTypes: ['HANDS_FISTS_FEET', 'TAKEDOWN'], resistance: ['ASSAULTED_OFFICER'], perceivedConditions: ['UNKNOWN'], armed: 'UNARMED' })],
    officers: [officer(rng, ['TAKEDOWN'], { injured: true }), officer(rng, ['HANDS_FISTS_FEET']), officer(rng, ['HANDS_FISTS_FEET'])],
  })],
  // The incident of the rejected submission: the subject's height is given, the weight is not.
  [2, (rng) => ({
    qualifiers: ['SERIOUS_BODILY_INJURY'], officersApplyingForce: 1, officersFromAgency: 1, location: 'Residence, Zion', locationType: 'RESIDENCE',
    initialContactReason: 'CALL_FOR_SERVICE', officersApproached: true, ambush: false, supervisor: 'CONSULTED',
    subjects: [subject(rng, { injuries: ['APPARENT_BROKEN_BONES'], forceTypes: ['TAKEDOWN'], resistance: ['RESISTED_HANDCUFFING'], perceivedConditions: ['ALCOHOL'], armed: 'UNARMED' }, 'height-only')],
    officers: [officer(rng, ['TAKEDOWN'])],
  })],
  [1, (rng) => ({
    qualifiers: ['FIREARM_DISCHARGED_AT_PERSON'], officersApplyingForce: 2, officersFromAgency: 2, location: 'Retail parking lot, Gurnee Mills', locationType: 'PARKING_LOT',
    initialContactReason: 'SUSPICIOUS_PERSON', officersApproached: true, ambush: false, supervisor: 'CONSULTED',
    subjects: [subject(rng, { injuries: ['NONE'], forceTypes: ['FIREARM'], resistance: ['USED_WEAPON', 'FLED'], perceivedConditions: ['DRUGS'], armed: 'OTHER_WEAPON' })],
    officers: [officer(rng, ['FIREARM'], { firearmDischarged: true }), officer(rng, ['FIREARM'], { firearmDischarged: true })],
  })],
];

const REJECTION = 'Subject 1: weight missing while height is given; resubmit with both or neither.';

function forceIncidents(plan: Plan): Omit<ForceHistoryIncident, 'agencyIncidentNumber'>[] {
  return FORCE_SCENARIOS.map(([monthsAgo, segments], i) => {
    const rng = random(STREAM.force, i);
    const month = plan.months[12 - monthsAgo]!;
    // By the 25th, so that the report (written over the next days) is in before the month is filed.
    const occurredAt = atIllinoisHour(`${month}-${String(rng.int(1, 25)).padStart(2, '0')}`, rng.between(0, 23));
    return {
      id: demoForceIncidentId(i + 1), agencyId: SHERIFF.id, month, occurredAt, ...segments(rng), recordedById: P.recordsClerkHadley,
      recordedAt: later(occurredAt, rng.between(20, 72) * HOUR),
    };
  });
}

/**
 * The sheriff files every ended month with the collection (zero reports included); ISP answers within days. One
 * month, the one two back, was rejected and waits in the queue; answers not yet due by today are still pending.
 */
function forceSubmissions(plan: Plan, today: string, asOf: Date): ForceHistorySubmission[] {
  const rng = random(STREAM.force, 100);
  const rejected = plan.months[10]!;
  const submissions: ForceHistorySubmission[] = [];
  for (const month of plan.months.slice(0, 12)) {
    const submittedAt = onTimeFiling(rng, { ...SHERIFF, filesOn: [2, 10] }, month, today);
    if (!submittedAt) continue;
    const answeredAt = later(submittedAt, rng.between(1, 4) * DAY + rng.between(0, 6) * HOUR);
    const answered = answeredAt < asOf;
    submissions.push({
      id: demoForceSubmissionId(submissions.length + 1), agencyId: SHERIFF.id, month, version: 1,
      state: !answered ? 'SUBMITTED' : month === rejected ? 'REJECTED' : 'ACCEPTED', submittedAt, submittedById: P.recordsClerkHadley,
      respondedAt: answered ? answeredAt : null, respondedById: answered ? P.uniformCrimeReportingPrice : null, rejectionReason: answered && month === rejected ? REJECTION : null,
    });
  }
  return submissions;
}

// ——— The year ———

/**
 * About 480 crisis incidents over the year before `now` (and this month up to yesterday), their monthly submissions,
 * and six use-of-force incidents with the sheriff's submissions; the same for every `now` of one Illinois day.
 */
export function demoCrisisHistory(now: Date): DemoCrisisHistory {
  const today = illinoisDate(now);
  const asOf = illinoisDayStart(today);
  const plan = planOf(today);
  const drawn = FILERS.flatMap((agency, index) =>
    plan.months.flatMap((month) => monthOfIncidents(agency, index, month, today, asOf, agency === DIXON && month === plan.dixonEmpty)),
  ).sort((a, b) => a.dispatchedAt.getTime() - b.dispatchedAt.getTime());
  const force = forceIncidents(plan);

  // One numbering per agency over crisis calls and use of force together, as one CAD system numbers both.
  const numbers = new Map<string, string>();
  for (const agency of FILERS) {
    const next = numberer(agency);
    const events = [...drawn.map((d, i) => ({ key: `c${i}`, agencyId: d.agencyId, at: d.dispatchedAt })), ...force.map((f) => ({ key: f.id, agencyId: f.agencyId, at: f.occurredAt }))];
    for (const event of events.filter((e) => e.agencyId === agency.id).sort((a, b) => a.at.getTime() - b.at.getTime())) numbers.set(event.key, next(event.at));
  }
  const incidents = drawn.map((d, i) => ({ id: demoCrisisIncidentId(i + 1), agencyIncidentNumber: numbers.get(`c${i}`)!, ...d }));
  const submissions = crisisSubmissions(plan, incidents, today);
  return {
    asOf, incidents, submissions, late: plan.late,
    forceIncidents: force.map((f) => ({ ...f, agencyIncidentNumber: numbers.get(f.id)! })),
    forceSubmissions: forceSubmissions(plan, today, asOf),
  };
}

export const DEMO_CRISIS_FILERS: readonly string[] = FILERS.map((agency) => agency.id);
