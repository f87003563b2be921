import { describe, expect, it } from 'vitest';
import { instrument } from '../../tests/helpers/instrument-builder';
import { scenario } from '../../tests/helpers/scenario';
import { InstrumentError, parseInstrument, type Answers } from '../instrument/schema';

const yes = (item: string) => ({ item, op: 'eq' as const, value: 'yes' });

// A section of reception questions opened by R0; a STOP on R2, shown only when R1 is yes; a
// predicate (isChild) that handles an unknown date of birth itself by asking A2.
const inst = instrument().v2()
  .predicate('isChild', {
    any: [
      { item: 'A1', op: 'ageUnder', value: 18 },
      { all: [{ item: 'A1', op: 'unknown' }, yes('A2')] },
    ],
  })
  .section('A', 'process', (s) => s.date('A1').ynu('A2', { visibleIf: { item: 'A1', op: 'unknown' } }).ynu('R0'))
  .section('R', 'reception', (s) => s.ynu('R1').ynu('R2', { visibleIf: yes('R1') }).choice('R3', ['home', 'street']), yes('R0'))
  .rule('R2-meeter-unchecked', 'STOP', yes('R2'))
  .rule('R3-street-child', 'STOP', { all: [{ ref: 'isChild' }, { item: 'R3', op: 'eq', value: 'street' }] }, { onUnknown: 'STOP' })
  .build();

const adult: Answers = { A1: '1990-02-01', R0: 'yes', R1: 'yes', R2: 'no', R3: 'home' };
const flagOf = (answers: Answers, id: string) =>
  scenario(inst).answers({ ...adult, ...answers }).assess().flags.find((f) => f.ruleId === id);

describe('derived unknowns: an unknown cannot hide a STOP', () => {
  it('raises nothing when every answer is known and benign', () => {
    expect(scenario(inst).answers(adult).assess().flags).toEqual([]);
  });

  it('raises ESC on an unknown answer the STOP reads', () => {
    expect(flagOf({ R2: 'declined' }, 'R2-meeter-unchecked')).toMatchObject({ level: 'ESC', viaUnknown: true, ruleLevel: 'STOP' });
  });

  it('raises ESC when the question that would open the STOP item is unknown', () => {
    const flag = flagOf({ R1: 'unknown', R2: undefined }, 'R2-meeter-unchecked');
    expect(flag).toMatchObject({ level: 'ESC', viaUnknown: true });
    expect(flag?.items.map((i) => i.code)).toEqual(['R2', 'R1']);
  });

  it('raises ESC when the question that opens the whole section is unknown (a section gate)', () => {
    const r = scenario(inst).answers({ A1: '1990-02-01', R0: 'declined' }).assess();
    expect(r.flags.map((f) => [f.ruleId, f.level])).toEqual([['R2-meeter-unchecked', 'ESC']]);
    expect(r.visibleSections).not.toContain('R');
  });

  it('raises the rule\'s onUnknown level through a predicate, not only for the items it names', () => {
    // R3 is "street" and the age cannot be told: the child STOP cannot be ruled out, and unknown is itself a STOP.
    const r = scenario(inst).answers({ ...adult, A1: { special: 'unknown' }, A2: 'unknown', R3: 'street' }).assess();
    expect(r.flags.find((f) => f.ruleId === 'R3-street-child')).toMatchObject({ level: 'STOP', viaUnknown: true });
  });

  it('leaves an unknown alone where the condition says itself what it means (unknown date of birth asks A2)', () => {
    expect(flagOf({ A1: { special: 'unknown' }, A2: 'no', R3: 'street' }, 'R3-street-child')).toBeUndefined();
    expect(flagOf({ A1: { special: 'unknown' }, A2: 'yes', R3: 'street' }, 'R3-street-child')).toMatchObject({ level: 'STOP', viaUnknown: false });
  });

  it('fires the STOP itself, not only ESC, when the two-valued answer already holds', () => {
    expect(flagOf({ R2: 'yes' }, 'R2-meeter-unchecked')).toMatchObject({ level: 'STOP', viaUnknown: false });
  });

  it('treats a row cell answered unknown as maybe', () => {
    const rows = instrument().v2()
      .section('L', 'child', (s) => s.rows('L1', [{ key: 'age', type: 'number' }, { key: 'risk', type: 'ynu' }]))
      .rule('L1-child-at-risk', 'STOP', { item: 'L1', op: 'anyRow', where: { column: 'risk', op: 'eq', value: 'yes' } })
      .build();
    const r = scenario(rows).answer('L1', [{ age: 4, risk: 'no' }, { age: 7, risk: 'unknown' }]).assess();
    expect(r.flags).toMatchObject([{ ruleId: 'L1-child-at-risk', level: 'ESC', viaUnknown: true }]);
  });
});

describe('"no impediment" needs every answer a STOP depends on', () => {
  it('is blocked by an unknown gateway even where, with the other answers, the STOP could not fire', () => {
    // An adult: the child STOP on R3 cannot fire whatever R3 is, yet R3 unknown still blocks the claim.
    const r = scenario(inst).answers({ ...adult, R3: { special: 'declined' } }).judgement('low').assess();
    expect(r.flags).toEqual([]);
    const reasons = r.recommendations.blocked.find((b) => b.recommendation === 'no_impediment')?.reasons;
    expect(reasons).toEqual([{ key: 'gating.unknown_stop_items', params: { items: 'R3', count: 1 }, contentLists: { items: ['item.R3.label'] } }]);
    expect(r.recommendations.allowed).toContain('proceed_with_conditions');
  });

  it('is not blocked by an unknown answer no STOP reads', () => {
    const loose = instrument().v2()
      .section('F', 'control', (s) => s.ynu('F1').ynu('F2'))
      .rule('F1-threats', 'STOP', yes('F1'))
      .rule('F2-phone', 'RISK', yes('F2'))
      .build();
    const r = scenario(loose).answers({ F1: 'no', F2: 'unknown' }).judgement('low').assess();
    expect(r.recommendations.allowed).toContain('no_impediment');
  });
});

describe('the loader under derived unknowns', () => {
  it('refuses a STOP rule whose gateway is not required (blank would hide it)', () => {
    const input = instrument().v2()
      .section('R', 'reception', (s) => s.ynu('R1', { required: false }).ynu('R2', { visibleIf: yes('R1') }))
      .rule('R2-meeter-unchecked', 'STOP', yes('R2'))
      .input();
    expect(() => parseInstrument(input)).toThrow(InstrumentError);
    expect(() => parseInstrument(input)).toThrow(/rule R2-meeter-unchecked: gateway R1 is not required/);
  });

  it('accepts a gateway that is not required when a condition says what blank means', () => {
    const input = instrument().v2()
      .section('L', 'child', (s) => s.verbatim('L6', { required: false }))
      .rule('L6-views-not-recorded', 'STOP', { not: { item: 'L6', op: 'answered' } })
      .input();
    expect(parseInstrument(input).rules).toHaveLength(1);
  });

  it('refuses a hard rule that is not a STOP, and a re-check item no STOP reads', () => {
    const hardEsc = instrument().v2().section('F', 'control', (s) => s.ynu('F1')).rule('F1-contact', 'ESC', yes('F1'), { hard: true }).input();
    expect(() => parseInstrument(hardEsc)).toThrow(/only a STOP rule can be hard/);
    const recheck = instrument().v2().section('F', 'control', (s) => s.ynu('F1', { recheck: true })).input();
    expect(() => parseInstrument(recheck)).toThrow(/F1: marked for the re-check but no STOP rule reads it/);
  });
});
