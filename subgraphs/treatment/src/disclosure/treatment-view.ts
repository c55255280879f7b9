import { consentRequired, illinoisDate, requireActor } from '@hub/platform';
import type { Context } from '../context.js';
import { Disclosure, type Consent } from '../entities/consent.entity.js';
import type { TreatmentEpisode } from '../entities/episode.entity.js';
import type { Provider } from '../entities/provider.entity.js';
import type { ConsentInformation } from '../entities/vocabulary.js';
import { isAssignedCaseManager, isProviderStaffOf } from '../rules/access.js';
import { applicableConsents } from '../rules/consent-rules.js';

export interface TreatmentView {
  engaged: boolean | null;
  state: TreatmentEpisode['state'] | null;
  provider: Provider | null;
  acknowledgedAt: Date | null;
  firstContactAt: Date | null;
  retainedDays: number | null;
  completed: boolean | null;
  dischargeReason: string | null;
  consent: Consent | null;
}

const ENGAGED_STATES: readonly string[] = ['ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90', 'COMPLETED'];
/** Minimum necessary for case management: whether and where the person is in treatment, and when — not why they left. */
const CASE_MANAGEMENT: ConsentInformation[] = ['ENGAGEMENT', 'EPISODE_STATUS', 'ATTENDANCE'];
const EVERYTHING: ConsentInformation[] = ['ENGAGEMENT', 'EPISODE_STATUS', 'ATTENDANCE', 'COMPLETION'];

/** Builds the view with only the fields the given information covers; every other field is null. */
export function viewOf(episode: TreatmentEpisode, provider: Provider, information: ReadonlySet<ConsentInformation>, now: Date): Omit<TreatmentView, 'consent'> {
  const ended = episode.endedAt ?? now;
  return {
    engaged: information.has('ENGAGEMENT') ? ENGAGED_STATES.includes(episode.state) : null,
    state: information.has('EPISODE_STATUS') ? episode.state : null,
    provider: information.has('EPISODE_STATUS') ? provider : null,
    acknowledgedAt: information.has('ATTENDANCE') ? (episode.acknowledgedAt ?? null) : null,
    firstContactAt: information.has('ATTENDANCE') ? (episode.firstContactAt ?? null) : null,
    retainedDays: information.has('ATTENDANCE') && episode.firstContactAt ? Math.floor((ended.getTime() - episode.firstContactAt.getTime()) / 86_400_000) : null,
    completed: information.has('COMPLETION') ? episode.state === 'COMPLETED' : null,
    dischargeReason: information.has('COMPLETION') ? (episode.dischargeReason ?? null) : null,
  };
}

/** Records the disclosure in the request's unit of work; the redisclosure plugin writes them all before the response leaves. */
function logDisclosure(context: Context, episode: TreatmentEpisode, information: ConsentInformation[], basis: 'CONSENT' | 'CASE_MANAGEMENT', consent: Consent | null): void {
  const actor = requireActor(context);
  context.em.create(Disclosure, {
    patientId: episode.patientId,
    episodeId: episode.id,
    consentId: consent?.id ?? null,
    basis,
    recipientId: actor.personId,
    recipientAgencyId: actor.agencyId,
    information,
    purpose: consent?.purpose ?? 'Case management of the deflection',
    at: new Date(),
  });
  context.disclosed = true;
}

/**
 * TRT-3: the treatment status of a deflection as the caller may see it. The treating provider sees its own record;
 * the assigned case manager sees the minimum necessary; anyone else sees what a valid consent naming them covers,
 * or gets CONSENT_REQUIRED — the same answer whether or not there is an episode, so nothing is revealed.
 */
export async function treatmentOfDeflection(context: Context, deflectionId: string): Promise<TreatmentView | null> {
  const actor = requireActor(context);
  const now = new Date();
  const episode = (await context.loaders.episodesOfDeflection.load(deflectionId))[0];
  const provider = episode ? await context.loaders.provider.load(episode.providerId) : null;
  if (episode && provider && isProviderStaffOf(actor, provider)) return { ...viewOf(episode, provider, new Set(EVERYTHING), now), consent: null };
  if (episode && provider && isAssignedCaseManager(actor, episode)) {
    logDisclosure(context, episode, CASE_MANAGEMENT, 'CASE_MANAGEMENT', null);
    return { ...viewOf(episode, provider, new Set(CASE_MANAGEMENT), now), consent: null };
  }
  if (episode && provider) {
    const { consents, information } = applicableConsents(await context.loaders.consentsOfPatient.load(episode.patientId), actor, provider, illinoisDate(now));
    if (consents.length > 0) {
      const disclosed = EVERYTHING.filter((i) => information.has(i));
      logDisclosure(context, episode, disclosed, 'CONSENT', consents[0]!);
      return { ...viewOf(episode, provider, information, now), consent: consents[0]! };
    }
  }
  throw consentRequired(
    'Substance-use treatment records are protected by 42 CFR Part 2: they are disclosed to your agency only under a written consent that names it, is signed, unexpired and unrevoked. No such consent is in effect.',
  );
}
