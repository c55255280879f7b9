import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Role } from '@hub/platform/identity';
import { Patient, TreatmentEpisode } from './episode.entity.js';
import { Provider } from './provider.entity.js';
import { CONSENT_INFORMATION, CONSENT_KINDS, DISCLOSURE_BASES } from './vocabulary.js';

export interface ConsentRecipient {
  /** An agency of the hub (checked with the agencies subgraph when the consent is recorded). */
  agencyId: string;
  /** A hub role within the agency; null means anyone of the agency. */
  role: Role | null;
}

/** 42 CFR 2.31 consent (or 2.35 criminal-justice consent): who may disclose what, to whom, why, until when. */
const ConsentSchema = defineEntity({
  name: 'Consent',
  tableName: 'consent',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    kind: p.enum(CONSENT_KINDS),
    patient: () => p.manyToOne(Patient).ref().index(),
    disclosingProvider: () => p.manyToOne(Provider).ref().nullable(),
    disclosingOrganizationId: p.uuid().nullable(),
    information: p.enum(CONSENT_INFORMATION).array(),
    recipients: p.json<ConsentRecipient[]>(),
    purpose: p.text(),
    signedOn: p.date(),
    expiresOn: p.date().nullable(),
    expiresOnEvent: p.text().nullable(),
    irrevocableUntil: p.date().nullable(),
    revokedAt: p.datetime().nullable(),
    recordedById: p.uuid(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class Consent extends ConsentSchema.class {}
ConsentSchema.setClass(Consent);

/** The accounting of disclosures (42 CFR 2.24): every disclosure outside the provider, under which consent. */
const DisclosureSchema = defineEntity({
  name: 'Disclosure',
  tableName: 'disclosure',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    patient: () => p.manyToOne(Patient).ref().index(),
    episode: () => p.manyToOne(TreatmentEpisode).ref(),
    /** Null when the basis is case management (the referral consent the program holds), not a recorded Part 2 consent. */
    consent: () => p.manyToOne(Consent).ref().nullable(),
    basis: p.enum(DISCLOSURE_BASES),
    recipientId: p.uuid(),
    recipientAgencyId: p.uuid(),
    information: p.enum(CONSENT_INFORMATION).array(),
    purpose: p.text(),
    at: p.datetime().index(),
  },
});
export class Disclosure extends DisclosureSchema.class {}
DisclosureSchema.setClass(Disclosure);

export { ConsentSchema, DisclosureSchema };
