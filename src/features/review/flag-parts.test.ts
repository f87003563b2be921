import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../engine';
import { caseFileSchema, resolveCase } from '../../../scripts/lib/case-file';
import { homeItem } from '../wizard/item-flags';
import { flagCounts } from './flag-parts';

const dir = join(import.meta.dirname, '../../../tests/golden/cases-v2');
const cases = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, resolveCase(caseFileSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))), '2026-12-01')] as const);

describe('one count of flags everywhere', () => {
  it.each(cases)('%s: the review, the section summaries and the overall rating count the same flags', (_, c) => {
    const result = assess(c.instrument, c.answers, { now: c.now });
    const counts = flagCounts(result.flags);
    // The overall rating's explanation (review and PDF) counts the whole case as the review does.
    const { key, params } = result.overall.explanation;
    if (key === 'rating.overall' || key === 'rating.cumulative') expect(params).toMatchObject({ stop: counts.STOP, esc: counts.ESC, risk: counts.RISK });
    else if (key === 'rating.minor') expect(params).toEqual({ count: counts.STOP + counts.ESC + counts.RISK });
    // A refused assessment is "not assessed" whatever flags stand: that explanation names no count to disagree with.
    else if (key !== 'rating.not_assessed') expect(counts.STOP + counts.ESC + counts.RISK, `${key} names no count`).toBe(0);
    // Each flag is in exactly one section's summary (its own), so the summaries add up to the whole.
    const bySection = c.instrument.sections.map((s) => result.flags.filter((f) => f.section === s.code).length);
    expect(bySection.reduce((a, b) => a + b, 0)).toBe(result.flags.length);
    // And it is shown once in the wizard: under one question of that section.
    for (const flag of result.flags) {
      const section = c.instrument.sections.find((s) => s.code === flag.section);
      const home = section ? homeItem(flag, section.items.map((i) => i.code)) : null;
      if (home) expect(flag.items.map((r) => r.code)).toContain(home);
    }
  });
});
