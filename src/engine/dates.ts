/**
 * Calendar dates without a clock, a time zone or a locale. Dates are 'YYYY-MM-DD'; a day
 * number counts days since 1970-01-01 so windows are plain integer comparisons. Pure
 * arithmetic (no `Date`) keeps `assess` deterministic on every device.
 */

export interface CalendarDate {
  y: number;
  m: number;
  d: number;
  /** days since 1970-01-01 */
  day: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NOW = /^(\d{4}-\d{2}-\d{2})(T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** A real calendar date, or null for anything else (2026-02-30, 26-1-1, ''). */
export function parseDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') return null;
  const match = DATE.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d, day: dayNumber(y, m, d) };
}

/**
 * The calendar date of `now`. A date-time is cut to the date it was written with, without
 * time-zone conversion: the caseworker's own calendar day is the one that matters.
 */
export function parseNow(now: string): CalendarDate {
  const match = NOW.exec(now);
  const date = match?.[1] === undefined ? null : parseDate(match[1]);
  if (!date) throw new RangeError(`now must be an ISO date or date-time (YYYY-MM-DD…), got "${now}"`);
  return date;
}

/** Full years between birth and `at` (a 29 February birthday is reached on 1 March in common years). */
export function fullYears(birth: CalendarDate, at: CalendarDate): number {
  const beforeBirthday = at.m < birth.m || (at.m === birth.m && at.d < birth.d);
  return at.y - birth.y - (beforeBirthday ? 1 : 0);
}
