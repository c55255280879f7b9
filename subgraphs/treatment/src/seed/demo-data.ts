import { DEMO_AGENCY as A, DEMO_PEOPLE, DEMO_PERSON as P, demoDeflectionId, demoParticipantId, demoProviderId } from '@hub/platform/demo';
import { addDays, illinoisDate } from '@hub/platform/domain';
import { recordEvent } from '@hub/platform/events';
import type { DemoSeed } from '@hub/platform/subgraph';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Consent } from '../entities/consent.entity.js';
import { EpisodeTransition, Patient, TreatmentEpisode } from '../entities/episode.entity.js';
import { Provider, type LevelOfCare, type LicenseStatus, type TreatmentService } from '../entities/provider.entity.js';
import type { EpisodeState } from '../entities/vocabulary.js';
import { ServiceCapacity } from '../entities/service-capacity.entity.js';
import { seedTreatmentHistory } from './history.js';

export { demoProviderId } from '@hub/platform/demo';

type Row = [name: string, organizationId: string, license: string, status: LicenseStatus, counties: string[], languages: string[], slots: [TreatmentService, number][]];

function levelsFor(services: TreatmentService[]): LevelOfCare[] {
  const levels = new Set<LevelOfCare>();
  for (const service of services) {
    if (service === 'SUD_RESIDENTIAL' || service === 'RECOVERY_HOUSING') levels.add('RESIDENTIAL');
    else if (service === 'WITHDRAWAL_MANAGEMENT') levels.add('MEDICALLY_MANAGED_INPATIENT');
    else if (service === 'SUD_INTENSIVE_OUTPATIENT') levels.add('INTENSIVE_OUTPATIENT');
    else levels.add('OUTPATIENT');
  }
  return [...levels];
}

const ROWS: Row[] = [
  ['Gateway Foundation, Lake Villa', A.gatewayFoundation, 'IL-SUD-200101', 'ACTIVE', ['Lake', 'McHenry'], ['English', 'Spanish'], [['SUD_RESIDENTIAL', 6], ['WITHDRAWAL_MANAGEMENT', 2], ['SUD_OUTPATIENT', 12]]],
  ['Gateway Foundation, Chicago West', A.gatewayFoundation, 'IL-SUD-200102', 'ACTIVE', ['Cook', 'DuPage'], ['English', 'Spanish'], [['SUD_OUTPATIENT', 20], ['MEDICATION_FOR_OPIOID_USE_DISORDER', 8]]],
  ['Lake County Health Department, Behavioral Health', A.lakeCountyHealthDepartment, 'IL-SUD-200201', 'ACTIVE', ['Lake'], ['English', 'Spanish'], [['MEDICATION_FOR_OPIOID_USE_DISORDER', 9], ['MENTAL_HEALTH', 4], ['SUD_OUTPATIENT', 0]]],
  ['Rosecrance Harrison Campus', A.rosecrance, 'IL-SUD-200301', 'ACTIVE', ['Winnebago', 'Lee', 'Ogle'], ['English'], [['SUD_RESIDENTIAL', 3], ['WITHDRAWAL_MANAGEMENT', 1]]],
  ['Rosecrance Peoria', A.rosecrance, 'IL-SUD-200302', 'PROVISIONAL', ['Peoria', 'Tazewell'], ['English'], [['SUD_OUTPATIENT', 5], ['PEER_SUPPORT', 10]]],
  ['Centerstone Carbondale', A.centerstone, 'IL-SUD-200401', 'ACTIVE', ['Jackson', 'Williamson', 'Franklin'], ['English'], [['SUD_OUTPATIENT', 7], ['RECOVERY_HOUSING', 2]]],
  ['Centerstone Alton', A.centerstone, 'IL-SUD-200402', 'SUSPENDED', ['Madison'], ['English'], [['SUD_OUTPATIENT', 15]]],
];

const DAY = 86_400_000;

/** Episodes in every state, for demo deflections of the cases subgraph: [deflection n, person index, provider n, service, days since deflection, path]. */
const EPISODES: [number, number, number, TreatmentService, number, EpisodeState[]][] = [
  [1, 0, 1, 'SUD_RESIDENTIAL', 120, ['ACKNOWLEDGED', 'ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90']],
  [2, 1, 3, 'MEDICATION_FOR_OPIOID_USE_DISORDER', 80, ['ACKNOWLEDGED']],
  [3, 2, 1, 'SUD_OUTPATIENT', 200, ['ACKNOWLEDGED', 'INTAKE_SCHEDULED', 'ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90', 'COMPLETED']],
  [4, 3, 3, 'MEDICATION_FOR_OPIOID_USE_DISORDER', 150, ['ACKNOWLEDGED', 'ENGAGED', 'RETAINED_30']],
  [5, 4, 1, 'SUD_RESIDENTIAL', 60, ['DECLINED']],
  [6, 5, 1, 'SUD_OUTPATIENT', 240, ['ACKNOWLEDGED', 'ENGAGED', 'LOST_CONTACT']],
  [10, 9, 1, 'WITHDRAWAL_MANAGEMENT', 95, ['ACKNOWLEDGED', 'INTAKE_SCHEDULED']],
  [11, 10, 3, 'MENTAL_HEALTH', 40, []],
  [14, 13, 2, 'SUD_OUTPATIENT', 20, ['ACKNOWLEDGED', 'ENGAGED']],
  [15, 14, 3, 'MEDICATION_FOR_OPIOID_USE_DISORDER', 100, ['ACKNOWLEDGED', 'ENGAGED', 'RETAINED_30', 'RETAINED_60']],
  [17, 15, 1, 'SUD_OUTPATIENT', 210, ['ACKNOWLEDGED', 'ENGAGED', 'DISCHARGED']],
];

/** When each step happened, in days after the deflection. */
const STEP_DAY: Record<EpisodeState, number> = {
  REFERRED: 0.2, ACKNOWLEDGED: 0.3, DECLINED: 0.4, INTAKE_SCHEDULED: 0.5, ENGAGED: 2, RETAINED_30: 33, RETAINED_60: 63, RETAINED_90: 93,
  COMPLETED: 110, DISCHARGED: 40, LOST_CONTACT: 50,
};

function seedEpisodes(em: EntityManager, now: Date): Map<number, TreatmentEpisode> {
  const byDeflection = new Map<number, TreatmentEpisode>();
  const patients = new Map<number, Patient>();
  for (const [n, personIndex, providerN, service, daysAgo, path] of EPISODES) {
    const [givenName, familyName, dateOfBirth] = DEMO_PEOPLE[personIndex]!;
    const patient = patients.get(personIndex) ?? em.create(Patient, { participantId: demoParticipantId(personIndex), givenName, familyName, dateOfBirth });
    patients.set(personIndex, patient);
    const deflectedAt = new Date(now.getTime() - daysAgo * DAY);
    const at = (state: EpisodeState) => new Date(deflectedAt.getTime() + STEP_DAY[state] * DAY);
    const staff = providerN === 3 ? P.counselorOkafor : P.counselorFitzgerald;
    const episode = em.create(TreatmentEpisode, {
      deflectionId: demoDeflectionId(n), patient, provider: demoProviderId(providerN), service, state: 'REFERRED',
      referredAt: at('REFERRED'), referredById: P.caseManagerAbernathy, referredAs: { givenName, familyName, dateOfBirth }, deflectionReferredAt: deflectedAt, caseManagementOrganizationId: A.tasc,
    });
    em.create(EpisodeTransition, { episode, fromState: null, toState: 'REFERRED', at: at('REFERRED'), byId: P.caseManagerAbernathy, reason: null });
    let from: EpisodeState = 'REFERRED';
    for (const state of path) {
      const when = at(state);
      const reason = state === 'DECLINED' ? 'No residential bed within 14 days' : state === 'DISCHARGED' ? 'Left against clinical advice' : null;
      em.create(EpisodeTransition, { episode, fromState: from, toState: state, at: when, byId: staff, reason });
      if (state === 'ACKNOWLEDGED') episode.acknowledgedAt = when;
      if (state === 'ENGAGED') episode.firstContactAt = when;
      if (state === 'INTAKE_SCHEDULED') episode.intakeScheduledFor = new Date(when.getTime() + 2 * DAY);
      if (state === 'DECLINED') episode.declineReason = reason;
      if (state === 'DISCHARGED') episode.dischargeReason = reason;
      if (state === 'DECLINED' || state === 'COMPLETED' || state === 'DISCHARGED') episode.endedAt = when;
      recordEvent(em, {
        type: 'treatment.episode-changed', episodeId: episode.id, deflectionId: episode.deflectionId, patientPseudonym: patient.pseudonym, providerId: demoProviderId(providerN),
        service, fromState: from, toState: state, at: when.toISOString(), deflectionReferredAt: deflectedAt.toISOString(),
      });
      from = state;
    }
    episode.state = from;
    byDeflection.set(n, episode);
  }
  return byDeflection;
}

/** Consents of every kind: standard and criminal-justice, in effect, expired, revoked, event-based, organisation-wide. */
function seedConsents(em: EntityManager, episodes: Map<number, TreatmentEpisode>, today: string): void {
  const consent = (n: number, over: Partial<Consent>) => {
    const episode = episodes.get(n)!;
    em.create(Consent, {
      kind: 'STANDARD', patient: episode.patient, disclosingProvider: episode.provider, disclosingOrganizationId: null,
      information: ['ENGAGEMENT'], recipients: [], purpose: 'Let the deflecting agency know whether the person engaged in treatment.',
      signedOn: addDays(today, -100), expiresOn: addDays(today, 265), expiresOnEvent: null, irrevocableUntil: null, revokedAt: null,
      recordedById: P.counselorFitzgerald, ...over,
    });
  };
  consent(1, { recipients: [{ agencyId: A.ispDopTroop2, role: null }], information: ['ENGAGEMENT'] });
  consent(6, {
    kind: 'CRIMINAL_JUSTICE', recipients: [{ agencyId: A.lakeCountyStatesAttorney, role: 'PROSECUTOR' }], information: ['ENGAGEMENT', 'ATTENDANCE', 'COMPLETION'],
    purpose: 'Charges held in abeyance: the prosecutor monitors progress in treatment (42 CFR 2.35).', irrevocableUntil: addDays(today, 80),
  });
  consent(3, { recipients: [{ agencyId: A.ispDopTroop2, role: null }], signedOn: addDays(today, -400), expiresOn: addDays(today, -35) });
  consent(4, { recipients: [{ agencyId: A.lakeCountyMeg, role: null }], revokedAt: new Date(Date.parse(`${addDays(today, -10)}T16:00:00Z`)), recordedById: P.counselorOkafor });
  consent(15, { recipients: [{ agencyId: A.lakeCountySheriff, role: null }], information: ['ENGAGEMENT', 'EPISODE_STATUS'], expiresOn: null, expiresOnEvent: 'Completion of the treatment episode', recordedById: P.counselorOkafor });
  consent(14, {
    recipients: [{ agencyId: A.ispDopTroop2, role: null }, { agencyId: A.duPageMeg, role: 'MEG_DIRECTOR' }], information: ['ENGAGEMENT', 'EPISODE_STATUS'],
    disclosingProvider: null, disclosingOrganizationId: A.gatewayFoundation,
  });
}

export async function seedTreatment(em: EntityManager, { now, history }: DemoSeed): Promise<void> {
  ROWS.forEach(([name, organizationId, licenseNumber, licenseStatus, countiesServed, languages, slots], index) => {
    const provider = em.create(Provider, {
      id: demoProviderId(index + 1),
      name,
      organizationId,
      licenseNumber,
      licenseStatus,
      licenseExpiresOn: '2027-12-31',
      countiesServed,
      services: slots.map(([service]) => service),
      languages,
      paymentAccepted: ['Medicaid', 'Private insurance', 'Sliding scale'],
      levelsOfCare: levelsFor(slots.map(([service]) => service)),
    });
    for (const [service, openSlots] of slots) em.create(ServiceCapacity, { provider, service, openSlots });
  });
  seedConsents(em, seedEpisodes(em, now), illinoisDate(now));
  if (history) seedTreatmentHistory(em, history);
  await em.flush();
}

export async function hasTreatment(em: EntityManager): Promise<boolean> {
  return (await em.count(Provider, {})) > 0;
}
