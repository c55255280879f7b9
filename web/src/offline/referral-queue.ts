import type { QuickReferralInput } from '../gql/graphql.js';

/**
 * Referrals made on a phone wait here until the hub has acknowledged them. Each carries the idempotency key it was
 * given when the officer pressed "Refer", and every attempt sends that same key, so a referral sent twice (the
 * answer was lost on a bad connection, two tabs flushed at once) is stored once: the hub replays its first answer.
 *
 * What counts as "try again later" and what needs the officer is decided by the hub's answer: no answer at all, or a
 * retryable code, keeps the referral queued; a refusal (a field the hub names) moves it to `needsAttention`.
 */
export interface QueuedReferral {
  key: string;
  input: QuickReferralInput;
  queuedAt: string;
  attempts: number;
  /** Why the last attempt did not land, in words for the officer. */
  lastProblem: string | null;
  /** Set when the hub refused it: the officer must correct it; it is never resent as it is. */
  refusal: { message: string; field: string | null }[] | null;
}

export type SendOutcome<R> =
  | { kind: 'accepted'; result: R }
  | { kind: 'unreachable'; problem: string }
  | { kind: 'refused'; refusals: { message: string; field: string | null }[] };

/**
 * What a failed attempt means for the queued referral. Only a refusal of the input itself (BAD_USER_INPUT) means the
 * hub stored nothing and the officer must correct it. Anything else (no answer, a retryable code, an expired
 * sign-in, a rate limit, an error of the hub's) keeps it queued under the same key: an earlier attempt may have
 * landed, and only the same key makes the retry land once.
 */
export function failedAttempt(refusals: readonly { code: string; message: string; field: string | null }[]): SendOutcome<never> {
  if (refusals.length > 0 && refusals.every((r) => r.code === 'BAD_USER_INPUT')) {
    return { kind: 'refused', refusals: refusals.map((r) => ({ message: r.message, field: r.field })) };
  }
  return { kind: 'unreachable', problem: refusals[0]?.message ?? 'No answer from the hub.' };
}

export interface QueueStorage {
  read(): QueuedReferral[];
  write(items: QueuedReferral[]): void;
}

/** localStorage, per signed-in person, so another officer on the same phone never sends someone else's referral. */
export function browserStorage(personId: string, storage: Storage = window.localStorage): QueueStorage {
  const name = `hub.referral-queue.${personId}`;
  return {
    read: () => {
      try {
        return JSON.parse(storage.getItem(name) ?? '[]') as QueuedReferral[];
      } catch {
        return [];
      }
    },
    write: (items) => (items.length === 0 ? storage.removeItem(name) : storage.setItem(name, JSON.stringify(items))),
  };
}

export function memoryStorage(initial: QueuedReferral[] = []): QueueStorage {
  let items = initial;
  return { read: () => items.map((i) => ({ ...i })), write: (next) => (items = next.map((i) => ({ ...i }))) };
}

export interface FlushReport<R> {
  accepted: { item: QueuedReferral; result: R }[];
  refused: QueuedReferral[];
  /** Still queued (the hub could not be reached); retried on the next flush. */
  waiting: number;
}

export class ReferralQueue<R> {
  private flushing: Promise<FlushReport<R>> | null = null;
  private again: Promise<FlushReport<R>> | null = null;
  private readonly listeners = new Set<() => void>();
  /** Accepted since this queue was made (in memory only): what the officer is told was sent from the phone. */
  private readonly sent: { item: QueuedReferral; result: R }[] = [];

  constructor(
    private readonly storage: QueueStorage,
    private readonly send: (item: QueuedReferral) => Promise<SendOutcome<R>>,
    private readonly newKey: () => string = () => crypto.randomUUID(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Keeps a referral on the device under a fresh idempotency key; nothing is sent until `flush`. */
  enqueue(input: QuickReferralInput): QueuedReferral {
    const item: QueuedReferral = { key: this.newKey(), input, queuedAt: this.now().toISOString(), attempts: 0, lastProblem: null, refusal: null };
    this.storage.write([...this.storage.read(), item]);
    this.changed();
    return item;
  }

  /** Waiting to be sent, oldest first. */
  pending(): QueuedReferral[] {
    return this.storage.read().filter((i) => !i.refusal);
  }

  /** Refused by the hub: the officer corrects them (or discards them). */
  needsAttention(): QueuedReferral[] {
    return this.storage.read().filter((i) => i.refusal);
  }

  recentlySent(): readonly { item: QueuedReferral; result: R }[] {
    return this.sent;
  }

  discard(key: string): void {
    this.storage.write(this.storage.read().filter((i) => i.key !== key));
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sends what waits, oldest first, one at a time; never two sends at once. Asked while a flush runs, it runs
   * again once that one ends, so a referral queued in the meantime is sent too. It stops at the first referral the
   * hub cannot be reached for (the rest would fail the same way) and keeps it.
   */
  flush(): Promise<FlushReport<R>> {
    if (this.flushing) {
      this.again ??= this.flushing.then(() => {
        this.again = null;
        return this.flush();
      });
      return this.again;
    }
    this.flushing = this.drain().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async drain(): Promise<FlushReport<R>> {
    const report: FlushReport<R> = { accepted: [], refused: [], waiting: 0 };
    for (const item of this.pending()) {
      const outcome = await this.send(item).catch((error: unknown): SendOutcome<R> => ({ kind: 'unreachable', problem: error instanceof Error ? error.message : String(error) }));
      if (outcome.kind === 'accepted') {
        this.storage.write(this.storage.read().filter((i) => i.key !== item.key));
        report.accepted.push({ item, result: outcome.result });
        this.sent.push({ item, result: outcome.result });
      } else if (outcome.kind === 'refused') {
        const refused = { ...item, attempts: item.attempts + 1, refusal: outcome.refusals, lastProblem: outcome.refusals.map((r) => r.message).join(' ') };
        this.update(refused);
        report.refused.push(refused);
      } else {
        this.update({ ...item, attempts: item.attempts + 1, lastProblem: outcome.problem });
        report.waiting = this.pending().length;
        this.changed();
        return report;
      }
      this.changed();
    }
    return report;
  }

  private update(item: QueuedReferral): void {
    this.storage.write(this.storage.read().map((i) => (i.key === item.key ? item : i)));
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
