import { consentRequired } from '@hub/platform/errors';
import { illinoisDate } from '@hub/platform/domain';
import { requireActor } from '@hub/platform/identity';
import type { Context } from '../context.js';
import type { TreatmentEpisode } from '../entities/episode.entity.js';
import type { Provider } from '../entities/provider.entity.js';
import type { ConsentInformation } from '../entities/vocabulary.js';
import { access, isTreatingProvider } from '../rules/access.js';
import { applicableConsents } from '../rules/consent-rules.js';
import type { ConsentView } from './consent-view.js';
import { queueDisclosure } from './log.js';

export interface TreatmentView {
  engaged: boolean | null;
  state: TreatmentEpisode['state'] | null;
  provider: Provider | null;
  acknowledgedAt: Date | null;
  firstContactAt: Date | null;
  retainedDays: number | null;
  completed: boolean | null;
  dischargeReason: string | null;
  consent: ConsentView | null;
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

/**
 * TRT-3: the treatment status of a deflection as the caller may see it. The treating provider sees its own record;
 * the assigned case manager sees the minimum necessary; anyone else sees what a valid consent naming them covers,
 * or gets CONSENT_REQUIRED — the same answer whether or not there is an episode, so nothing is revealed. Every
 * disclosure outside the provider is queued for the log the response cannot leave without (log.ts).
 */
export async function treatmentOfDeflection(context: Context, deflectionId: string): Promise<TreatmentView> {
  const actor = requireActor(context);
  const now = new Date();
  const episode = (await context.loaders.episodesOfDeflection.load(deflectionId))[0];
  const provider = episode ? await context.loaders.provider.load(episode.provider.id) : null;
  if (episode && provider) {
    if (isTreatingProvider(actor, provider)) return { ...viewOf(episode, provider, new Set(EVERYTHING), now), consent: null };
    if (access.can(actor, 'treatment:read-as-case-manager', episode)) {
      queueDisclosure(context, { patientId: episode.patient.id, episodeId: episode.id, consentId: null, basis: 'CASE_MANAGEMENT', information: CASE_MANAGEMENT, purpose: 'Case management of the deflection' });
      return { ...viewOf(episode, provider, new Set(CASE_MANAGEMENT), now), consent: null };
    }
    const { consents, information } = applicableConsents(await context.loaders.consentsOfPatient.load(episode.patient.id), actor, provider, illinoisDate(now));
    const consent = consents[0];
    if (consent) {
      queueDisclosure(context, { patientId: episode.patient.id, episodeId: episode.id, consentId: consent.id, basis: 'CONSENT', information: EVERYTHING.filter((i) => information.has(i)), purpose: consent.purpose });
      return { ...viewOf(episode, provider, information, now), consent: { consent, scope: { reader: 'recipient', actor, information } } };
    }
  }
  throw consentRequired(
    'Substance-use treatment records are protected by 42 CFR Part 2: they are disclosed to your agency only under a written consent that names it, is signed, unexpired and unrevoked. No such consent is in effect.',
  );
}
