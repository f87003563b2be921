/**
 * Wall-clock time in a named time zone (IANA, e.g. "Europe/Tirane"), with only what the
 * platform's Intl offers: no time-zone data of our own, so the device's tz database decides.
 * A wall time that does not exist (the hour skipped when clocks go forward) moves forward by
 * the gap; one that happens twice (clocks go back) is the earlier of the two. These are the
 * rules of Temporal's "compatible" disambiguation and of most calendars.
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError naming the zone when the platform does not know it. */
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new RangeError(`Unknown time zone "${zone}": use an IANA name such as Europe/Tirane.`);
    }
    formatters.set(zone, f);
  }
  return f;
}

/** The wall time in `zone` at an instant (milliseconds since the epoch), to the minute. */
export function wallTimeAt(instant: number, zone: string): WallTime {
  const parts = Object.fromEntries(formatter(zone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour), minute: Number(parts.minute),
  };
}

function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
}

/** Offset of `zone` from UTC at an instant, in milliseconds, to the minute. */
function offsetAt(instant: number, zone: string): number {
  const floored = Math.floor(instant / 60_000) * 60_000;
  return wallAsUtc(wallTimeAt(floored, zone)) - floored;
}

const sameWall = (a: WallTime, b: WallTime): boolean =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;

/** The instant a wall time happens in `zone` (see the header for skipped and repeated times). */
export function instantOf(wall: WallTime, zone: string): number {
  const local = wallAsUtc(wall);
  // No zone changes its offset twice within two days, so the offsets a day either side are
  // the only candidates.
  const before = offsetAt(local - 24 * HOUR, zone);
  const after = offsetAt(local + 24 * HOUR, zone);
  const candidates = [...new Set([local - before, local - after])].sort((a, b) => a - b);
  const valid = candidates.filter((t) => sameWall(wallTimeAt(t, zone), wall));
  // Repeated: the earlier. Skipped: read with the offset in force before the change, which
  // lands as far after the gap as the wall time was into it.
  return valid[0] ?? local - before;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same wall time `months` calendar months later; a day the target month does not have
 * becomes its last day (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(wall: WallTime, months: number): WallTime {
  const index = wall.year * 12 + (wall.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { ...wall, year, month, day: Math.min(wall.day, daysInMonth(year, month)) };
}
