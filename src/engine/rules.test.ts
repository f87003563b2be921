import { describe, expect, it } from 'vitest';
import { instrument } from '../../tests/helpers/instrument-builder';
import { scenario } from '../../tests/helpers/scenario';

describe('flags', () => {
  // F1: the trafficker knows the return address (STOP); E1: a debt is owed (RISK).
  const inst = instrument()
    .section('E', 'debt', (s) => s.ynu('E1').ynu('E2'))
    .section('F', 'control', (s) => s.ynu('F1').ynu('F2'))
    .rule('E1-debt', 'RISK', { item: 'E1', op: 'eq', value: 'yes' })
    .rule('E2-creditor-info', 'INFO', { item: 'E2', op: 'eq', value: 'yes' })
    .rule('F1-trafficker-knows', 'STOP', { item: 'F1', op: 'eq', value: 'yes' })
    .rule('F2-threats', 'ESC', { item: 'F2', op: 'eq', value: 'yes' })
    .build();

  it('raises a flag for each rule whose condition holds, with the answers behind it', () => {
    const { flags } = scenario(inst).answers({ E1: 'yes', F1: 'no' }).assess();
    expect(flags).toEqual([{
      ruleId: 'E1-debt', level: 'RISK', domain: 'debt', section: 'E', source: 'practice',
      items: [{ code: 'E1', answer: 'yes' }], viaUnknown: false, ruleLevel: 'RISK',
      hard: false, severity: 'medium', review: 'none', next: null, confidence: null, overridden: false, covered: false,
    }]);
  });

  it('orders flags STOP, ESC, RISK, INFO whatever the rule order', () => {
    const { flags } = scenario(inst).answers({ E1: 'yes', E2: 'yes', F1: 'yes', F2: 'yes' }).assess();
    expect(flags.map((f) => f.ruleId)).toEqual(['F1-trafficker-knows', 'F2-threats', 'E1-debt', 'E2-creditor-info']);
  });

  it('turns unknown or declined on a STOP item into an ESC flag', () => {
    for (const answer of ['unknown', 'declined'] as const) {
      const [flag] = scenario(inst).answer('F1', answer).assess().flags;
      expect(flag).toMatchObject({ ruleId: 'F1-trafficker-knows', level: 'ESC', viaUnknown: true, ruleLevel: 'STOP' });
    }
    const [special] = scenario(inst).unknown('F1', 'declined').assess().flags;
    expect(special).toMatchObject({ level: 'ESC', viaUnknown: true });
  });

  it('does not escalate unknown on a RISK or ESC item', () => {
    expect(scenario(inst).answers({ E1: 'unknown', F2: 'declined' }).assess().flags).toEqual([]);
  });

  it('raises STOP for unknown where the rule says unknown is itself a STOP (clarification 9)', () => {
    const strict = instrument()
      .section('D', 'legal', (s) => s.ynu('D4'))
      .rule('D4-no-documents', 'STOP', { item: 'D4', op: 'eq', value: 'no' }, { onUnknown: 'STOP' })
      .build();
    const [flag] = scenario(strict).answer('D4', 'unknown').assess().flags;
    expect(flag).toMatchObject({ level: 'STOP', viaUnknown: true, ruleLevel: 'STOP' });
  });

  it('watches only the listed unknownItems when a rule names them', () => {
    // K3: who meets the person; only an unknown identity check (K4) leaves the danger open.
    const meet = instrument()
      .section('K', 'reception', (s) => s.choice('K3', ['family', 'partner_staff', 'other']).ynu('K4'))
      .rule('K3-unverified-meeter', 'STOP',
        { all: [{ item: 'K3', op: 'eq', value: 'other' }, { item: 'K4', op: 'eq', value: 'no' }] },
        { unknownItems: ['K4'] })
      .build();
    expect(scenario(meet).unknown('K3').answer('K4', 'yes').assess().flags).toEqual([]);
    const [flag] = scenario(meet).answers({ K3: 'family', K4: 'unknown' }).assess().flags;
    expect(flag).toMatchObject({ level: 'ESC', section: 'K' });
    expect(flag?.items.map((i) => i.code)).toEqual(['K3', 'K4']);
  });

  it('ignores an unknown answer on a hidden STOP item', () => {
    const hidden = instrument()
      .section('F', 'control', (s) => s.ynu('F1').ynu('F3', { visibleIf: { item: 'F1', op: 'eq', value: 'yes' } }))
      .rule('F3-location-known', 'STOP', { item: 'F3', op: 'eq', value: 'yes' })
      .build();
    expect(scenario(hidden).answers({ F1: 'no', F3: 'unknown' }).assess().flags).toEqual([]);
  });

  it('names the section of the first item, following a predicate when the rule names no item', () => {
    const viaRef = instrument()
      .predicate('isChild', { item: 'A1', op: 'ageUnder', value: 18 })
      .section('A', 'process', (s) => s.date('A1'))
      .rule('A1-child', 'INFO', { ref: 'isChild' }, { domain: 'child' })
      .build();
    const [flag] = scenario(viaRef).answer('A1', '2015-03-01').assess().flags;
    expect(flag).toMatchObject({ section: 'A', domain: 'child', items: [{ code: 'A1', answer: '2015-03-01' }] });
  });
});
