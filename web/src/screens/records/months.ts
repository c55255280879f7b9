import { illinoisToday } from '../../dates.js';

/** `back` months before this one in Illinois (YYYY-MM). */
function monthsBefore(back: number, now: Date): string {
  const [year, month] = illinoisToday(now).split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month before this one in Illinois: the one whose crisis report is due by the 15th. */
export function previousMonth(now = new Date()): string {
  return monthsBefore(1, now);
}

/** The latest month whose report is past due (1244.300(f): the 15th of the month after): where the late list starts. */
export function latestPastDueMonth(now = new Date()): string {
  const day = Number(illinoisToday(now).slice(8));
  return monthsBefore(day > 15 ? 1 : 2, now);
}
