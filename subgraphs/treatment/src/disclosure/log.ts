import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { requireActor } from '@hub/platform/identity';
import { randomUUID } from 'node:crypto';
import type { Context } from '../context.js';
import { Disclosure } from '../entities/consent.entity.js';
import type { ConsentInformation, DisclosureBasis } from '../entities/vocabulary.js';
import { REDISCLOSURE_NOTICE } from '../rules/consent-rules.js';

/** One disclosure of Part 2 information outside the provider, as the accounting of disclosures (2.24) keeps it. */
export interface DisclosureRecord {
  patientId: string;
  episodeId: string;
  consentId: string | null;
  basis: DisclosureBasis;
  recipientId: string;
  recipientAgencyId: string;
  information: ConsentInformation[];
  purpose: string;
  at: Date;
}

/** Queues a disclosure of this response; nothing is written until the response is about to leave. */
export function queueDisclosure(context: Context, record: Omit<DisclosureRecord, 'recipientId' | 'recipientAgencyId' | 'at'>): void {
  const actor = requireActor(context);
  context.disclosures.push({ ...record, recipientId: actor.personId, recipientAgencyId: actor.agencyId, at: new Date() });
}

/** Writes exactly the queued disclosures, in one insert of their own: never a flush of whatever else the request touched. */
export async function writeDisclosures(context: Context): Promise<void> {
  const rows = context.disclosures.map((record) => ({
    id: randomUUID(),
    patient: record.patientId,
    episode: record.episodeId,
    consent: record.consentId,
    basis: record.basis,
    recipientId: record.recipientId,
    recipientAgencyId: record.recipientAgencyId,
    information: record.information,
    purpose: record.purpose,
    at: record.at,
  }));
  await context.em.fork().insertMany(Disclosure, rows);
}

function isTreatmentContext(context: BaseContext): context is Context {
  return 'disclosures' in context && Array.isArray(context.disclosures);
}

/**
 * For a response that discloses 42 CFR Part 2 information: writes its disclosure log (once, for the whole response,
 * however many deflections it covers) and adds the 2.32 redisclosure notice. Fails closed: if the log cannot be
 * written, the information is withheld, so nothing is disclosed that is not accounted for.
 */
export const disclosureLog: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!isTreatmentContext(contextValue) || contextValue.disclosures.length === 0 || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        try {
          await writeDisclosures(contextValue);
        } catch (error) {
          console.error('[treatment] disclosure log could not be written; withholding the response', error);
          result.data = null;
          result.errors = [{ message: 'Treatment information could not be disclosed right now; nothing was disclosed. Try again in a moment.', extensions: { code: 'SUBGRAPH_UNAVAILABLE', retryable: true } }];
          return;
        }
        result.extensions = { ...result.extensions, redisclosureNotice: REDISCLOSURE_NOTICE };
      },
    };
  },
};
