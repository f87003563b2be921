import { describe, expect, it } from 'vitest';
import { acceptedMinutes } from './idle-minutes';
import { DEFAULT_IDLE_LOCK_MINUTES, IDLE_LOCK_MINUTES } from './lock-settings';

describe('idle lock minutes', () => {
  it('offers 2 to 30 minutes, the default among them', () => {
    expect(Math.min(...IDLE_LOCK_MINUTES)).toBe(2);
    expect(Math.max(...IDLE_LOCK_MINUTES)).toBe(30);
    expect(IDLE_LOCK_MINUTES).toContain(DEFAULT_IDLE_LOCK_MINUTES);
  });

  it('accepts only an offered choice from storage', () => {
    expect(acceptedMinutes(10)).toBe(10);
    for (const bad of [1, 31, 7, 2.5, '10', null, undefined, Number.NaN]) expect(acceptedMinutes(bad)).toBeNull();
  });
});
