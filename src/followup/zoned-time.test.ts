import { describe, expect, it } from 'vitest';
import { addMonths, instantOf, wallTimeAt } from './zoned-time';

const at = (iso: string) => Date.parse(iso);
const wall = (year: number, month: number, day: number, hour = 0, minute = 0) => ({ year, month, day, hour, minute });

describe('wall time in a time zone', () => {
  it('reads and writes ordinary times both ways, far east and far west of UTC', () => {
    expect(instantOf(wall(2026, 1, 31, 10), 'Pacific/Kiritimati')).toBe(at('2026-01-30T20:00:00Z'));
    expect(instantOf(wall(2026, 1, 31, 10), 'Etc/GMT+12')).toBe(at('2026-01-31T22:00:00Z'));
    expect(wallTimeAt(at('2026-01-30T20:00:00Z'), 'Pacific/Kiritimati')).toEqual(wall(2026, 1, 31, 10));
  });

  it('moves a skipped wall time forward by the gap (clocks go forward)', () => {
    // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT; 02:30 does not exist.
    expect(instantOf(wall(2026, 3, 8, 2, 30), 'America/New_York')).toBe(at('2026-03-08T07:30:00Z'));
    expect(wallTimeAt(at('2026-03-08T07:30:00Z'), 'America/New_York')).toEqual(wall(2026, 3, 8, 3, 30));
  });

  it('takes the earlier of a repeated wall time (clocks go back)', () => {
    // New York, 1 November 2026: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(instantOf(wall(2026, 11, 1, 1, 30), 'America/New_York')).toBe(at('2026-11-01T05:30:00Z'));
  });

  it('refuses a time zone the platform does not know, naming it', () => {
    expect(() => instantOf(wall(2026, 1, 1), 'Mars/Olympus_Mons')).toThrow(/Unknown time zone "Mars\/Olympus_Mons"/);
  });
});

describe('calendar months', () => {
  it('clamps to the last day of a shorter month, leap years included', () => {
    expect(addMonths(wall(2026, 1, 31, 9), 1)).toEqual(wall(2026, 2, 28, 9));
    expect(addMonths(wall(2028, 1, 31, 9), 1)).toEqual(wall(2028, 2, 29, 9));
    expect(addMonths(wall(2026, 8, 31), 3)).toEqual(wall(2026, 11, 30));
    expect(addMonths(wall(2028, 2, 29), 12)).toEqual(wall(2029, 2, 28));
  });

  it('crosses year ends in both directions', () => {
    expect(addMonths(wall(2026, 12, 15), 1)).toEqual(wall(2027, 1, 15));
    expect(addMonths(wall(2026, 7, 31), 6)).toEqual(wall(2027, 1, 31));
    expect(addMonths(wall(2027, 1, 15), -1)).toEqual(wall(2026, 12, 15));
  });
});
