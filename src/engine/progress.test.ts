import { describe, expect, it } from 'vitest';
import { instrument } from '../../tests/helpers/instrument-builder';
import { scenario } from '../../tests/helpers/scenario';

const inst = instrument()
  .section('E', 'debt', (s) => s
    .ynu('E1')
    .number('E2', { visibleIf: { item: 'E1', op: 'eq', value: 'yes' } })
    .text('E3', { required: false }))
  .section('F', 'control', (s) => s.ynu('F1'))
  .rule('E1-debt', 'RISK', { item: 'E1', op: 'eq', value: 'yes' })
  .build();

describe('progress and missing items', () => {
  it('lists missing visible required items in instrument order with their section', () => {
    const r = scenario(inst).answer('E1', 'yes').assess();
    expect(r.missing).toEqual([
      { section: 'E', item: 'E2' }, { section: 'F', item: 'F1' },
      { section: 'N', item: 'N3' }, { section: 'N', item: 'N3.narrative' }, { section: 'N', item: 'N4' },
      { section: 'N', item: 'N5' },
    ]);
  });

  it('requires the mitigation table only while a RISK or ESC flag stands', () => {
    expect(scenario(inst).answer('E1', 'no').assess().missing.map((m) => m.item)).not.toContain('N5');
  });

  it('reports each section\'s status, counts and flags', () => {
    const r = scenario(inst).answer('E1', 'yes').assess();
    const [e, f] = r.sections;
    expect(e).toEqual({
      code: 'E', visible: true, status: 'in_progress', required: 2, answered: 1, missing: ['E2'],
      flags: { STOP: 0, ESC: 0, RISK: 1, INFO: 0 },
    });
    expect(f?.status).toBe('not_started');
    const done = scenario(inst).answers({ E1: 'no', F1: 'no' }).assess().sections[0];
    expect(done).toMatchObject({ status: 'done', required: 1, answered: 1 });
  });

  it('marks a section hidden when its condition fails', () => {
    const cond = instrument()
      .section('A', 'process', (s) => s.ynu('A1'))
      .section('M', 'young_adult', (s) => s.ynu('M1'), { item: 'A1', op: 'eq', value: 'yes' })
      .build();
    const m = scenario(cond).answers({ A1: 'no', M1: 'yes' }).assess().sections.find((s) => s.code === 'M');
    expect(m).toMatchObject({ visible: false, status: 'hidden', required: 0, missing: [] });
  });
});
