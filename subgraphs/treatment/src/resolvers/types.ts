import { responsePathAsArray } from 'graphql';
import { canonicalCounty, illinoisDate } from '@hub/platform/domain';
import { forbidden } from '@hub/platform/errors';
import { DateScalar, DateTimeScalar } from '@hub/platform/graphql';
import { showsProvider, treatingProviderView } from '../disclosure/consent-view.js';
import { treatmentOfDeflection, treatmentStatusOfDeflection } from '../disclosure/treatment-view.js';
import type { Patient } from '../entities/episode.entity.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { PatientView } from '../models.js';
import { inEffect } from '../rules/consent-rules.js';
import { nextStatesFrom } from '../rules/episode-machine.js';
import { handOffMeasures } from '../rules/measures.js';
import { openSlots } from '../rules/treatment-options.js';
import { rankedProviders, seesWholeEpisode } from '../reads.js';

const ref = (id: string) => ({ id });

async function mustLoad<T>(load: Promise<T | null>, what: string): Promise<T> {
  const found = await load;
  if (!found) throw new Error(`${what} is referenced but missing`);
  return found;
}

function patientView(patient: Patient): PatientView {
  return { id: patient.id, givenName: patient.givenName, familyName: patient.familyName, dateOfBirth: patient.dateOfBirth ?? null };
}

const NO_MEASURES = { minutesToAcknowledge: null, hoursFromDeflectionToAcknowledgement: null, daysFromDeflectionToFirstTreatmentContact: null, engagedAt30Days: null };

/** Thin: relations through the request's loaders, Part 2 decisions from ../disclosure and ../rules. */
export const typeResolvers: Omit<Resolvers, 'Query' | 'Mutation'> = {
  Date: DateScalar,
  DateTime: DateTimeScalar,

  Provider: {
    __resolveReference: (reference, context) => context.loaders.provider.load(reference.id),
    organization: (provider) => (provider.organizationId ? ref(provider.organizationId) : null),
    capacity: (provider, _args, context) => context.loaders.capacityOf.load(provider.id),
    openSlots: async (provider, _args, context) => openSlots(await context.loaders.capacityOf.load(provider.id)),
  },

  Deflection: {
    // The gateway hands over the deflection's id (and county): the cases subgraph has already checked the caller
    // may see it. This subgraph adds treatment, under its own rules.
    __resolveReference: (reference) => reference,
    async treatmentOptions(deflection, _args, context) {
      const county = deflection.county ? canonicalCounty(deflection.county) : null;
      return county ? rankedProviders(context, county) : [];
    },
    treatment: (deflection, _args, context) => treatmentOfDeflection(context, deflection.id),
    treatmentStatus: (deflection, _args, context, info) => treatmentStatusOfDeflection(context, deflection.id, responsePathAsArray(info.path).join('.')),
  },

  TreatmentStatus: {
    __resolveType: (status) => ('withheld' in status ? 'TreatmentWithheld' : 'DeflectionTreatment'),
  },

  DeflectionTreatment: {
    consent: (view) => view.consents[0] ?? null,
  },

  // To anyone but the treating provider, an episode is the referral as it was made (see ../reads.ts).
  TreatmentEpisode: {
    deflection: (episode) => ({ id: episode.deflectionId }),
    async patient(episode, _args, context) {
      const patient = await mustLoad(context.loaders.patient.load(episode.patient.id), 'patient');
      if (await seesWholeEpisode(context, episode)) return patientView(patient);
      return { id: patient.id, ...episode.referredAs };
    },
    provider: (episode, _args, context) => mustLoad(context.loaders.provider.load(episode.provider.id), 'provider'),
    state: async (episode, _args, context) => ((await seesWholeEpisode(context, episode)) ? episode.state : 'REFERRED'),
    acknowledgedAt: async (episode, _args, context) => ((await seesWholeEpisode(context, episode)) ? (episode.acknowledgedAt ?? null) : null),
    declineReason: async (episode, _args, context) => ((await seesWholeEpisode(context, episode)) ? (episode.declineReason ?? null) : null),
    intakeScheduledFor: async (episode, _args, context) => ((await seesWholeEpisode(context, episode)) ? (episode.intakeScheduledFor ?? null) : null),
    firstContactAt: async (episode, _args, context) => ((await seesWholeEpisode(context, episode)) ? (episode.firstContactAt ?? null) : null),
    endedAt: async (episode, _args, context) => ((await seesWholeEpisode(context, episode)) ? (episode.endedAt ?? null) : null),
    dischargeReason: async (episode, _args, context) => ((await seesWholeEpisode(context, episode)) ? (episode.dischargeReason ?? null) : null),
    async transitions(episode, _args, context) {
      const transitions = await context.loaders.transitionsOf.load(episode.id);
      return (await seesWholeEpisode(context, episode)) ? transitions : transitions.filter((t) => t.fromState === null);
    },
    measures: async (episode, _args, context) => ((await seesWholeEpisode(context, episode)) ? handOffMeasures(episode, new Date()) : NO_MEASURES),
    version: async (episode, _args, context) => ((await seesWholeEpisode(context, episode)) ? episode.version : 1),
    nextStates: async (episode, _args, context) => ((await seesWholeEpisode(context, episode)) ? [...nextStatesFrom(episode.state)] : []),
  },

  EpisodeTransition: {
    by: (transition) => ref(transition.byId),
  },

  // A recipient sees the consent a disclosure is made under, within its scope (disclosure/consent-view.ts).
  Consent: {
    id: ({ consent }) => consent.id,
    kind: ({ consent }) => consent.kind,
    patient: async ({ consent, scope }, _args, context) => {
      if (scope.reader !== 'treating-provider') throw forbidden('A consent’s recipient is not shown the patient’s record.');
      return patientView(await mustLoad(context.loaders.patient.load(consent.patient.id), 'patient'));
    },
    disclosingProvider: ({ consent, scope }, _args, context) => (consent.disclosingProvider && showsProvider(scope) ? context.loaders.provider.load(consent.disclosingProvider.id) : null),
    disclosingOrganization: ({ consent, scope }) => (consent.disclosingOrganizationId && showsProvider(scope) ? ref(consent.disclosingOrganizationId) : null),
    information: ({ consent }) => consent.information,
    recipients: ({ consent, scope }) =>
      consent.recipients.filter((r) => scope.reader === 'treating-provider' || r.agencyId === scope.actor.agencyId).map((r) => ({ agency: ref(r.agencyId), role: r.role })),
    purpose: ({ consent }) => consent.purpose,
    signedOn: ({ consent }) => consent.signedOn,
    expiresOn: ({ consent }) => consent.expiresOn ?? null,
    expiresOnEvent: ({ consent }) => consent.expiresOnEvent ?? null,
    irrevocableUntil: ({ consent }) => consent.irrevocableUntil ?? null,
    revokedAt: ({ consent }) => consent.revokedAt ?? null,
    inEffect: ({ consent }) => inEffect(consent, illinoisDate()),
  },

  Disclosure: {
    recipient: (disclosure) => ref(disclosure.recipientId),
    recipientAgency: (disclosure) => ref(disclosure.recipientAgencyId),
    consent: async (disclosure, _args, context) => {
      const consent = disclosure.consent ? await context.loaders.consent.load(disclosure.consent.id) : null;
      return consent ? treatingProviderView(consent) : null;
    },
  },

  // A replayed upload answers its statuses again; an episode only to whoever still keeps its record.
  BulkItemResult: {
    async episode(result, _args, context) {
      const episode = result.episodeId && result.status !== 'REJECTED' ? await context.loaders.episode.load(result.episodeId) : null;
      return episode && (await seesWholeEpisode(context, episode)) ? episode : null;
    },
  },
};

