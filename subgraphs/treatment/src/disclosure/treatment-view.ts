import { consentRequired } from '@hub/platform/errors';
import { illinoisDate } from '@hub/platform/domain';
import { requireActor, type Actor } from '@hub/platform/identity';
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

/**
 * In treatment now. Not COMPLETED: once an episode has ended, however it ended, the person is no longer engaged, so
 * `engaged` and `ended` together never tell completion from discharge (that is COMPLETION information).
 */
const IN_TREATMENT: readonly string[] = ['ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90'];
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
    engaged: information.has('ENGAGEMENT') ? IN_TREATMENT.includes(episode.state) : null,
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

/** How far along an open episode is, least first: the furthest along is the person's treatment now. */
const PROGRESS: readonly string[] = ['REFERRED', 'ACKNOWLEDGED', 'INTAKE_SCHEDULED', 'LOST_CONTACT', 'ENGAGED', 'RETAINED_30', 'RETAINED_60', 'RETAINED_90'];
/** Ended episodes after every open one, the one that got furthest first. */
const ENDINGS: readonly string[] = ['COMPLETED', 'DISCHARGED', 'DECLINED'];

/**
 * A deflection may have several episodes: a second referral to the same place (another referrer's), or treatment
 * after treatment. The one that stands for the person's treatment is an open one before any ended one, the furthest
 * along first, then the most recent, so a new referral never hides treatment already under way.
 */
export function rankEpisodes<E extends Pick<TreatmentEpisode, 'state' | 'referredAt'>>(episodes: readonly E[]): E[] {
  const rank = (e: E) => (ENDINGS.includes(e.state) ? -1 - ENDINGS.indexOf(e.state) : 100 + PROGRESS.indexOf(e.state));
  return [...episodes].sort((a, b) => rank(b) - rank(a) || b.referredAt.getTime() - a.referredAt.getTime());
}

/** The episode as this caller may see it (queuing its disclosure), or null when they may not see it at all. */
async function viewFor(context: Context, actor: Actor, episode: TreatmentEpisode, provider: Provider, now: Date): Promise<TreatmentView | null> {
  if (isTreatingProvider(actor, provider)) return { ...viewOf(episode, provider, new Set(EVERYTHING), now), consents: [] };
  if (access.can(actor, 'treatment:read-as-case-manager', episode)) {
    queueDisclosure(context, { patientId: episode.patient.id, episodeId: episode.id, consentId: null, basis: 'CASE_MANAGEMENT', information: CASE_MANAGEMENT, purpose: 'Case management of the deflection' });
    return { ...viewOf(episode, provider, new Set(CASE_MANAGEMENT), now), consents: [] };
  }
  const { consents, information } = applicableConsents(await context.loaders.consentsOfPatient.load(episode.patient.id), actor, provider, illinoisDate(now));
  const used = attributeDisclosure(consents);
  if (used.length === 0) return null;
  // Several consents may each name the caller: the answer is what they cover together, and the accounting says
  // which consent each kind of information was disclosed under.
  for (const { consent, information: attributed } of used) {
    queueDisclosure(context, { patientId: episode.patient.id, episodeId: episode.id, consentId: consent.id, basis: 'CONSENT', information: attributed, purpose: consent.purpose });
  }
  const views = used.map(({ consent }): ConsentView => ({ consent, scope: { reader: 'recipient', actor, information: new Set(consent.information) } }));
  return { ...viewOf(episode, provider, information, now), consents: views };
}

/** A treatment status withheld, as data (Deflection.treatmentStatus) rather than as an error. */
export interface TreatmentWithheld {
  withheld: true;
  code: 'CONSENT_REQUIRED';
  message: string;
}

/** The one answer to anyone without a consent, as an error (treatment) or as data (treatmentStatus). */
const WITHHELD: TreatmentWithheld = {
  withheld: true,
  code: 'CONSENT_REQUIRED',
  message:
    'Substance-use treatment records are protected by 42 CFR Part 2: they are disclosed to your agency only under a written consent that names it, is signed, unexpired and unrevoked. No such consent is in effect.',
};

/**
 * TRT-3: the treatment status of a deflection as the caller may see it: the most telling episode they may see
 * (rankEpisodes; a treating provider's own first). The treating provider sees its own record; the assigned case
 * manager sees the minimum necessary; anyone else sees what a valid consent naming them covers, or nothing (null) —
 * the same answer whether or not there is an episode, so nothing is revealed. Every disclosure outside the provider
 * is queued for the log the response cannot leave without (log.ts).
 */
async function disclosedTreatment(context: Context, deflectionId: string): Promise<TreatmentView | null> {
  const actor = requireActor(context);
  const now = new Date();
  const episodes = await context.loaders.episodesOfDeflection.load(deflectionId);
  const providers = new Map((await Promise.all(episodes.map((e) => context.loaders.provider.load(e.provider.id)))).filter((p): p is Provider => p !== null).map((p) => [p.id, p]));
  const ranked = rankEpisodes(episodes);
  const own = ranked.filter((e) => isTreatingProvider(actor, providers.get(e.provider.id) ?? { organizationId: null }));
  for (const episode of [...own, ...ranked.filter((e) => !own.includes(e))]) {
    const provider = providers.get(episode.provider.id);
    const view = provider ? await viewFor(context, actor, episode, provider, now) : null;
    if (view) return view;
  }
  return null;
}

/** Deflection.treatment and Query.treatmentOfDeflection: the status, or CONSENT_REQUIRED. */
export async function treatmentOfDeflection(context: Context, deflectionId: string): Promise<TreatmentView> {
  const view = await disclosedTreatment(context, deflectionId);
  if (!view) throw consentRequired(WITHHELD.message);
  return view;
}

/**
 * Deflection.treatmentStatus: the same status, or the refusal as data. The refusal is audited as the
 * CONSENT_REQUIRED error would be (a DENIED record naming the field), so answering in the data hides no denial.
 */
export async function treatmentStatusOfDeflection(context: Context, deflectionId: string, field: string): Promise<TreatmentView | TreatmentWithheld> {
  const view = await disclosedTreatment(context, deflectionId);
  if (view) return view;
  context.audit.denied(field, WITHHELD.code, WITHHELD.message);
  return WITHHELD;
}
