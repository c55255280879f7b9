/**
 * Deflection paperwork is dated in Illinois time: "today" and every date comparison use America/Chicago,
 * whatever the server's time zone.
 */
export const ILLINOIS_TIME_ZONE = 'America/Chicago';

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: ILLINOIS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export function illinoisDate(instant: Date = new Date()): string {
  return formatter.format(instant);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** Whether `date` falls in [from, to], `to` null meaning open-ended. ISO dates compare as strings. */
export function isWithin(date: string, from: string, to: string | null): boolean {
  return from <= date && (to === null || date <= to);
}

export function addDays(date: string, days: number): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  parsed.setUTCDate(parsed.getUTCDate() + days);
  return parsed.toISOString().slice(0, 10);
}

/** The instant an Illinois calendar day starts (midnight in America/Chicago, CST or CDT). */
export function illinoisDayStart(date: string): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  for (const offsetHours of [5, 6]) {
    const candidate = new Date(midnightUtc + offsetHours * 3_600_000);
    if (illinoisDate(candidate) === date && illinoisDate(new Date(candidate.getTime() - 1)) !== date) return candidate;
  }
  throw new Error(`cannot find the start of ${date} in Illinois`);
}
