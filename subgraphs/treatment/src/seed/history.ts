import type { DemoHistory, HistoryDeflection, HistoryEpisode, HistoryEpisodeStep, HistoryPerson } from '@hub/platform/demo';
import { addDays, illinoisDate, type EpisodeState } from '@hub/platform/domain';
import { recordEvent } from '@hub/platform/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Consent } from '../entities/consent.entity.js';
import { EpisodeTransition, Patient, TreatmentEpisode } from '../entities/episode.entity.js';

const ENDS: readonly EpisodeState[] = ['DECLINED', 'COMPLETED', 'DISCHARGED'];

/**
 * The treatment subgraph's part of the demo year: the episodes case managers referred, every transition the
 * providers recorded, and the events they published. Two people in three signed a consent letting the deflecting
 * unit know whether they engaged (42 CFR 2.31), so officers' feedback has something to show.
 */
export function seedTreatmentHistory(em: EntityManager, history: DemoHistory): void {
  const patients = new Map<string, Patient>();
  const patientOf = (person: HistoryPerson) => {
    let patient = patients.get(person.participantId);
    if (!patient) {
      const { participantId, givenName, familyName, dateOfBirth } = person;
      patient = em.create(Patient, { participantId, givenName, familyName, dateOfBirth });
      patients.set(participantId, patient);
    }
    return patient;
  };
  history.deflections.forEach((d, index) => {
    if (!d.episode) return;
    const patient = patientOf(d.person);
    seedEpisode(em, d, d.episode, patient);
    // Consent is signed with the provider, so only once the provider has taken the referral up.
    const taken = d.episode.steps[0];
    if (index % 3 !== 2 && taken && taken.state !== 'DECLINED') seedConsent(em, d, d.episode, taken, patient);
  });
}

function seedEpisode(em: EntityManager, d: HistoryDeflection, e: HistoryEpisode, patient: Patient): void {
  const { givenName, familyName, dateOfBirth } = d.person;
  const episode = em.create(TreatmentEpisode, {
    id: e.id, deflectionId: d.id, patient, provider: e.providerId, service: e.service, state: 'REFERRED', referredAt: e.referredAt, referredById: e.referredById,
    referredAs: { givenName, familyName, dateOfBirth }, deflectionReferredAt: d.referredAt, caseManagementOrganizationId: e.caseManagementOrganizationId,
  });
  const publish = (fromState: EpisodeState | null, toState: EpisodeState, at: Date) =>
    recordEvent(em, {
      type: 'treatment.episode-changed', episodeId: e.id, deflectionId: d.id, patientPseudonym: patient.pseudonym, providerId: e.providerId, service: e.service,
      fromState, toState, at: at.toISOString(), deflectionReferredAt: d.referredAt.toISOString(),
    });
  em.create(EpisodeTransition, { episode, fromState: null, toState: 'REFERRED', at: e.referredAt, byId: e.referredById, reason: null });
  publish(null, 'REFERRED', e.referredAt);
  let from: EpisodeState = 'REFERRED';
  for (const step of e.steps) {
    em.create(EpisodeTransition, { episode, fromState: from, toState: step.state, at: step.at, byId: step.byId, reason: step.reason });
    if (step.state === 'ACKNOWLEDGED') episode.acknowledgedAt = step.at;
    if (step.state === 'INTAKE_SCHEDULED') episode.intakeScheduledFor = step.intakeScheduledFor;
    if (step.state === 'ENGAGED') episode.firstContactAt = step.at;
    if (step.state === 'DECLINED') episode.declineReason = step.reason;
    if (step.state === 'DISCHARGED') episode.dischargeReason = step.reason;
    if (ENDS.includes(step.state)) episode.endedAt = step.at;
    publish(from, step.state, step.at);
    from = step.state;
  }
  episode.state = from;
}

function seedConsent(em: EntityManager, d: HistoryDeflection, e: HistoryEpisode, taken: HistoryEpisodeStep, patient: Patient): void {
  const signedOn = illinoisDate(taken.at);
  const withStatus = d.person.participantId.endsWith('0') || d.person.participantId.endsWith('5');
  em.create(Consent, {
    kind: 'STANDARD', patient, disclosingProvider: e.providerId, disclosingOrganizationId: null,
    information: withStatus ? ['ENGAGEMENT', 'EPISODE_STATUS'] : ['ENGAGEMENT'], recipients: [{ agencyId: d.unitId, role: null }],
    purpose: 'Let the deflecting agency know whether the person engaged in treatment.', signedOn, expiresOn: addDays(signedOn, 365), expiresOnEvent: null,
    irrevocableUntil: null, revokedAt: null, recordedById: taken.byId,
  });
}
