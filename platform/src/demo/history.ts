import {
  addDays,
  illinoisDate,
  illinoisDayStart,
  PATHWAYS,
  type CallType,
  type DeflectionStatus,
  type EpisodeState,
  type Ethnicity,
  type Pathway,
  type Race,
  type ReferralChannel,
  type Sex,
  type TreatmentService,
} from '../domain/index.js';
import { Random } from './random.js';
import { DEMO_AGENCY as A, DEMO_PEOPLE, DEMO_PERSON as P, DEMO_PLAN as PLAN, demoHistoryDeflectionId, demoHistoryEpisodeId, demoHistoryParticipantId, demoProviderId } from './catalogue.js';

/**
 * A year of demo history, so that a new user's first statistic has something in it (and some of it suppressed).
 * It is a description, not rows: the cases and treatment seeds each write their own part of it, as they would
 * receive it through their own commands. Everything comes from a seeded generator and from the Illinois date of
 * `now`, so every subgraph that loads it on the same day gets the same people, deflections and episodes.
 *
 * Only units whose officers are in the demo directory deflect here: every person the history names is someone the
 * agencies subgraph knows, so nothing in the graph points at nobody.
 */

export interface HistoryPerson {
  participantId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: Sex;
  race: Race;
  ethnicity: Ethnicity;
}

/** A Solution Action Plan as the agencies seed publishes it (the agencies tests check that they agree). */
export interface HistoryPlan {
  id: string;
  unitId: string;
  county: string | null;
  version: number;
  effectiveFrom: string;
  supersededOn: string | null;
  enabledPathways: readonly Pathway[];
  caseManagementOrganizationId: string;
  /** The MEG or task force whose leader approves (DOP and DCI plans); null where the unit needs no approval. */
  approvingAgencyId: string | null;
  approverId: string | null;
}

export interface HistoryApproval {
  decision: 'APPROVED' | 'DECLINED';
  byId: string;
  agencyId: string;
  at: Date;
  reason: string;
}

export interface HistoryContactAttempt {
  at: Date;
  result: 'NO_ANSWER' | 'LEFT_MESSAGE' | 'HANDED_OFF';
}

export interface HistoryReview {
  heldOn: string;
  at: Date;
  finding: 'PROGRESSING' | 'SUCCESSFUL' | 'UNSUCCESSFUL';
}

export interface HistoryClosure {
  outcome: 'SUCCESSFUL' | 'UNSUCCESSFUL' | 'WITHDRAWN';
  at: Date;
  reason: string | null;
  prosecutingAttorney: string | null;
}

export interface HistoryEpisodeStep {
  state: Exclude<EpisodeState, 'REFERRED'>;
  at: Date;
  byId: string;
  reason: string | null;
  intakeScheduledFor: Date | null;
}

export interface HistoryEpisode {
  id: string;
  providerId: string;
  service: TreatmentService;
  referredAt: Date;
  referredById: string;
  caseManagementOrganizationId: string;
  /** Every state after REFERRED, in order, each allowed by the episode machine from the one before. */
  steps: HistoryEpisodeStep[];
}

export interface HistoryDeflection {
  id: string;
  person: HistoryPerson;
  unitId: string;
  officerId: string;
  county: string;
  plan: HistoryPlan;
  pathway: Pathway;
  callType: CallType;
  channel: ReferralChannel | null;
  arrestMade: boolean;
  chargesHeldInAbeyance: boolean;
  nonCriminalCitation: boolean;
  encounterAt: Date;
  referredAt: Date;
  approval: HistoryApproval | null;
  contactAttempts: HistoryContactAttempt[];
  handedOffAt: Date | null;
  caseManagerName: string;
  /** Who holds the reviews and closes the deflection: the approving leader, or the unit's supervisor. */
  followUpById: string;
  reviews: HistoryReview[];
  closure: HistoryClosure | null;
  episode: HistoryEpisode | null;
  status: DeflectionStatus;
}

export interface DemoHistory {
  /** Everything in the history happened before this instant: the start of the Illinois day of `now`. */
  asOf: Date;
  people: HistoryPerson[];
  /** In the order they were referred. */
  deflections: HistoryDeflection[];
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * Each part of the history draws from a stream of its own (one per unit and county, one per deflection), so a
 * change to how one deflection is drawn does not reshuffle every other.
 */
const SEED = 0x1d_2026;
const random = (stream: number, n: number) => new Random(Math.imul(SEED ^ stream, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b));
const STREAM = { referrals: 1, people: 2, deflection: 3, person: 4 } as const;

const later = (at: Date, ms: number) => new Date(at.getTime() + ms);
const atIllinoisHour = (day: string, hours: number) => later(illinoisDayStart(day), hours * HOUR);

// ——— Who deflects where, under which plan ———

interface Approver {
  agencyId: string;
  directorId: string;
}

const LAKE_COUNTY_MEG: Approver = { agencyId: A.lakeCountyMeg, directorId: P.directorMarsh };
const DUPAGE_MEG: Approver = { agencyId: A.duPageMeg, directorId: P.directorLowry };

function plan(id: string, unitId: string, county: string | null, version: number, from: string, until: string | null, pathways: readonly Pathway[], approver: Approver | null): HistoryPlan {
  return {
    id, unitId, county, version, effectiveFrom: from, supersededOn: until, enabledPathways: pathways, caseManagementOrganizationId: A.tasc,
    approvingAgencyId: approver?.agencyId ?? null, approverId: approver?.directorId ?? null,
  };
}

const CASE_MANAGER: Record<string, { id: string; name: string }> = { [A.tasc]: { id: P.caseManagerAbernathy, name: 'Joy Abernathy' } };

interface HistoryUnit {
  id: string;
  officers: readonly (readonly [string, number])[];
  /** Follows up what needs no approval (OPS-092 III.E, by analogy: the unit's supervisor). */
  supervisorId: string;
  /** Investigators meet people in investigations and refer days later; fire crews meet them at overdoses. */
  style: 'patrol' | 'investigation' | 'fire';
  /** How often the unit uses each pathway, among those its plan enables on the day. */
  pathways: Partial<Record<Pathway, number>>;
  plans: readonly HistoryPlan[];
}

const LE_PREVENTION: Pathway[] = ['SELF_REFERRAL', 'OFFICER_PREVENTION', 'OFFICER_INTERVENTION'];
const FIRST_FOUR: Pathway[] = ['SELF_REFERRAL', 'ACTIVE_OUTREACH', 'NALOXONE_PLUS', 'OFFICER_PREVENTION'];

const TROOP_2: HistoryUnit = {
  id: A.ispDopTroop2,
  officers: [[P.trooperReyes, 7], [P.sergeantOkafor, 3]],
  supervisorId: P.sergeantOkafor,
  style: 'patrol',
  pathways: { OFFICER_INTERVENTION: 30, OFFICER_PREVENTION: 28, SELF_REFERRAL: 15, NALOXONE_PLUS: 10, ACTIVE_OUTREACH: 8, PRE_ARREST_DIVERSION: 9 },
  plans: [
    plan(PLAN.troop2v1, A.ispDopTroop2, null, 1, '2024-01-01', '2026-01-01', LE_PREVENTION, LAKE_COUNTY_MEG),
    plan(PLAN.troop2v2, A.ispDopTroop2, null, 2, '2026-01-01', null, PATHWAYS, LAKE_COUNTY_MEG),
    plan(PLAN.troop2DuPage, A.ispDopTroop2, 'DuPage', 1, '2025-03-01', null, LE_PREVENTION, DUPAGE_MEG),
  ],
};

const DCI_NORTH: HistoryUnit = {
  id: A.ispDciNorthZone,
  officers: [[P.agentNguyen, 1]],
  supervisorId: P.agentNguyen,
  style: 'investigation',
  pathways: { OFFICER_INTERVENTION: 35, PRE_ARREST_DIVERSION: 30, SELF_REFERRAL: 15, ACTIVE_OUTREACH: 20 },
  plans: [plan(PLAN.dciNorth, A.ispDciNorthZone, null, 1, '2025-01-01', null, ['SELF_REFERRAL', 'ACTIVE_OUTREACH', 'OFFICER_INTERVENTION', 'PRE_ARREST_DIVERSION'], LAKE_COUNTY_MEG)],
};

const LAKE_SHERIFF: HistoryUnit = {
  id: A.lakeCountySheriff,
  officers: [[P.deputyLindqvist, 3], [P.sheriffSergeantBrooks, 1]],
  supervisorId: P.sheriffSergeantBrooks,
  style: 'patrol',
  pathways: { SELF_REFERRAL: 22, NALOXONE_PLUS: 18, ACTIVE_OUTREACH: 15, OFFICER_PREVENTION: 22, OFFICER_INTERVENTION: 15, PRE_ARREST_DIVERSION: 8 },
  plans: [plan(PLAN.lakeCountySheriff, A.lakeCountySheriff, null, 1, '2025-01-01', null, PATHWAYS, null)],
};

const DIXON_POLICE: HistoryUnit = {
  id: A.dixonPolice,
  officers: [[P.officerDuarte, 7], [P.dixonSergeantOrtega, 3]],
  supervisorId: P.dixonSergeantOrtega,
  style: 'patrol',
  pathways: { SELF_REFERRAL: 30, ACTIVE_OUTREACH: 25, NALOXONE_PLUS: 20, OFFICER_PREVENTION: 25 },
  plans: [plan(PLAN.dixonPolice, A.dixonPolice, null, 1, '2025-01-01', null, FIRST_FOUR, null)],
};

const PEORIA_FIRE: HistoryUnit = {
  id: A.peoriaFire,
  officers: [[P.firefighterKowalski, 3], [P.fireCaptainMbeki, 1]],
  supervisorId: P.fireCaptainMbeki,
  style: 'fire',
  pathways: { NALOXONE_PLUS: 45, SELF_REFERRAL: 20, ACTIVE_OUTREACH: 20, OFFICER_PREVENTION: 15 },
  plans: [plan(PLAN.peoriaFire, A.peoriaFire, null, 1, '2025-01-01', null, FIRST_FOUR, null)],
};

/** Referrals a year per unit and county: one busy unit, a few middling, and quiet ones whose months are small. */
const VOLUMES: readonly (readonly [HistoryUnit, string, number])[] = [
  [TROOP_2, 'Lake', 320],
  [TROOP_2, 'McHenry', 60],
  [TROOP_2, 'DuPage', 40],
  [DCI_NORTH, 'Lake', 100],
  [DCI_NORTH, 'Winnebago', 35],
  [DCI_NORTH, 'McHenry', 20],
  [LAKE_SHERIFF, 'Lake', 225],
  [DIXON_POLICE, 'Lee', 40],
  [PEORIA_FIRE, 'Peoria', 60],
];

/** The plan in force for a unit in a county on a day: a county's own plan first, then the unit-wide one (as agencies decides). */
function planInForce(unit: HistoryUnit, county: string, day: string): HistoryPlan | null {
  const inForce = unit.plans.filter((p) => p.effectiveFrom <= day && (p.supersededOn === null || day < p.supersededOn));
  return inForce.find((p) => p.county === county) ?? inForce.find((p) => p.county === null) ?? null;
}

// ——— When ———

/** More deflections in summer than in winter, as overdose calls are. */
const MONTH_WEIGHT = [0.8, 0.8, 0.9, 1, 1.05, 1.15, 1.2, 1.15, 1, 0.95, 0.85, 0.8];

interface Slot {
  unit: HistoryUnit;
  county: string;
  plan: HistoryPlan;
  referredAt: Date;
}

/**
 * Referred between 8 and 365 days ago, so the referrals of today and this week are the fixtures' alone; follow-up
 * (hand-offs, reviews, treatment) goes on up to yesterday, as it would.
 */
function referralDay(rng: Random, today: string): string {
  for (;;) {
    const day = addDays(today, -rng.int(8, 365));
    if (rng.next() * 1.2 < MONTH_WEIGHT[Number(day.slice(5, 7)) - 1]!) return day;
  }
}

function referralSlots(today: string): Slot[] {
  const slots: Slot[] = [];
  VOLUMES.forEach(([unit, county, perYear], stream) => {
    const rng = random(STREAM.referrals, stream);
    for (let i = 0; i < perYear; i += 1) {
      const day = referralDay(rng, today);
      const hour = rng.chance(0.85) ? rng.between(7, 23) : rng.between(0, 7);
      const found = planInForce(unit, county, day);
      // A day before the unit had a plan (a demo started long after this was written) deflects nobody.
      if (found) slots.push({ unit, county, plan: found, referredAt: atIllinoisHour(day, hour) });
    }
  });
  return slots.sort((a, b) => a.referredAt.getTime() - b.referredAt.getTime());
}

// ——— Who ———

const GIVEN_NAMES: Record<'FEMALE' | 'MALE' | 'ANY', readonly string[]> = {
  FEMALE: [
    'Adriana', 'Bethany', 'Carmen', 'Danielle', 'Elena', 'Fatima', 'Gloria', 'Hannah', 'Imani', 'Jasmine', 'Keisha', 'Lauren', 'Maribel', 'Nadia', 'Olivia',
    'Paula', 'Rosa', 'Shauna', 'Tamara', 'Vanessa', 'Wendy', 'Yolanda', 'Brianna', 'Crystal', 'Destiny', 'Erica', 'Heather', 'Kayla', 'Monique', 'Tiffany',
  ],
  MALE: [
    'Andre', 'Brandon', 'Carlos', 'Darnell', 'Eduardo', 'Frank', 'Gabriel', 'Hector', 'Isaac', 'Jamal', 'Kevin', 'Luis', 'Marcus', 'Nathan', 'Oscar',
    'Patrick', 'Raymond', 'Samuel', 'Terrence', 'Victor', 'Wesley', 'Xavier', 'Anthony', 'Cody', 'Dustin', 'Jeremy', 'Kyle', 'Miguel', 'Tyler', 'Zachary',
  ],
  ANY: ['Alex', 'Bailey', 'Cameron', 'Devon', 'Elliot', 'Frankie', 'Jesse', 'Jordan', 'Kendall', 'Logan', 'Micah', 'Robin', 'Sam', 'Shawn', 'Terry'],
};

const FAMILY_NAMES = [
  'Abbott', 'Alvarez', 'Barnes', 'Becker', 'Bishop', 'Brooks', 'Caldwell', 'Castillo', 'Chambers', 'Coleman', 'Dawson', 'Dominguez', 'Duncan', 'Ellis',
  'Estrada', 'Fleming', 'Fuentes', 'Garner', 'Gill', 'Graves', 'Guzman', 'Hale', 'Harmon', 'Hendricks', 'Hines', 'Holloway', 'Ingram', 'Jacobs', 'Jennings',
  'Kerr', 'Kowalczyk', 'Lambert', 'Lindgren', 'Lowe', 'Maddox', 'Malone', 'Marsh', 'Medina', 'Mercer', 'Molina', 'Nash', 'Nielsen', 'Nolan', 'Ochoa',
  'Osborne', 'Pacheco', 'Pham', 'Pruitt', 'Quinlan', 'Ramsey', 'Reyna', 'Rhodes', 'Salazar', 'Sawyer', 'Schultz', 'Serrano', 'Shepherd', 'Sloan', 'Stanton',
  'Sutton', 'Tate', 'Townsend', 'Trujillo', 'Vaughn', 'Vega', 'Wade', 'Walsh', 'Warner', 'Webster', 'Whitley', 'Wolfe', 'Yates', 'Zamora', 'Ziegler',
];

const SEX_WEIGHTS: [Sex, number][] = [['MALE', 61], ['FEMALE', 36], ['X', 1], ['UNKNOWN', 2]];
const RACE_WEIGHTS: [Race, number][] = [
  ['WHITE', 58], ['BLACK_OR_AFRICAN_AMERICAN', 26], ['ASIAN', 2], ['AMERICAN_INDIAN_OR_ALASKA_NATIVE', 1], ['NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER', 0.5],
  ['MULTIRACIAL', 3], ['OTHER', 3], ['UNKNOWN', 6.5],
];
const ETHNICITY_WEIGHTS: [Ethnicity, number][] = [['HISPANIC_OR_LATINO', 16], ['NOT_HISPANIC_OR_LATINO', 77], ['UNKNOWN', 7]];
/** Ages at the encounter: every plan's minimum age is 18; most people deflected are in their late twenties to forties. */
const AGE_WEIGHTS: [[number, number], number][] = [[[18, 24], 14], [[25, 34], 32], [[35, 44], 27], [[45, 54], 15], [[55, 64], 9], [[65, 74], 3]];

/** A match key as the cases subgraph compares people, so no two people of the demo are the same person to it. */
const personKey = (givenName: string, familyName: string, dateOfBirth: string) => `${familyName}|${givenName}|${dateOfBirth}`.toLowerCase();

function birthDate(rng: Random, encounterDay: string): string {
  const [low, high] = rng.weighted(AGE_WEIGHTS);
  const age = rng.int(low, high);
  const [year, month, day] = encounterDay.split('-').map(Number) as [number, number, number];
  const birthday = new Date(Date.UTC(year - age, month - 1, day)).toISOString().slice(0, 10);
  return addDays(birthday, -rng.int(0, 364));
}

function newPerson(n: number, encounterDay: string, taken: Set<string>): HistoryPerson {
  const rng = random(STREAM.person, n);
  const sex = rng.weighted(SEX_WEIGHTS);
  const givenName = rng.pick(sex === 'FEMALE' || sex === 'MALE' ? (rng.chance(0.9) ? GIVEN_NAMES[sex] : GIVEN_NAMES.ANY) : GIVEN_NAMES.ANY);
  const familyName = rng.pick(FAMILY_NAMES);
  let dateOfBirth = birthDate(rng, encounterDay);
  while (taken.has(personKey(givenName, familyName, dateOfBirth))) dateOfBirth = addDays(dateOfBirth, -1);
  taken.add(personKey(givenName, familyName, dateOfBirth));
  return {
    participantId: demoHistoryParticipantId(n), givenName, familyName, dateOfBirth, sex, race: rng.weighted(RACE_WEIGHTS), ethnicity: rng.weighted(ETHNICITY_WEIGHTS),
  };
}

/**
 * About one person in ten is deflected twice (relapse is part of recovery), in the same county, at least six weeks
 * after the first time; nobody more than twice, so the repeat share stays easy to read.
 */
const REPEAT_CHANCE = 0.11;
const REPEAT_GAP_DAYS = 45;

function peopleFor(slots: readonly Slot[]): HistoryPerson[] {
  const rng = random(STREAM.people, 0);
  const taken = new Set(DEMO_PEOPLE.map(([given, family, born]) => personKey(given, family, born)));
  const once: { person: HistoryPerson; county: string; lastDay: string }[] = [];
  let created = 0;
  return slots.map((slot) => {
    const day = illinoisDate(slot.referredAt);
    const candidates = once.filter((c) => c.county === slot.county && c.lastDay <= addDays(day, -REPEAT_GAP_DAYS));
    if (candidates.length > 0 && rng.chance(REPEAT_CHANCE)) {
      const again = rng.pick(candidates);
      once.splice(once.indexOf(again), 1);
      return again.person;
    }
    created += 1;
    const person = newPerson(created, day, taken);
    once.push({ person, county: slot.county, lastDay: day });
    return person;
  });
}

// ——— What happened at the encounter ———

const CALL_TYPES: Record<Pathway, [CallType, number][]> = {
  SELF_REFERRAL: [['CALL_FOR_ASSISTANCE', 5], ['SUBSTANCE_USE', 3], ['MENTAL_HEALTH', 2]],
  ACTIVE_OUTREACH: [['HOMELESSNESS', 4], ['SUBSTANCE_USE', 4], ['OTHER', 1]],
  NALOXONE_PLUS: [['OVERDOSE', 1]],
  OFFICER_PREVENTION: [['PATROL_CONTACT', 5], ['NEIGHBOR_DISPUTE', 2], ['MENTAL_HEALTH', 2], ['SUBSTANCE_USE', 2]],
  OFFICER_INTERVENTION: [['PATROL_CONTACT', 6], ['INVESTIGATION', 3], ['SUBSTANCE_USE', 1]],
  PRE_ARREST_DIVERSION: [['INVESTIGATION', 6], ['PATROL_CONTACT', 3]],
};

const CHANNELS: Record<Pathway, [ReferralChannel, number][]> = {
  SELF_REFERRAL: [['CRISIS_LINE', 4], ['LIVE_ON_SCENE_RESPONSE', 3], ['OFFICER_REFERRAL', 1]],
  ACTIVE_OUTREACH: [['PROACTIVE_FOLLOW_UP', 6], ['LIVE_ON_SCENE_RESPONSE', 1]],
  NALOXONE_PLUS: [['PROACTIVE_FOLLOW_UP', 4], ['LIVE_ON_SCENE_RESPONSE', 3]],
  OFFICER_PREVENTION: [['OFFICER_REFERRAL', 4], ['ON_SCENE_OFFICER_REQUEST', 3]],
  OFFICER_INTERVENTION: [['OFFICER_REFERRAL', 5], ['ON_SCENE_OFFICER_REQUEST', 2]],
  PRE_ARREST_DIVERSION: [['OFFICER_REFERRAL', 1]],
};

function callType(rng: Random, unit: HistoryUnit, pathway: Pathway): CallType {
  if (unit.style === 'investigation' && pathway !== 'SELF_REFERRAL' && rng.chance(0.8)) return 'INVESTIGATION';
  if (unit.style === 'fire' && pathway === 'OFFICER_PREVENTION') return rng.weighted<CallType>([['MENTAL_HEALTH', 2], ['SUBSTANCE_USE', 2], ['CALL_FOR_ASSISTANCE', 1]]);
  return rng.weighted(CALL_TYPES[pathway]);
}

/** How long before the referral the encounter was: investigators often refer days after they met the person. */
function encounterLead(rng: Random, unit: HistoryUnit): number {
  if (unit.style === 'investigation' && rng.chance(0.4)) return rng.between(1, 10) * DAY;
  return rng.chance(0.9) ? rng.between(10, 90) * MINUTE : rng.between(2, 12) * HOUR;
}

/**
 * OPS-D2 as the cases subgraph checks it: officer intervention holds charges in abeyance or gives a non-criminal
 * citation; only officer intervention and pre-arrest diversion ever follow an arrest, and only a few of them.
 */
function charges(rng: Random, pathway: Pathway): Pick<HistoryDeflection, 'arrestMade' | 'chargesHeldInAbeyance' | 'nonCriminalCitation'> {
  const criminal = pathway === 'OFFICER_INTERVENTION' || pathway === 'PRE_ARREST_DIVERSION';
  const abeyance = pathway === 'OFFICER_INTERVENTION' && rng.chance(0.8);
  return { arrestMade: criminal && rng.chance(0.08), chargesHeldInAbeyance: abeyance, nonCriminalCitation: pathway === 'OFFICER_INTERVENTION' && !abeyance };
}

// ——— Approval and hand-off ———

const DECLINE_REASONS = ['Active warrant for a violent offence.', 'Lead suspect in an ongoing delivery investigation.', 'Not eligible under the SAP: excluded offence.'];

/** OPS-D3: the plan's MEG or task-force director decides, mostly within hours; about one in twenty is declined. */
function approvalOf(rng: Random, plan: HistoryPlan, referredAt: Date): HistoryApproval | null {
  if (!plan.approvingAgencyId || !plan.approverId) return null;
  const hours = rng.weighted<[number, number]>([[[0.5, 6], 70], [[6, 24], 25], [[24, 60], 5]]);
  const declined = rng.chance(0.05);
  return {
    decision: declined ? 'DECLINED' : 'APPROVED', byId: plan.approverId, agencyId: plan.approvingAgencyId, at: later(referredAt, rng.between(...hours) * HOUR),
    reason: declined ? rng.pick(DECLINE_REASONS) : 'Eligible under the SAP; agreed to meet a case manager.',
  };
}

/** OPS-D6: most people are handed off to the case manager within hours, some after a day or two, a few never. */
function contactAttempts(rng: Random, start: Date): HistoryContactAttempt[] {
  const first = later(start, rng.between(10, 40) * MINUTE);
  if (rng.chance(0.08)) {
    return [{ at: first, result: 'NO_ANSWER' }, { at: later(first, rng.between(20, 28) * HOUR), result: 'LEFT_MESSAGE' }, { at: later(first, rng.between(68, 76) * HOUR), result: 'NO_ANSWER' }];
  }
  const handOff = later(start, (rng.chance(0.85) ? rng.between(1, 8) : rng.between(12, 60)) * HOUR);
  return rng.chance(0.45) ? [{ at: first, result: rng.pick(['NO_ANSWER', 'LEFT_MESSAGE'] as const) }, { at: handOff, result: 'HANDED_OFF' }] : [{ at: handOff, result: 'HANDED_OFF' }];
}

// ——— Treatment ———

/** The demo's provider sites (the treatment seed's rows) that history patients go to, with a counselor of each. */
const PROVIDERS: readonly { n: number; counties: readonly string[]; services: readonly TreatmentService[]; staffId: string }[] = [
  { n: 1, counties: ['Lake', 'McHenry'], services: ['SUD_RESIDENTIAL', 'WITHDRAWAL_MANAGEMENT', 'SUD_OUTPATIENT'], staffId: P.counselorFitzgerald },
  { n: 2, counties: ['Cook', 'DuPage'], services: ['SUD_OUTPATIENT', 'MEDICATION_FOR_OPIOID_USE_DISORDER'], staffId: P.counselorFitzgerald },
  // Its outpatient service has no open slots in the demo, so nobody is sent there.
  { n: 3, counties: ['Lake'], services: ['MEDICATION_FOR_OPIOID_USE_DISORDER', 'MENTAL_HEALTH'], staffId: P.counselorOkafor },
  { n: 4, counties: ['Winnebago', 'Lee', 'Ogle'], services: ['SUD_RESIDENTIAL', 'WITHDRAWAL_MANAGEMENT'], staffId: P.counselorMoreau },
  { n: 5, counties: ['Peoria', 'Tazewell'], services: ['SUD_OUTPATIENT', 'PEER_SUPPORT'], staffId: P.counselorMoreau },
];

const SERVICE_WEIGHT: Record<TreatmentService, number> = {
  SUD_OUTPATIENT: 5, SUD_INTENSIVE_OUTPATIENT: 2, SUD_RESIDENTIAL: 2, WITHDRAWAL_MANAGEMENT: 1, MEDICATION_FOR_OPIOID_USE_DISORDER: 2, MENTAL_HEALTH: 1,
  RECOVERY_SUPPORT: 1, RECOVERY_HOUSING: 1, PEER_SUPPORT: 1,
};
/** After an overdose, medication and withdrawal management come first. */
const AFTER_OVERDOSE: Partial<Record<TreatmentService, number>> = { MEDICATION_FOR_OPIOID_USE_DISORDER: 8, WITHDRAWAL_MANAGEMENT: 4 };

const DECLINES = ['No residential bed within 14 days.', 'Needs a service this site does not offer.', 'Person chose another provider.'];
const DISCHARGES = ['Left against clinical advice.', 'Needed a higher level of care.', 'Administrative discharge after repeated missed sessions.'];

/** Share of people handed off whom the case manager refers to treatment: about 60 % of all deflections. */
const TREATMENT_CHANCE = 0.69;

class EpisodeBuilder {
  readonly steps: HistoryEpisodeStep[] = [];

  constructor(private readonly staffId: string) {}

  add(state: HistoryEpisodeStep['state'], at: Date, extra: { reason?: string; intakeScheduledFor?: Date } = {}): Date {
    this.steps.push({ state, at, byId: this.staffId, reason: extra.reason ?? null, intakeScheduledFor: extra.intakeScheduledFor ?? null });
    return at;
  }
}

/** Engagement, the 30/60/90-day milestones counted from it (TRT-4), and how the episode ends, if it has. */
function treatmentCourse(rng: Random, episode: EpisodeBuilder, engagedAt: Date): void {
  let last = engagedAt;
  for (const [state, days, stays] of [['RETAINED_30', 30, 0.82], ['RETAINED_60', 60, 0.85], ['RETAINED_90', 90, 0.88]] as const) {
    const milestone = later(engagedAt, (days + rng.between(0, 2)) * DAY);
    if (!rng.chance(stays)) {
      const end = later(last, rng.between(DAY, milestone.getTime() - last.getTime()));
      if (rng.chance(0.4)) episode.add('DISCHARGED', end, { reason: rng.pick(DISCHARGES) });
      else episode.add('LOST_CONTACT', end);
      return;
    }
    last = episode.add(state, milestone);
    // Short outpatient programmes finish between the first and second month.
    if (state === 'RETAINED_30' && rng.chance(0.12)) {
      episode.add('COMPLETED', later(engagedAt, rng.between(35, 58) * DAY));
      return;
    }
  }
  const end = rng.next();
  if (end < 0.72) episode.add('COMPLETED', later(engagedAt, rng.between(95, 150) * DAY));
  else if (end < 0.82) episode.add('DISCHARGED', later(engagedAt, rng.between(92, 140) * DAY), { reason: rng.pick(DISCHARGES) });
  else if (end < 0.88) episode.add('LOST_CONTACT', later(engagedAt, rng.between(92, 130) * DAY));
}

function episodePath(rng: Random, episode: EpisodeBuilder, referredAt: Date): void {
  if (rng.chance(0.07)) {
    episode.add('DECLINED', later(referredAt, rng.between(3, 48) * HOUR), { reason: rng.pick(DECLINES) });
    return;
  }
  let last = episode.add('ACKNOWLEDGED', later(referredAt, rng.between(1, 20) * HOUR));
  let intake: Date | null = null;
  if (rng.chance(0.3)) {
    intake = later(last, rng.between(1, 6) * DAY);
    last = episode.add('INTAKE_SCHEDULED', later(last, rng.between(1, 24) * HOUR), { intakeScheduledFor: intake });
  }
  if (rng.chance(0.8)) {
    const engagedAt = intake ? later(intake, rng.between(0, 2) * HOUR) : later(last, Math.min(40, 0.5 + -Math.log(1 - rng.next()) * 6) * DAY);
    treatmentCourse(rng, episode, episode.add('ENGAGED', engagedAt));
  } else if (rng.chance(0.6)) episode.add('LOST_CONTACT', later(last, rng.between(7, 30) * DAY));
  else episode.add('DISCHARGED', later(last, rng.between(7, 21) * DAY), { reason: 'Did not attend the intake appointment.' });
}

function episodeOf(rng: Random, n: number, d: Pick<HistoryDeflection, 'county' | 'pathway' | 'plan'>, handedOffAt: Date, asOf: Date): HistoryEpisode | null {
  const providers = PROVIDERS.filter((p) => p.counties.includes(d.county));
  if (providers.length === 0) return null;
  const provider = rng.pick(providers);
  const weights = d.pathway === 'NALOXONE_PLUS' ? { ...SERVICE_WEIGHT, ...AFTER_OVERDOSE } : SERVICE_WEIGHT;
  const service = rng.weighted(provider.services.map((s) => [s, weights[s]] as const));
  const referredAt = later(handedOffAt, (rng.chance(0.7) ? rng.between(1, 24) * HOUR : rng.between(1, 4) * DAY));
  const builder = new EpisodeBuilder(provider.staffId);
  episodePath(rng, builder, referredAt);
  if (referredAt >= asOf) return null;
  // What lies after today has not happened yet: the episode stays where it had got to.
  const future = builder.steps.findIndex((step) => step.at >= asOf);
  return {
    id: demoHistoryEpisodeId(n), providerId: demoProviderId(provider.n), service, referredAt, referredById: CASE_MANAGER[d.plan.caseManagementOrganizationId]!.id,
    caseManagementOrganizationId: d.plan.caseManagementOrganizationId,
    steps: future === -1 ? builder.steps : builder.steps.slice(0, future),
  };
}

function episodeStateAt(episode: HistoryEpisode | null, at: Date): EpisodeState | null {
  if (!episode) return null;
  return episode.steps.filter((s) => s.at <= at).at(-1)?.state ?? 'REFERRED';
}

// ——— Follow-up and closing ———

const WITHDRAWALS = ['Person moved out of the county.', 'Person asked to end the deflection.', 'Person entered treatment out of state.'];

/** How likely a closing review finds the deflection successful, by where treatment stood that day. */
function successChance(state: EpisodeState | null): number {
  switch (state) {
    case 'COMPLETED':
    case 'RETAINED_90':
      return 0.92;
    case 'RETAINED_60':
    case 'RETAINED_30':
      return 0.8;
    case 'ENGAGED':
      return 0.7;
    case 'LOST_CONTACT':
    case 'DISCHARGED':
    case 'DECLINED':
      return 0.3;
    case null:
      return 0.6;
    default:
      return 0.5;
  }
}

/** The chance that the nth review (1-based) also closes the deflection: most close within two to three quarters. */
const CLOSES_AT_REVIEW = [0.3, 0.65, 0.9, 1];

/**
 * OPS-D7 and OPS-D8: reviews near each due date (90 days after the start, then after each review held), the last of
 * them closing the deflection; or a withdrawal, most often of people the case manager never reached.
 */
function followUp(rng: Random, d: Pick<HistoryDeflection, 'pathway' | 'county' | 'episode' | 'handedOffAt'>, start: Date, today: string, asOf: Date): { reviews: HistoryReview[]; closure: HistoryClosure | null } {
  const withdrawal = d.handedOffAt === null
    ? rng.chance(0.85) ? { at: later(start, rng.between(10, 40) * DAY), reason: 'The case manager could not reach the person.' } : null
    : rng.chance(0.05) ? { at: later(start, rng.between(5, 75) * DAY), reason: rng.pick(WITHDRAWALS) } : null;
  if (withdrawal) {
    return { reviews: [], closure: withdrawal.at < asOf ? { outcome: 'WITHDRAWN', at: withdrawal.at, reason: withdrawal.reason, prosecutingAttorney: null } : null };
  }
  const reviews: HistoryReview[] = [];
  let due = addDays(illinoisDate(start), 90);
  for (const closes of CLOSES_AT_REVIEW) {
    const heldOn = addDays(due, -rng.int(0, 10));
    if (heldOn >= today) break;
    const at = atIllinoisHour(heldOn, rng.between(9, 16));
    if (rng.chance(closes)) {
      const outcome = rng.chance(successChance(episodeStateAt(d.episode, at))) ? 'SUCCESSFUL' : 'UNSUCCESSFUL';
      reviews.push({ heldOn, at, finding: outcome });
      const criminal = d.pathway === 'OFFICER_INTERVENTION' || d.pathway === 'PRE_ARREST_DIVERSION';
      const prosecuted = outcome === 'UNSUCCESSFUL' && criminal && d.county === 'Lake' && rng.chance(0.5);
      return { reviews, closure: { outcome, at: later(at, 30 * MINUTE), reason: null, prosecutingAttorney: prosecuted ? "Lake County State's Attorney's Office" : null } };
    }
    reviews.push({ heldOn, at, finding: 'PROGRESSING' });
    due = addDays(heldOn, 90);
  }
  return { reviews, closure: null };
}

// ——— One deflection ———

function statusOf(approval: HistoryApproval | null, closure: HistoryClosure | null): DeflectionStatus {
  if (approval?.decision === 'DECLINED') return 'DECLINED';
  return closure?.outcome ?? 'ACTIVE';
}

function deflectionAt(n: number, slot: Slot, person: HistoryPerson, today: string, asOf: Date, episodes: { count: number }): HistoryDeflection {
  const rng = random(STREAM.deflection, n);
  const { unit, plan: terms, county, referredAt } = slot;
  const pathway = rng.weighted(terms.enabledPathways.map((p) => [p, unit.pathways[p] ?? 1] as const));
  const approval = approvalOf(rng, terms, referredAt);
  const base = {
    id: demoHistoryDeflectionId(n), person, unitId: unit.id, officerId: rng.weighted(unit.officers), county, plan: terms, pathway,
    callType: callType(rng, unit, pathway), channel: rng.chance(0.06) ? null : rng.weighted(CHANNELS[pathway]), ...charges(rng, pathway),
    encounterAt: later(referredAt, -encounterLead(rng, unit)), referredAt, approval,
    caseManagerName: CASE_MANAGER[terms.caseManagementOrganizationId]!.name, followUpById: approval?.byId ?? unit.supervisorId,
  };
  if (approval?.decision === 'DECLINED') {
    return { ...base, contactAttempts: [], handedOffAt: null, reviews: [], closure: null, episode: null, status: 'DECLINED' };
  }
  const start = approval?.at ?? referredAt;
  const attempts = contactAttempts(rng, start);
  const handedOffAt = attempts.find((a) => a.result === 'HANDED_OFF')?.at ?? null;
  let episode: HistoryEpisode | null = null;
  if (handedOffAt && rng.chance(TREATMENT_CHANCE)) {
    episode = episodeOf(rng, episodes.count + 1, base, handedOffAt, asOf);
    if (episode) episodes.count += 1;
  }
  const { reviews, closure } = followUp(rng, { ...base, episode, handedOffAt }, start, today, asOf);
  return { ...base, contactAttempts: attempts, handedOffAt, reviews, closure, episode, status: statusOf(approval, closure) };
}

/** About 900 deflections over the year before `now`, none in its last week; the same for every `now` of one Illinois day. */
export function demoHistory(now: Date): DemoHistory {
  const today = illinoisDate(now);
  const asOf = illinoisDayStart(today);
  const slots = referralSlots(today);
  const people = peopleFor(slots);
  const episodes = { count: 0 };
  const deflections = slots.map((slot, i) => deflectionAt(i + 1, slot, people[i]!, today, asOf, episodes));
  return { asOf, people: [...new Set(people)], deflections };
}
