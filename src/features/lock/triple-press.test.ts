import { describe, expect, it } from 'vitest';
import { createTriplePress } from './triple-press';

describe('triple press', () => {
  it('triggers on three presses within the window, and not on slower ones', () => {
    let triggered = 0;
    const press = createTriplePress({ count: 3, withinMs: 1_500, onTrigger: () => (triggered += 1) });
    press(0);
    press(1_000);
    press(2_000); // the first press is too old by now
    expect(triggered).toBe(0);
    press(2_400);
    expect(triggered).toBe(1);
    // Counting starts afresh after a trigger.
    press(2_500);
    press(2_600);
    expect(triggered).toBe(1);
    press(2_700);
    expect(triggered).toBe(2);
  });
});
