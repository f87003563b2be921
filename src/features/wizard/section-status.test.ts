import { describe, expect, it } from 'vitest';
import type { SectionProgress } from '../../engine';
import { sectionStatusTexts } from './section-status';

const progress = (over: Partial<SectionProgress>): SectionProgress => ({
  code: 'E', visible: true, status: 'in_progress', required: 4, answered: 2, missing: ['E1', 'E2'],
  flags: { STOP: 0, ESC: 0, RISK: 0, INFO: 0 }, ...over,
});

describe('sectionStatusTexts', () => {
  it('says how many answers are missing and counts STOP/ESC/RISK flags, not INFO', () => {
    expect(sectionStatusTexts(progress({ flags: { STOP: 1, ESC: 0, RISK: 2, INFO: 3 } }))).toEqual([
      { key: 'status.missing', params: { count: 2 } },
      { key: 'status.flag.STOP', params: { count: 1 } },
      { key: 'status.flag.RISK', params: { count: 2 } },
    ]);
  });

  it('says done when nothing is missing', () => {
    expect(sectionStatusTexts(progress({ status: 'done', missing: [] }))).toEqual([{ key: 'status.done' }]);
    expect(sectionStatusTexts(undefined)).toEqual([]);
  });
});
