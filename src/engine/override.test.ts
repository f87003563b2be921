import { describe, expect, it } from 'vitest';
import { instrument } from '../../tests/helpers/instrument-builder';
import { scenario } from '../../tests/helpers/scenario';

const yes = (item: string) => ({ item, op: 'eq' as const, value: 'yes' });
// Two overridable STOPs (F1, F2, F2 shown only when F0 is yes), one hard STOP (L1), one RISK.
const inst = instrument().v2()
  .section('F', 'control', (s) => s.ynu('F0').ynu('F1').ynu('F2', { visibleIf: yes('F0') }).ynu('F3'))
  .section('L', 'child', (s) => s.ynu('L1'))
  .rule('F1-threats', 'STOP', yes('F1'))
  .rule('F2-network', 'STOP', yes('F2'))
  .rule('F3-phone', 'RISK', yes('F3'))
  .rule('L1-not-in-best-interests', 'STOP', yes('L1'), { hard: true })
  .build();

const base = () => scenario(inst).assessor('A. Assessor (fictional)')
  .answers({ F0: 'yes', F1: 'yes', F2: 'yes', F3: 'no', L1: 'no', N2: '2026-12-10' }).judgement('high');

describe('an override record', () => {
  it('lifts only the STOP rules it names', () => {
    const r = base().overrideRules(['F1-threats']).assess();
    expect(r.override).toMatchObject({ state: 'active', rules: ['F1-threats'], lifted: ['F1-threats'] });
    expect(r.flags.find((f) => f.ruleId === 'F1-threats')?.overridden).toBe(true);
    expect(r.flags.find((f) => f.ruleId === 'F2-network')?.overridden).toBe(false);
    expect(r.recommendations.allowed).toEqual(['defer', 'not_recommended']);
  });

  it('opens proceed with conditions, never no impediment, once every standing STOP is named', () => {
    const r = base().overrideRules(['F1-threats', 'F2-network']).assess();
    expect(r.recommendations.overrideActive).toBe(true);
    expect(r.recommendations.allowed).toEqual(['proceed_with_conditions', 'defer', 'not_recommended']);
    expect(r.recommendations.blocked[0]?.reasons.map((x) => x.key)).toEqual(['gating.overridden_stop']);
    // The override lifts the STOPs for the recommendation, never the risk: still very high, and said so.
    expect(r.ratings.control).toMatchObject({ level: 'very_high', explanation: { key: 'rating.stop_overridden', params: { count: 2 } } });
  });

  it('lapses when an answer a named rule reads changes, its gateway included', () => {
    const lapsed = base().overrideRules(['F1-threats', 'F2-network']).answer('F0', 'unknown').assess();
    expect(lapsed.override.state).toBe('lapsed');
    expect(lapsed.override.problems).toEqual([{ key: 'override.lapsed_changed', params: { items: 'F2, F0' }, contentLists: { items: ['item.F2.label', 'item.F0.label'] } }]);
    expect(lapsed.recommendations.allowed).toEqual(['defer', 'not_recommended']);
    const proceed = lapsed.recommendations.blocked.find((b) => b.recommendation === 'proceed_with_conditions');
    expect(proceed?.reasons.map((x) => x.key)).toEqual(['gating.stop', 'gating.override_not_holding', 'gating.incomplete']);
    // F0 unknown hides F2, whose STOP cannot be ruled out: an escalation that needs a mitigation row (N5).
    expect(lapsed.missing.map((m) => m.item)).toEqual(['N4', 'N5']);
  });

  it('does not lapse when an answer no named rule reads changes', () => {
    expect(base().overrideRules(['F1-threats', 'F2-network']).answer('F3', 'yes').assess().override.state).toBe('active');
  });

  it('lapses when a STOP appears that did not stand when it was written', () => {
    const r = base().answer('F2', 'no').overrideRules(['F1-threats']).answer('F2', 'yes').assess();
    expect(r.override.state).toBe('lapsed');
    expect(r.override.problems.map((p) => p.key)).toContain('override.lapsed_new_stop');
  });

  it('never lifts a hard rule: naming one makes the override invalid', () => {
    const r = base().answer('L1', 'yes').overrideRules(['F1-threats', 'F2-network', 'L1-not-in-best-interests']).assess();
    expect(r.override).toMatchObject({ state: 'invalid', lifted: [] });
    expect(r.override.problems).toContainEqual({ key: 'override.hard', params: { rules: 'L1-not-in-best-interests' }, contentLists: { rules: ['rule.L1-not-in-best-interests.reason'] } });
    const hard = r.flags.find((f) => f.ruleId === 'L1-not-in-best-interests');
    expect(hard).toMatchObject({ hard: true, overridden: false });
    expect(r.recommendations.blocked.find((b) => b.recommendation === 'proceed_with_conditions')?.reasons.map((x) => x.key))
      .toContain('gating.hard_stop');
  });

  it('is refused from a role that may not override (a caseworker), from the assessor, or dated after the assessment', () => {
    expect(base().overrideRules(['F1-threats'], 'caseworker').assess().override.problems).toEqual([{ key: 'override.role' }]);
    expect(base().overrideRules(['F1-threats'], 'supervisor', ' a. assessor  (fictional)').assess().override.problems)
      .toEqual([{ key: 'override.same_as_assessor' }]);
    expect(base().overrideRules(['F1-threats'], 'supervisor', 'R. Senior', '2026-12-01').assess().override.problems)
      .toEqual([{ key: 'override.date' }]);
  });

  it('is refused when it names no rule, or a rule that is not a STOP', () => {
    expect(base().overrideRules([]).assess().override.problems).toEqual([{ key: 'override.no_rules' }]);
    expect(base().overrideRules(['F3-phone']).assess().override.problems).toEqual([{ key: 'override.not_a_stop', params: { rules: 'F3-phone' } }]);
  });

  it('reads a malformed record as invalid, never as active', () => {
    const r = base().answer('N6', { rules: ['F1-threats'], reason: 'x', by: 'y', role: 'supervisor', date: '2026-11-27', stops: [], basis: {} }).assess();
    expect(r.override.state).toBe('lapsed'); // a well-formed record with an empty basis: every answer "changed"
    const broken = base().answer('N6', 'yes').assess();
    expect(broken.override.state).toBe('invalid');
  });
});
