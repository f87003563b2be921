import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatNumber, localized } from './format';

describe('locale formatting', () => {
  it('formats numbers the way Intl does for the language', () => {
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(12, 'ar')).toBe(new Intl.NumberFormat('ar').format(12));
    expect(formatNumber(1234.5, 'ro')).toBe(new Intl.NumberFormat('ro').format(1234.5));
  });

  it('falls back instead of throwing on a malformed language tag', () => {
    expect(formatNumber(7, 'not a tag!')).toBe('7');
  });

  it('shows an ISO date on the same calendar day whatever the time zone, in the language', () => {
    expect(formatIsoDate('2012-05-01', 'en', 'long')).toBe('May 1, 2012');
    expect(formatIsoDate('2012-05-01', 'vi', 'long')).toBe(
      new Intl.DateTimeFormat('vi', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2012, 4, 1, 12))),
    );
    expect(formatIsoDate('not a date', 'en')).toBe('not a date');
  });

  it('keeps the raw count for plurals and formats every number it interpolates', () => {
    expect(localized({ count: 3, section: 'B' }, 'en')).toEqual({ count: 3, replace: { count: '3', section: 'B' } });
    const ar = localized({ step: 2, total: 11 }, 'ar');
    expect(ar).toEqual({ replace: { step: formatNumber(2, 'ar'), total: formatNumber(11, 'ar') } });
    expect('count' in ar).toBe(false);
  });
});
