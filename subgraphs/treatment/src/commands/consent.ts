import { forbidden, invalidInput, runIdempotently } from '@hub/platform';
import { LockMode } from '@mikro-orm/core';
import { Consent } from '../entities/consent.entity.js';
import { TreatmentEpisode } from '../entities/episode.entity.js';
import { Provider } from '../entities/provider.entity.js';
import type { ConsentInformation, ConsentKind } from '../entities/vocabulary.js';
import { isProviderStaffOf } from '../rules/access.js';
import { canRevoke, checkConsent } from '../rules/consent-rules.js';
import type { Command } from './support.js';

export interface ConsentInput {
  kind: ConsentKind;
  episodeId: string;
  wholeOrganization?: boolean | null;
  information: ConsentInformation[];
  recipients: { agencyId: string; role?: string | null }[];
  purpose: string;
  signedOn: string;
  expiresOn?: string | null;
  expiresOnEvent?: string | null;
  irrevocableUntil?: string | null;
}

async function treatingProvider(cmd: Command, episodeId: string): Promise<{ episode: TreatmentEpisode; provider: Provider }> {
  const episode = await cmd.em.findOne(TreatmentEpisode, { id: episodeId });
  const provider = episode ? await cmd.em.findOne(Provider, { id: episode.providerId }) : null;
  if (!episode || !provider || !isProviderStaffOf(cmd.actor, provider)) throw forbidden();
  return { episode, provider };
}

/** TRT-3: the treating provider records the consent the patient signed (42 CFR 2.31 or 2.35). */
export async function recordConsent(cmd: Command, input: ConsentInput, idempotencyKey: string | null | undefined): Promise<Consent> {
  return runIdempotently(
    cmd.em,
    { actorId: cmd.actor.personId, operation: 'recordConsent', key: idempotencyKey, input },
    async () => {
      const { episode, provider } = await treatingProvider(cmd, input.episodeId);
      const draft = {
        kind: input.kind,
        information: [...new Set(input.information)],
        recipients: input.recipients.map((r) => ({ agencyId: r.agencyId, role: r.role ?? null })),
        purpose: input.purpose.trim(),
        signedOn: input.signedOn,
        expiresOn: input.expiresOn ?? null,
        expiresOnEvent: input.expiresOnEvent?.trim() || null,
        irrevocableUntil: input.irrevocableUntil ?? null,
      };
      checkConsent(draft, cmd.today);
      const consent = cmd.em.create(Consent, {
        ...draft,
        patientId: episode.patientId,
        disclosingProviderId: input.wholeOrganization ? null : provider.id,
        disclosingOrganizationId: input.wholeOrganization ? provider.organizationId : null,
        recordedById: cmd.actor.personId,
      });
      await cmd.em.flush();
      return { id: consent.id, result: consent };
    },
    (id) => cmd.em.findOneOrFail(Consent, { id }),
  );
}

/** TRT-3: revocation takes effect at once; a criminal-justice consent cannot be revoked before its date (2.35(c)). */
export async function revokeConsent(cmd: Command, consentId: string): Promise<Consent> {
  const consent = await cmd.em.findOne(Consent, { id: consentId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!consent) throw forbidden();
  const providers = consent.disclosingProviderId
    ? await cmd.em.find(Provider, { id: consent.disclosingProviderId })
    : await cmd.em.find(Provider, { organizationId: consent.disclosingOrganizationId! });
  if (!providers.some((p) => isProviderStaffOf(cmd.actor, p))) throw forbidden();
  if (consent.revokedAt) return consent; // revoking twice is a safe retry
  if (!canRevoke(consent, cmd.today)) {
    throw invalidInput([{ field: 'consentId', rule: 'irrevocable-until', message: `This criminal-justice consent cannot be revoked before ${consent.irrevocableUntil} (42 CFR 2.35(c)).` }]);
  }
  consent.revokedAt = cmd.now;
  await cmd.em.flush();
  return consent;
}
