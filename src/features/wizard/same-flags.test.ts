import { describe, expect, it } from 'vitest';
import type { Flag } from '../../engine';
import { sameFlags } from './same-flags';

const flag = (over: Partial<Flag> = {}): Flag => ({
  ruleId: 'R1',
  level: 'RISK',
  domain: 'control',
  section: 'A',
  source: 'test',
  items: [{ code: 'A1', answer: 'yes' }],
  viaUnknown: false,
  ruleLevel: 'RISK',
  hard: false,
  severity: 'medium',
  review: 'none',
  next: null,
  confidence: null,
  overridden: false,
  covered: false,
  ...over,
});

// A question is re-rendered only when sameFlags says its flags changed (ItemField's memo).
describe('sameFlags', () => {
  it('treats a new assessment with the same flags as unchanged', () => {
    expect(sameFlags([flag()], [flag()])).toBe(true);
    expect(sameFlags([], [])).toBe(true);
  });

  it('sees a flag raised, cleared or changed', () => {
    expect(sameFlags([], [flag()])).toBe(false);
    expect(sameFlags([flag()], [])).toBe(false);
    expect(sameFlags([flag()], [flag({ level: 'STOP' })])).toBe(false);
    expect(sameFlags([flag()], [flag({ viaUnknown: true })])).toBe(false);
    expect(sameFlags([flag()], [flag({ ruleId: 'R2' })])).toBe(false);
  });
});
