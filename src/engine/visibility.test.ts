import { describe, expect, it } from 'vitest';
import { instrument } from '../../tests/helpers/instrument-builder';
import { scenario } from '../../tests/helpers/scenario';
import { evaluateCondition, visibleItemCodes } from './index';

const now = { now: '2026-11-27' };

describe('visibility', () => {
  // E2 (how much is owed) only makes sense once E1 says there is a debt.
  const debt = instrument()
    .section('E', 'debt', (s) => s
      .ynu('E1')
      .number('E2', { visibleIf: { item: 'E1', op: 'eq', value: 'yes' } })
      .ynu('E3', { visibleIf: { item: 'E2', op: 'gt', value: 1000 } }))
    .rule('E3-threats', 'STOP', { item: 'E3', op: 'eq', value: 'yes' })
    .build();

  it('shows an item once its condition holds', () => {
    expect(visibleItemCodes(debt, { E1: 'yes' }, now)).toContain('E2');
    expect(visibleItemCodes(debt, { E1: 'no' }, now)).not.toContain('E2');
  });

  it('keeps hidden answers out of every condition, in a chain of dependent items', () => {
    // The caseworker answered E2 and E3, then corrected E1 to "no": E2 and E3 disappear.
    const result = scenario(debt).answers({ E1: 'no', E2: 5000, E3: 'yes' }).assess();
    expect(result.visibleItems).not.toContain('E3');
    expect(result.flags).toEqual([]);
    expect(evaluateCondition(debt, { E1: 'no', E2: 5000 }, { item: 'E2', op: 'answered' }, now)).toBe(false);
  });

  it('counts a hidden answer as unanswered, not as missing', () => {
    const result = scenario(debt).answers({ E1: 'no', E2: 5000 }).assess();
    expect(result.missing.map((m) => m.item)).not.toContain('E2');
    expect(result.missing.map((m) => m.item)).not.toContain('E3');
  });

  it('hides every item of a section whose condition fails, whatever the item says', () => {
    const child = instrument()
      .predicate('isChild', { item: 'A1', op: 'ageUnder', value: 18 })
      .section('A', 'process', (s) => s.date('A1'))
      .section('L', 'child', (s) => s.ynu('L4').ynu('L6'), { ref: 'isChild' })
      .build();
    expect(visibleItemCodes(child, { A1: '1990-05-01' }, now)).not.toContain('L4');
    expect(visibleItemCodes(child, { A1: '2012-05-01' }, now)).toEqual(expect.arrayContaining(['L4', 'L6']));
    expect(scenario(child).answer('A1', '1990-05-01').assess().visibleSections).not.toContain('L');
  });

  it('evaluates nested predicates that build on each other', () => {
    // isChild: under 18, or age disputed and claimed to be a child (presumption of minority).
    const nested = instrument()
      .predicate('under18', { item: 'A1', op: 'ageUnder', value: 18 })
      .predicate('presumedChild', { all: [{ item: 'A2', op: 'eq', value: 'yes' }, { item: 'A3', op: 'eq', value: 'yes' }] })
      .predicate('isChild', { any: [{ ref: 'under18' }, { ref: 'presumedChild' }] })
      .section('A', 'process', (s) => s.date('A1').ynu('A2').ynu('A3', { visibleIf: { item: 'A2', op: 'eq', value: 'yes' } }))
      .section('L', 'child', (s) => s.ynu('L4'), { ref: 'isChild' })
      .build();
    const visible = (answers: Parameters<typeof visibleItemCodes>[1]) => visibleItemCodes(nested, answers, now);
    expect(visible({ A1: '1999-01-01', A2: 'yes', A3: 'yes' })).toContain('L4');
    expect(visible({ A1: '2015-01-01' })).toContain('L4');
    // A3 is hidden once the dispute is withdrawn, so its "yes" no longer presumes a child.
    expect(visible({ A1: '1999-01-01', A2: 'no', A3: 'yes' })).not.toContain('L4');
    expect(scenario(nested).answers({ A1: '1999-01-01', A2: 'yes', A3: 'yes' }).assess().profile.isChild).toBe(true);
  });

  it('treats a predicate naming a hidden item by the same rule', () => {
    const inst = instrument()
      .predicate('hasDebt', { item: 'E2', op: 'answered' })
      .section('E', 'debt', (s) => s.ynu('E1').number('E2', { visibleIf: { item: 'E1', op: 'eq', value: 'yes' } }))
      .section('F', 'control', (s) => s.ynu('F1', { visibleIf: { ref: 'hasDebt' } }))
      .build();
    expect(visibleItemCodes(inst, { E1: 'yes', E2: 10 }, now)).toContain('F1');
    expect(visibleItemCodes(inst, { E1: 'no', E2: 10 }, now)).not.toContain('F1');
  });
});
