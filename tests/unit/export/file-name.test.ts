import { describe, expect, it } from 'vitest';
import { summaryFileName } from '../../../src/export/facade/file-name';

describe('download file names', () => {
  const date = new Date('2026-11-27T23:10:00Z');

  it('say only what the file is, the date and a random suffix', () => {
    expect(summaryFileName('summary', date)).toMatch(/^assessment-summary-2026-11-27-[0-9a-z]{6}\.pdf$/);
    expect(summaryFileName('countersigned', date)).toMatch(/^assessment-summary-countersigned-2026-11-27-[0-9a-z]{6}\.pdf$/);
  });

  it('uses the random source for the suffix, so two exports on one day differ', () => {
    expect(summaryFileName('summary', date, () => 0)).toBe('assessment-summary-2026-11-27-000000.pdf');
    expect(summaryFileName('summary', date, () => 0.9999)).toBe('assessment-summary-2026-11-27-zzzzzz.pdf');
    const names = new Set(Array.from({ length: 50 }, () => summaryFileName('summary', date)));
    expect(names.size).toBeGreaterThan(45);
  });

  it('survives an invalid date without leaking anything else', () => {
    expect(summaryFileName('summary', new Date(Number.NaN), () => 0.5)).toBe('assessment-summary-undated-iiiiii.pdf');
  });
});
