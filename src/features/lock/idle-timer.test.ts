import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleTimer } from './idle-timer';

describe('idle timer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup() {
    const events: string[] = [];
    const timer = createIdleTimer({
      idleMs: 300_000,
      warnBeforeMs: 30_000,
      onWarn: () => events.push('warn'),
      onActive: () => events.push('active'),
      onIdle: () => events.push('idle'),
    });
    return { events, timer };
  }

  it('warns 30 s before locking, then locks', () => {
    const { events } = setup();
    vi.advanceTimersByTime(269_999);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['warn']);
    vi.advanceTimersByTime(30_000);
    expect(events).toEqual(['warn', 'idle']);
  });

  it('activity restarts the count and clears a warning', () => {
    const { events, timer } = setup();
    vi.advanceTimersByTime(280_000);
    timer.activity();
    vi.advanceTimersByTime(200_000);
    expect(events).toEqual(['warn', 'active']);
    vi.advanceTimersByTime(100_000);
    expect(events).toEqual(['warn', 'active', 'warn', 'idle']);
  });

  it('does nothing once disposed', () => {
    const { events, timer } = setup();
    timer.dispose();
    vi.advanceTimersByTime(600_000);
    expect(events).toEqual([]);
  });
});
