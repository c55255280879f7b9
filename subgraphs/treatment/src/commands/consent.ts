import { execute, runIdempotently, type Command } from '@hub/platform/db';
import { forbidden, invalidInput, Violations } from '@hub/platform/errors';
import { illinoisDate } from '@hub/platform/domain';
import { isRole, requireActor } from '@hub/platform/identity';
import { LockMode } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { Consent } from '../entities/consent.entity.js';
import { TreatmentEpisode } from '../entities/episode.entity.js';
import { Provider } from '../entities/provider.entity.js';
import type { RecordConsentInput } from '../generated/resolvers-types.js';
import { assertCan } from '../rules/access.js';
import { canRevoke, checkConsent, checkRecipientsExist, type ConsentDraft } from '../rules/consent-rules.js';

async function treatingProviderOf(em: Command['em'], episodeId: string): Promise<{ episode: TreatmentEpisode; provider: Provider } | null> {
  const episode = await em.findOne(TreatmentEpisode, { id: episodeId });
  const provider = episode ? await em.findOne(Provider, { id: episode.provider.id }) : null;
  return episode && provider ? { episode, provider } : null;
}

function draftOf(input: RecordConsentInput): ConsentDraft {
  return {
    kind: input.kind,
    information: [...new Set(input.information)],
    recipients: input.recipients.map((r) => ({ agencyId: r.agencyId, role: r.role ?? null })),
    purpose: input.purpose.trim(),
    signedOn: input.signedOn,
    expiresOn: input.expiresOn ?? null,
    expiresOnEvent: input.expiresOnEvent?.trim() || null,
    irrevocableUntil: input.irrevocableUntil ?? null,
  };
}

/**
 * TRT-3: the treating provider records the consent the patient signed (42 CFR 2.31 or 2.35). Its elements are
 * checked first, then the agencies subgraph confirms every recipient is an agency of the hub (before the
 * transaction opens), then the consent is written.
 */
export async function record(context: Context, input: RecordConsentInput, idempotencyKey: string | null | undefined): Promise<Consent> {
  const treating = await treatingProviderOf(context.em, input.episodeId);
  if (!treating) throw forbidden();
  assertCan(requireActor(context), 'consent:record', treating.provider);
  const draft = draftOf(input);
  const v = new Violations();
  checkConsent(v, draft, illinoisDate());
  v.throwIfAny();
  const existing = await context.agencies.existing(draft.recipients.map((r) => r.agencyId));
  checkRecipientsExist(v, draft.recipients, existing);
  v.throwIfAny();
  return execute(context, (cmd) => recordConsent(cmd, input, draft, idempotencyKey));
}

async function recordConsent(cmd: Command, input: RecordConsentInput, draft: ConsentDraft, idempotencyKey: string | null | undefined): Promise<Consent> {
  return runIdempotently(
    cmd.em,
    { actorId: cmd.actor.personId, operation: 'recordConsent', key: idempotencyKey, input },
    async () => {
      const treating = await treatingProviderOf(cmd.em, input.episodeId);
      if (!treating) throw forbidden();
      const { episode, provider } = treating;
      assertCan(cmd.actor, 'consent:record', provider);
      const v = new Violations();
      checkConsent(v, draft, cmd.today);
      v.throwIfAny();
      const consent = cmd.em.create(Consent, {
        ...draft,
        recipients: draft.recipients.map((r) => ({ agencyId: r.agencyId, role: r.role !== null && isRole(r.role) ? r.role : null })),
        patient: episode.patient,
        disclosingProvider: input.wholeOrganization ? null : provider,
        disclosingOrganizationId: input.wholeOrganization ? provider.organizationId : null,
        recordedById: cmd.actor.personId,
      });
      await cmd.em.flush();
      return { id: consent.id, result: consent };
    },
    async (id) => {
      // A replay answers only a caller who still keeps this patient's record.
      const treating = await treatingProviderOf(cmd.em, input.episodeId);
      if (!treating) throw forbidden();
      assertCan(cmd.actor, 'consent:record', treating.provider);
      return cmd.em.findOneOrFail(Consent, { id });
    },
  );
}

/** TRT-3: revocation takes effect at once; a criminal-justice consent cannot be revoked before its date (2.35(c)). */
export async function revokeConsent(cmd: Command, consentId: string): Promise<Consent> {
  const consent = await cmd.em.findOne(Consent, { id: consentId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!consent) throw forbidden();
  const providers = consent.disclosingProvider
    ? await cmd.em.find(Provider, { id: consent.disclosingProvider.id })
    : await cmd.em.find(Provider, { organizationId: consent.disclosingOrganizationId! });
  const own = providers[0];
  if (!own) throw forbidden();
  assertCan(cmd.actor, 'consent:revoke', own);
  if (consent.revokedAt) return consent; // revoking twice is a safe retry
  if (!canRevoke(consent, cmd.today)) {
    throw invalidInput([{ field: 'consentId', rule: 'irrevocable-until', message: `This criminal-justice consent cannot be revoked before ${consent.irrevocableUntil} (42 CFR 2.35(c)).` }]);
  }
  consent.revokedAt = cmd.now;
  await cmd.em.flush();
  return consent;
}
