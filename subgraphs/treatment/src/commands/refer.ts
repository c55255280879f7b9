import { forbidden, recordEvent, runIdempotently, Violations } from '@hub/platform';
import { EpisodeTransition, Patient, TreatmentEpisode } from '../entities/episode.entity.js';
import { Provider, type TreatmentService } from '../entities/provider.entity.js';
import { ServiceCapacity } from '../entities/service-capacity.entity.js';
import { ENDED_STATES } from '../rules/episode-machine.js';
import { canTakeReferrals } from '../rules/treatment-options.js';
import type { Command } from './support.js';

/**
 * TRT-4: refers a deflection to a provider and service. The deflection is read from the cases subgraph as the
 * caller, so only someone who may see it can refer it; capacity is looked up now, at the point of referral.
 */
export async function referToTreatment(cmd: Command, input: { deflectionId: string; providerId: string; service: TreatmentService }, idempotencyKey: string | null | undefined): Promise<TreatmentEpisode> {
  if (!cmd.actor.roles.some((r) => ['CASE_MANAGER', 'OFFICER', 'SUPERVISOR', 'MEG_DIRECTOR', 'TASK_FORCE_COMMANDER', 'DESIGNEE'].includes(r))) {
    throw forbidden('Case managers and the deflecting agency refer people into treatment.');
  }
  return runIdempotently(
    cmd.em,
    { actorId: cmd.actor.personId, operation: 'referToTreatment', key: idempotencyKey, input },
    async () => {
      const deflection = await cmd.context.cases.deflection(input.deflectionId);
      const v = new Violations();
      v.check(deflection.status === 'ACTIVE', 'input.deflectionId', 'active-deflection', `Only an active deflection is referred to treatment (this one is ${deflection.status}).`);
      const provider = await cmd.em.findOne(Provider, { id: input.providerId });
      if (!provider) v.add('input.providerId', 'exists', 'input.providerId names no provider.');
      else {
        v.check(canTakeReferrals(provider) && provider.licenseExpiresOn >= cmd.today, 'input.providerId', 'licensed', `${provider.name} has no licence in force (${provider.licenseStatus}, expires ${provider.licenseExpiresOn}).`);
        v.check(provider.services.includes(input.service), 'input.service', 'service-offered', `${provider.name} does not offer ${input.service}.`);
        const capacity = await cmd.em.findOne(ServiceCapacity, { providerId: provider.id, service: input.service });
        v.check((capacity?.openSlots ?? 0) > 0, 'input.service', 'open-capacity', `${provider.name} reports no open slot for ${input.service} right now.`);
      }
      const open = await cmd.em.count(TreatmentEpisode, { deflectionId: deflection.id, providerId: input.providerId, service: input.service, state: { $nin: [...ENDED_STATES] } });
      v.check(open === 0, 'input.providerId', 'not-already-referred', 'This deflection already has an open referral to this provider for this service.');
      v.throwIfAny();
      const person = deflection.participant;
      const patient =
        (await cmd.em.findOne(Patient, { participantId: person.id })) ??
        cmd.em.create(Patient, { participantId: person.id, givenName: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth });
      const episode = cmd.em.create(TreatmentEpisode, {
        deflectionId: deflection.id,
        patientId: patient.id,
        providerId: input.providerId,
        service: input.service,
        state: 'REFERRED',
        referredAt: cmd.now,
        referredById: cmd.actor.personId,
        deflectionReferredAt: new Date(deflection.referredAt),
        caseManagementOrganizationId: deflection.caseManagementOrganization.id,
      });
      cmd.em.create(EpisodeTransition, { episodeId: episode.id, fromState: null, toState: 'REFERRED', at: cmd.now, byId: cmd.actor.personId, reason: null });
      recordEvent(cmd.em, {
        type: 'treatment.episode-changed', episodeId: episode.id, deflectionId: deflection.id, patientPseudonym: patient.pseudonym,
        providerId: input.providerId, service: input.service, fromState: null, toState: 'REFERRED', at: cmd.now.toISOString(), deflectionReferredAt: episode.deflectionReferredAt.toISOString(),
      });
      await cmd.em.flush();
      return { id: episode.id, result: episode };
    },
    (id) => cmd.em.findOneOrFail(TreatmentEpisode, { id }),
  ).catch((error: unknown) => {
    // The cases subgraph answers FORBIDDEN for a deflection the caller may not see; say so in this field's terms.
    if ((error as { extensions?: { code?: string } }).extensions?.code === 'FORBIDDEN') throw forbidden();
    throw error;
  });
}
