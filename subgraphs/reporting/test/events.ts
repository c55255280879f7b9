import { createHash } from 'node:crypto';
import type { DeflectionReferred, EventEnvelope, HubEvent, TreatmentEpisodeChanged } from '@hub/platform/events';

/**
 * Builders for the events reporting receives, with ids and sequences derived from readable names, so a test can
 * write a fixture as a story ("D3 is approved by the MEG") and deliver it in any order.
 */
export function uuidOf(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export class EventLog {
  private sequence: Record<string, number> = { cases: 0, treatment: 0 };
  readonly envelopes: EventEnvelope[] = [];

  constructor(private readonly prefix: string) {}

  id(name: string): string {
    return uuidOf(`${this.prefix}:${name}`);
  }

  private add(source: 'cases' | 'treatment', event: HubEvent): EventEnvelope {
    this.sequence[source]! += 1;
    const envelope: EventEnvelope = { eventId: uuidOf(`${this.prefix}:event:${this.envelopes.length}`), sequence: this.sequence[source]!, occurredAt: new Date().toISOString(), source, event };
    this.envelopes.push(envelope);
    return envelope;
  }

  referred(deflection: string, over: Partial<DeflectionReferred> & { person: string; referredAt: string }): EventEnvelope {
    const { person, ...rest } = over;
    return this.add('cases', {
      type: 'deflection.referred',
      deflectionId: this.id(deflection),
      personPseudonym: this.id(`person:${person}`),
      pathway: 'SELF_REFERRAL',
      status: over.countsForId ? 'PENDING_APPROVAL' : 'ACTIVE',
      initiatingUnitId: uuidOf('unit:default'),
      countsForId: null,
      county: 'Lake',
      encounterAt: new Date(Date.parse(over.referredAt) - 3_600_000).toISOString(),
      arrestMade: false,
      ...rest,
    });
  }

  status(deflection: string, type: 'deflection.approved' | 'deflection.declined' | 'deflection.closed', toStatus: DeflectionReferred['status'], at: string, decidedByAgencyId?: string): EventEnvelope {
    const fromStatus = type === 'deflection.closed' ? 'ACTIVE' : 'PENDING_APPROVAL';
    return this.add('cases', { type, deflectionId: this.id(deflection), fromStatus, toStatus, at, ...(decidedByAgencyId ? { decidedByAgencyId } : {}) });
  }

  handedOff(deflection: string, at: string): EventEnvelope {
    return this.add('cases', { type: 'deflection.handed-off', deflectionId: this.id(deflection), at });
  }

  /** An episode's path, one event per state, each at its own time. */
  episode(deflection: string, episode: string, provider: string, service: TreatmentEpisodeChanged['service'], steps: [TreatmentEpisodeChanged['toState'], string][]): EventEnvelope[] {
    let from: string | null = null;
    return steps.map(([toState, at]) => {
      const envelope = this.add('treatment', {
        type: 'treatment.episode-changed', episodeId: this.id(episode), deflectionId: this.id(deflection), patientPseudonym: this.id(`patient:${deflection}`),
        providerId: uuidOf(`provider:${provider}`), service, fromState: from, toState, at, deflectionReferredAt: at,
      });
      from = toState;
      return envelope;
    });
  }
}

/** Hours or days after an ISO time, as an ISO time. */
export function after(iso: string, amount: { hours?: number; days?: number }): string {
  return new Date(Date.parse(iso) + (amount.hours ?? 0) * 3_600_000 + (amount.days ?? 0) * 86_400_000).toISOString();
}

/** A deterministic shuffle (Fisher–Yates with a seeded generator), to deliver a fixture in another order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
