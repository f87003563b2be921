import { describe, expect, it } from 'vitest';
import { emptyPad, MAX_TYPED, MIN_INK, padReducer, padResult, type PadAction, type PadState } from '../../../src/features/export/signature-pad-state';

const run = (actions: readonly PadAction[], from: PadState = emptyPad): PadState => actions.reduce(padReducer, from);
const drag = (x0: number, x1: number, y = 50): PadAction[] => [
  { type: 'start', point: { x: x0, y } },
  { type: 'move', point: { x: (x0 + x1) / 2, y } },
  { type: 'move', point: { x: x1, y } },
  { type: 'end' },
];

describe('signature pad state', () => {
  it('a drawing counts once it has enough ink; a stray tap does not', () => {
    expect(padResult(run([{ type: 'start', point: { x: 10, y: 10 } }, { type: 'end' }]))).toBeNull();
    expect(padResult(run(drag(0, MIN_INK - 1)))).toBeNull();
    const signed = padResult(run(drag(0, 200)));
    expect(signed?.kind).toBe('drawn');
    expect(signed?.kind === 'drawn' ? signed.strokes[0] : []).toHaveLength(3);
  });

  it('ink from several short strokes adds up', () => {
    const state = run([...drag(0, 20), ...drag(100, 120)]);
    expect(state.strokes).toHaveLength(2);
    expect(padResult(state)?.kind).toBe('drawn');
  });

  it('moves without a pressed pointer draw nothing', () => {
    const state = run([{ type: 'move', point: { x: 1, y: 1 } }, { type: 'move', point: { x: 300, y: 1 } }]);
    expect(state.strokes).toEqual([]);
    expect(padResult(state)).toBeNull();
  });

  it('the keyboard alternative: a typed name is the signature, trimmed, and capped', () => {
    const typed = run([{ type: 'mode', mode: 'type' }, { type: 'typed', text: '  Amara Okafor ' }]);
    expect(padResult(typed)).toEqual({ kind: 'typed', text: 'Amara Okafor' });
    expect(padResult(run([{ type: 'mode', mode: 'type' }, { type: 'typed', text: '   ' }]))).toBeNull();
    expect(run([{ type: 'typed', text: 'x'.repeat(MAX_TYPED + 10) }]).typed).toHaveLength(MAX_TYPED);
  });

  it('the result follows the chosen mode; drawing is ignored while typing', () => {
    const both = run([...drag(0, 200), { type: 'mode', mode: 'type' }, { type: 'typed', text: 'Typed Name' }]);
    expect(padResult(both)).toEqual({ kind: 'typed', text: 'Typed Name' });
    expect(padResult(padReducer(both, { type: 'mode', mode: 'draw' }))?.kind).toBe('drawn');
    expect(run(drag(0, 200), run([{ type: 'mode', mode: 'type' }])).strokes).toEqual([]);
  });

  it('clear empties only what the current mode shows, so it can be redone', () => {
    const both = run([...drag(0, 200), { type: 'typed', text: 'Name' }]);
    const cleared = padReducer(both, { type: 'clear' });
    expect(cleared.strokes).toEqual([]);
    expect(cleared.typed).toBe('Name');
    expect(padResult(cleared)).toBeNull();
    expect(padResult(run(drag(0, 200), cleared))?.kind).toBe('drawn');
    const typedCleared = run([{ type: 'mode', mode: 'type' }, { type: 'clear' }], both);
    expect(typedCleared.typed).toBe('');
    expect(typedCleared.strokes).toHaveLength(1);
  });

  it('switching mode mid-stroke ends the stroke', () => {
    const state = run([{ type: 'start', point: { x: 0, y: 0 } }, { type: 'mode', mode: 'type' }, { type: 'mode', mode: 'draw' }, { type: 'move', point: { x: 300, y: 0 } }]);
    expect(state.drawing).toBe(false);
    expect(state.strokes[0]).toHaveLength(1);
  });
});
