import { execute, findReplay, runIdempotently, type Command } from '@hub/platform/db';
import { Violations } from '@hub/platform/errors';
import { recordEvent } from '@hub/platform/events';
import { requireActor } from '@hub/platform/identity';
import type { DeflectionForReferral } from '../clients/cases.js';
import type { Context } from '../context.js';
import { EpisodeTransition, Patient, TreatmentEpisode } from '../entities/episode.entity.js';
import { Provider } from '../entities/provider.entity.js';
import { ServiceCapacity } from '../entities/service-capacity.entity.js';
import type { ReferToTreatmentInput } from '../generated/resolvers-types.js';
import { canTakeReferrals } from '../rules/treatment-options.js';

/**
 * TRT-4: refers a deflection to a provider and service. A retry with the same key answers first. Then the deflection
 * is read from the cases subgraph as the caller (only someone who may see it can refer it), before any transaction
 * opens; capacity is looked up in the transaction, at the point of referral. The answer is the referral as it was
 * made (see the TreatmentEpisode resolvers): a replay never discloses what the provider has recorded since. Two
 * referrers who send the same person to the same place make two referrals; the provider sees both and answers each.
 */
export async function refer(context: Context, input: ReferToTreatmentInput, idempotencyKey: string | null | undefined): Promise<TreatmentEpisode> {
  const actor = requireActor(context);
  const args = { actorId: actor.personId, operation: 'referToTreatment', key: idempotencyKey, input };
  const replay = await findReplay(context.em, args);
  if (replay) {
    const episode = await context.em.findOneOrFail(TreatmentEpisode, { id: replay });
    // Only to someone who may still see the deflection: the cases subgraph decides, as for the first request.
    await context.cases.deflection(episode.deflectionId);
    return episode;
  }
  const deflection = await context.cases.deflection(input.deflectionId);
  return execute(context, (cmd) =>
    runIdempotently(
      cmd.em,
      args,
      async () => {
        const episode = await createEpisode(cmd, input, deflection);
        return { id: episode.id, result: episode };
      },
      (id) => cmd.em.findOneOrFail(TreatmentEpisode, { id }),
    ),
  );
}

async function createEpisode(cmd: Command, input: ReferToTreatmentInput, deflection: DeflectionForReferral): Promise<TreatmentEpisode> {
  const v = new Violations();
  v.check(deflection.status === 'ACTIVE', 'input.deflectionId', 'active-deflection', `Only an active deflection is referred to treatment (this one is ${deflection.status}).`);
  const provider = await cmd.em.findOne(Provider, { id: input.providerId });
  if (!provider) v.add('input.providerId', 'exists', 'input.providerId names no provider.');
  else {
    v.check(canTakeReferrals(provider) && provider.licenseExpiresOn >= cmd.today, 'input.providerId', 'licensed', `${provider.name} has no licence in force (${provider.licenseStatus}, expires ${provider.licenseExpiresOn}).`);
    v.check(provider.services.includes(input.service), 'input.service', 'service-offered', `${provider.name} does not offer ${input.service}.`);
    const capacity = await cmd.em.findOne(ServiceCapacity, { provider, service: input.service });
    v.check((capacity?.openSlots ?? 0) > 0, 'input.service', 'open-capacity', `${provider.name} reports no open slot for ${input.service} right now.`);
  }
  // Only the caller's own earlier referral counts, whatever became of it: a refusal that depended on anyone's
  // episode, or on its state, would tell the referrer about treatment the patient has not consented to disclose.
  const mine = await cmd.em.count(TreatmentEpisode, { deflectionId: deflection.id, provider: input.providerId, service: input.service, referredById: cmd.actor.personId });
  v.check(mine === 0, 'input.providerId', 'not-already-referred-by-you', 'You have already referred this deflection to this provider for this service.');
  v.throwIfAny();
  // The provider must know who is coming: the person as the referrer's record names them, linked to the cases
  // participant so a second referral of the same person is the same patient.
  const person = deflection.participant;
  const patient =
    (await cmd.em.findOne(Patient, { participantId: person.id })) ??
    cmd.em.create(Patient, { participantId: person.id, givenName: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth });
  const episode = cmd.em.create(TreatmentEpisode, {
    deflectionId: deflection.id,
    patient,
    provider: provider!,
    service: input.service,
    state: 'REFERRED',
    referredAt: cmd.now,
    referredById: cmd.actor.personId,
    referredAs: { givenName: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth ?? null },
    deflectionReferredAt: new Date(deflection.referredAt),
    caseManagementOrganizationId: deflection.caseManagementOrganization.id,
  });
  cmd.em.create(EpisodeTransition, { episode, fromState: null, toState: 'REFERRED', at: cmd.now, byId: cmd.actor.personId, reason: null });
  recordEvent(cmd.em, {
    type: 'treatment.episode-changed', episodeId: episode.id, deflectionId: deflection.id, patientPseudonym: patient.pseudonym,
    providerId: provider!.id, service: input.service, fromState: null, toState: 'REFERRED', at: cmd.now.toISOString(), deflectionReferredAt: episode.deflectionReferredAt.toISOString(),
  });
  await cmd.em.flush();
  return episode;
}
