import { consentRequired } from '@hub/platform/errors';
import { illinoisDate } from '@hub/platform/domain';
import { requireActor } from '@hub/platform/identity';
import type { Context } from '../context.js';
import type { TreatmentEpisode } from '../entities/episode.entity.js';
import type { Provider } from '../entities/provider.entity.js';
import type { ConsentInformation } from '../entities/vocabulary.js';
import { access, isTreatingProvider } from '../rules/access.js';
import { applicableConsents, attributeDisclosure } from '../rules/consent-rules.js';
import { ENDED_STATES } from '../rules/episode-machine.js';
import type { ConsentView } from './consent-view.js';
import { queueDisclosure } from './log.js';

export interface TreatmentView {
  engaged: boolean | null;
  state: TreatmentEpisode['state'] | null;
  ended: boolean | null;
  provider: Provider | null;
  acknowledgedAt: Date | null;
  firstContactAt: Date | null;
  retainedDays: number | null;
  completed: boolean | null;
  dischargeReason: string | null;
  /** Every consent the disclosure rests on, the one covering the most first; empty for the provider and case manager. */
  consents: ConsentView[];
}

const ENGAGED_STATES: readonly string[] = ['ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90', 'COMPLETED'];
const RETENTION_MILESTONES: readonly string[] = ['RETAINED_30', 'RETAINED_60', 'RETAINED_90'];
/** How an episode ended is COMPLETION information, whatever field would carry it. */
const OUTCOMES: readonly string[] = ['COMPLETED', 'DISCHARGED'];

/**
 * The state as far as the information covers it: an ended episode's state says how it ended (COMPLETION), and a
 * retention milestone is attendance (ATTENDANCE); without them the state is withheld or shown as plain engagement.
 */
function visibleState(state: TreatmentEpisode['state'], information: ReadonlySet<ConsentInformation>): TreatmentEpisode['state'] | null {
  if (!information.has('EPISODE_STATUS')) return null;
  if (OUTCOMES.includes(state) && !information.has('COMPLETION')) return null;
  if (RETENTION_MILESTONES.includes(state) && !information.has('ATTENDANCE')) return 'ENGAGED';
  return state;
}
/** Minimum necessary for case management: whether and where the person is in treatment, and when — not why they left. */
const CASE_MANAGEMENT: ConsentInformation[] = ['ENGAGEMENT', 'EPISODE_STATUS', 'ATTENDANCE'];
const EVERYTHING: ConsentInformation[] = ['ENGAGEMENT', 'EPISODE_STATUS', 'ATTENDANCE', 'COMPLETION'];

/** Builds the view with only the fields the given information covers; every other field is null. */
export function viewOf(episode: TreatmentEpisode, provider: Provider, information: ReadonlySet<ConsentInformation>, now: Date): Omit<TreatmentView, 'consents'> {
  const ended = episode.endedAt ?? now;
  return {
    engaged: information.has('ENGAGEMENT') ? ENGAGED_STATES.includes(episode.state) : null,
    state: visibleState(episode.state, information),
    ended: information.has('EPISODE_STATUS') ? ENDED_STATES.includes(episode.state) : null,
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
    if (isTreatingProvider(actor, provider)) return { ...viewOf(episode, provider, new Set(EVERYTHING), now), consents: [] };
    if (access.can(actor, 'treatment:read-as-case-manager', episode)) {
      queueDisclosure(context, { patientId: episode.patient.id, episodeId: episode.id, consentId: null, basis: 'CASE_MANAGEMENT', information: CASE_MANAGEMENT, purpose: 'Case management of the deflection' });
      return { ...viewOf(episode, provider, new Set(CASE_MANAGEMENT), now), consents: [] };
    }
    const { consents, information } = applicableConsents(await context.loaders.consentsOfPatient.load(episode.patient.id), actor, provider, illinoisDate(now));
    const used = attributeDisclosure(consents);
    if (used.length > 0) {
      // Several consents may each name the caller: the answer is what they cover together, and the accounting says
      // which consent each kind of information was disclosed under.
      for (const { consent, information: attributed } of used) {
        queueDisclosure(context, { patientId: episode.patient.id, episodeId: episode.id, consentId: consent.id, basis: 'CONSENT', information: attributed, purpose: consent.purpose });
      }
      const views = used.map(({ consent }): ConsentView => ({ consent, scope: { reader: 'recipient', actor, information: new Set(consent.information) } }));
      return { ...viewOf(episode, provider, information, now), consents: views };
    }
  }
  throw consentRequired(
    'Substance-use treatment records are protected by 42 CFR Part 2: they are disclosed to your agency only under a written consent that names it, is signed, unexpired and unrevoked. No such consent is in effect.',
  );
}
