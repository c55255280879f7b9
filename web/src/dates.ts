/** Deflection paperwork is dated in Illinois time, whatever the device's time zone (as the hub does). */
export const ILLINOIS_TIME_ZONE = 'America/Chicago';

/** Today in Illinois, YYYY-MM-DD. */
export function illinoisToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ILLINOIS_TIME_ZONE }).format(now);
}
