import { describe, expect, it } from '@jest/globals';
import { IdleTimer, type IdleClock } from '../src/auth/idle.js';
import { parseOutcomeCsv } from '../src/screens/provider/outcome-csv.js';
import { latestPastDueMonth, previousMonth } from '../src/screens/records/months.js';

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  let timers: { at: number; callback: () => void; id: number }[] = [];
  let ids = 0;
  const clock: IdleClock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = ++ids;
      timers.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimeout: (handle) => (timers = timers.filter((t) => t.id !== handle)),
  };
  const advance = (ms: number) => {
    now += ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)[0];
      if (!due) return;
      timers = timers.filter((t) => t !== due);
      due.callback();
    }
  };
  return { clock, advance };
}

describe('signing out after the idle limit', () => {
  it('signs out once the limit passes without use, and not before', () => {
    const { clock, advance } = manualClock();
    let signedOut = 0;
    new IdleTimer(30 * 60_000, () => signedOut++, clock);
    advance(30 * 60_000 - 1);
    expect(signedOut).toBe(0);
    advance(1);
    expect(signedOut).toBe(1);
    advance(60 * 60_000);
    expect(signedOut).toBe(1);
  });

  it('counts the limit from the last use', () => {
    const { clock, advance } = manualClock();
    let signedOut = 0;
    const timer = new IdleTimer(30 * 60_000, () => signedOut++, clock);
    advance(29 * 60_000);
    timer.used();
    advance(29 * 60_000);
    expect(signedOut).toBe(0);
    advance(60_000);
    expect(signedOut).toBe(1);
  });

  it('does nothing once stopped (signed out by hand)', () => {
    const { clock, advance } = manualClock();
    let signedOut = 0;
    new IdleTimer(1_000, () => signedOut++, clock).stop();
    advance(5_000);
    expect(signedOut).toBe(0);
  });
});

describe('a provider’s outcome file', () => {
  it('shapes each row into an update named by its row, leaving the rules to the hub', () => {
    const parsed = parseOutcomeCsv('episodeId,toState,at,reason\ne1,ENGAGED,2026-12-01T10:00:00Z,\ne2,DISCHARGED,2026-12-02T10:00:00Z,Moved away\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.updates).toEqual([
      { episodeId: 'e1', toState: 'ENGAGED', at: '2026-12-01T10:00:00Z', reason: null, intakeScheduledFor: null, clientUpdateId: 'row-2' },
      { episodeId: 'e2', toState: 'DISCHARGED', at: '2026-12-02T10:00:00Z', reason: 'Moved away', intakeScheduledFor: null, clientUpdateId: 'row-3' },
    ]);
  });

  it('refuses a file without the required columns, or with columns it does not know, naming them', () => {
    expect(parseOutcomeCsv('episode,state\ne1,ENGAGED\n').problems).toEqual([
      'The header row lacks episodeId, toState, at (expected episodeId, toState, at, reason, intakeScheduledFor, clientUpdateId).',
      'Unknown column(s): episode, state.',
    ]);
  });
});

describe('which month a report is about', () => {
  it('starts the late list at the latest month past its due date (the 15th of the month after), in Illinois time', () => {
    // 6 December: November is not due until the 15th, so October is the latest past due.
    expect(latestPastDueMonth(new Date('2026-12-06T18:00:00Z'))).toBe('2026-10');
    expect(latestPastDueMonth(new Date('2026-12-16T18:00:00Z'))).toBe('2026-11');
    // 15 January is still on time for December; across the year boundary.
    expect(latestPastDueMonth(new Date('2027-01-15T18:00:00Z'))).toBe('2026-11');
    // 1 January 03:00 UTC is still 31 December in Illinois.
    expect(previousMonth(new Date('2027-01-01T03:00:00Z'))).toBe('2026-11');
    expect(previousMonth(new Date('2027-01-01T12:00:00Z'))).toBe('2026-12');
  });
});
