import { describe, expect, it } from 'vitest';
import { getFollowUpInstrument, getInstrument, kindOf, registry } from '../registry';
import { instrument } from '../../../tests/helpers/instrument-builder';
import { forwardVisibilityDependencies } from './order';

describe('wizard order', () => {
  it('finds a question whose visibility depends on a later answer, also through a predicate', () => {
    const inst = instrument()
      .predicate('isChild', { item: 'A2', op: 'eq', value: 'yes' })
      .section('A', 'process', (s) => s.ynu('A1', { visibleIf: { ref: 'isChild' } }).ynu('A2').ynu('A3', { visibleIf: { item: 'A2', op: 'eq', value: 'yes' } }))
      .build();
    expect(forwardVisibilityDependencies(inst)).toEqual(['A1 depends on later A2']);
  });

  it('no shipped instrument shows a question above the answer that reveals it', () => {
    for (const e of registry) {
      const inst = kindOf(e) === 'followup' ? getFollowUpInstrument(e.id, e.version) : getInstrument(e.id, e.version);
      expect(forwardVisibilityDependencies(inst), `${e.id} v${e.version}`).toEqual([]);
    }
  });
});
