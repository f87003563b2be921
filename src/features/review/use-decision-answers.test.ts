import { describe, expect, it } from 'vitest';
import { setStringAnswer } from './use-decision-answers';

describe('setStringAnswer', () => {
  it('sets a decision answer and keeps the others', () => {
    expect(setStringAnswer({ A1: 'yes' }, 'N4', 'defer')).toEqual({ A1: 'yes', N4: 'defer' });
  });
  it('removes an emptied answer', () => {
    expect(setStringAnswer({ N3: 'high' }, 'N3', '')).toEqual({});
  });
});
