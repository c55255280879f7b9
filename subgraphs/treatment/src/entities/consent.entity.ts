import { defineEntity, p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CONSENT_KINDS, type ConsentInformation } from './vocabulary.js';

export interface ConsentRecipient {
  agencyId: string;
  /** A hub role within the agency; null means anyone of the agency. */
  role: string | null;
}

/** 42 CFR 2.31 consent (or 2.35 criminal-justice consent): who may disclose what, to whom, why, until when. */
const ConsentSchema = defineEntity({
  name: 'Consent',
  tableName: 'consent',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    kind: p.enum(CONSENT_KINDS),
    patientId: p.uuid().index(),
    disclosingProviderId: p.uuid().nullable(),
    disclosingOrganizationId: p.uuid().nullable(),
    information: p.array<ConsentInformation>(),
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
    patientId: p.uuid().index(),
    episodeId: p.uuid(),
    /** Null when the basis is case management (the referral consent the program holds), not a recorded Part 2 consent. */
    consentId: p.uuid().nullable(),
    basis: p.string().length(30),
    recipientId: p.uuid(),
    recipientAgencyId: p.uuid(),
    information: p.array<ConsentInformation>(),
    purpose: p.text(),
    at: p.datetime().index(),
  },
});
export class Disclosure extends DisclosureSchema.class {}
DisclosureSchema.setClass(Disclosure);

export { ConsentSchema, DisclosureSchema };
