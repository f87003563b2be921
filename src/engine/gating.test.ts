import { describe, expect, it } from 'vitest';
import { instrument } from '../../tests/helpers/instrument-builder';
import { scenario } from '../../tests/helpers/scenario';
import type { AssessmentResult } from './index';

const yes = (item: string) => ({ item, op: 'eq' as const, value: 'yes' });
const inst = instrument()
  .section('E', 'debt', (s) => s.ynu('E1').ynu('E2', { required: false }))
  .section('F', 'control', (s) => s.ynu('F1'))
  .rule('E1-debt', 'RISK', yes('E1'))
  .rule('E2-threats', 'ESC', yes('E2'))
  .rule('F1-trafficker-knows', 'STOP', yes('F1'))
  .build();

const reasonKeys = (r: AssessmentResult, rec: string) =>
  r.recommendations.blocked.find((b) => b.recommendation === rec)?.reasons.map((x) => x.key) ?? [];

describe('recommendation gating', () => {
  it('allows every recommendation on a complete assessment with no flags', () => {
    const r = scenario(inst).answers({ E1: 'no', F1: 'no' }).judgement('low').assess();
    expect(r.recommendations.allowed).toEqual(['no_impediment', 'proceed_with_conditions', 'defer', 'not_recommended']);
  });

  it('limits a STOP case to defer or not recommended, naming the STOP rules', () => {
    const r = scenario(inst).answers({ E1: 'no', F1: 'yes' }).judgement('very_high').assess();
    expect(r.recommendations.allowed).toEqual(['defer', 'not_recommended']);
    const blocked = r.recommendations.blocked.find((b) => b.recommendation === 'proceed_with_conditions');
    expect(blocked?.reasons).toEqual([{ key: 'gating.stop', params: { rules: 'F1-trafficker-knows', count: 1 }, contentLists: { rules: ['rule.F1-trafficker-knows.reason'] } }]);
  });

  it('opens proceed-with-conditions, never no-impediment, after a senior written override', () => {
    const r = scenario(inst).answers({ E1: 'no', F1: 'yes' }).judgement('high').override('legal_adviser').assess();
    expect(r.recommendations.overrideActive).toBe(true);
    expect(r.recommendations.allowed).toEqual(['proceed_with_conditions', 'defer', 'not_recommended']);
    expect(reasonKeys(r, 'no_impediment')).toEqual(['gating.open_flags']);
  });

  it('does not accept an override by a caseworker', () => {
    const r = scenario(inst).answers({ E1: 'no', F1: 'yes' }).judgement('high').override('caseworker').assess();
    expect(r.recommendations.overrideActive).toBe(false);
    expect(r.recommendations.allowed).toEqual(['defer', 'not_recommended']);
  });

  it('does not accept an override without written reasons', () => {
    const r = scenario(inst).answers({ E1: 'no', F1: 'yes' }).override().answer('N6.reason', '  ').assess();
    expect(r.recommendations.overrideActive).toBe(false);
  });

  it('blocks no impediment while a RISK or ESC flag stands, pointing to conditions', () => {
    const r = scenario(inst).answers({ E1: 'yes', F1: 'no' }).judgement('medium').mitigation().assess();
    expect(reasonKeys(r, 'no_impediment')).toEqual(['gating.open_flags']);
    expect(r.recommendations.allowed).toContain('proceed_with_conditions');
  });

  it('blocks no impediment and proceed with conditions while required items are missing', () => {
    const r = scenario(inst).answers({ E1: 'no' }).judgement('low').assess();
    const incomplete = r.recommendations.blocked.find((b) => b.recommendation === 'no_impediment')?.reasons;
    expect(incomplete).toEqual([{ key: 'gating.incomplete', params: { count: 1 } }]);
    expect(r.recommendations.allowed).toEqual(['defer', 'not_recommended']);
  });

  it('does not count the unanswered recommendation itself as an incomplete assessment', () => {
    const r = scenario(inst).answers({ E1: 'no', F1: 'no' }).judgement('low').assess();
    expect(r.missing.map((m) => m.item)).toEqual(['N4']);
    expect(r.recommendations.allowed).toContain('no_impediment');
  });
});

describe('sign-off', () => {
  const complete = () => scenario(inst).answers({ E1: 'no', F1: 'no' }).judgement('low');

  it('is ready when everything is answered and the choice is allowed', () => {
    const r = complete().recommend('no_impediment').assess();
    expect(r.signOff).toEqual({ ready: true, blockers: [], state: 'ready', signedOn: null, confirmations: [], changedSince: [] });
    expect(r.chosen).toEqual({ recommendation: 'no_impediment', allowed: true });
  });

  it('lists what is missing, the absent recommendation and the absent judgement', () => {
    const r = scenario(inst).answer('E1', 'no').assess();
    expect(r.signOff.ready).toBe(false);
    expect(r.signOff.blockers).toEqual([
      { key: 'signoff.incomplete', params: { count: 4 } }, // F1, N3, N3.narrative, N4
      { key: 'signoff.no_recommendation' },
      { key: 'signoff.no_judgement' },
    ]);
  });

  it('refuses a recommendation the gating blocks', () => {
    const r = scenario(inst).answers({ E1: 'no', F1: 'yes' }).judgement('high').recommend('no_impediment').supervisorSigns().assess();
    expect(r.chosen).toEqual({ recommendation: 'no_impediment', allowed: false });
    expect(r.signOff.blockers).toEqual([{ key: 'signoff.recommendation_blocked', params: { recommendation: 'no_impediment' } }]);
  });

  it('needs a supervisor signature while an ESC stands, and mitigations while RISK or ESC stand', () => {
    const base = complete().answer('E2', 'yes').recommend('defer');
    expect(base.assess().signOff.blockers.map((b) => b.key)).toEqual([
      'signoff.incomplete', 'signoff.supervisor_review', 'signoff.mitigation',
    ]);
    expect(base.assess().missing.map((m) => m.item)).toEqual(['N5']);
    expect(base.supervisorSigns().mitigation().assess().signOff.ready).toBe(true);
  });

  it('refuses sign-off while an answer is invalid, and says how many', () => {
    const r = complete().recommend('no_impediment').answer('E1', 'perhaps').assess();
    expect(r.errors.map((e) => e.item)).toEqual(['E1']);
    expect(r.signOff.blockers).toContainEqual({ key: 'signoff.invalid_answers', params: { count: 1 } });
    expect(r.signOff.ready).toBe(false);
  });

  it('does not take a one-tap unknown as a supervisor signature', () => {
    const r = complete().answer('F1', 'yes').recommend('defer').unknown('N7').assess();
    expect(r.signOff.blockers.map((b) => b.key)).toContain('signoff.supervisor_review');
  });

  it('needs, for a child case, a supervisor review and the instrument\'s own requirements', () => {
    const child = instrument()
      .predicate('isChild', { item: 'A1', op: 'ageUnder', value: 18 })
      .section('A', 'process', (s) => s.date('A1'))
      .section('L', 'child', (s) => s.ynu('L4', { required: false }).verbatim('L6', { required: false }), { ref: 'isChild' })
      .signOffRequires('child-bia', { ref: 'isChild' }, { item: 'L4', op: 'eq', value: 'yes' })
      .signOffRequires('child-views', { ref: 'isChild' }, { item: 'L6', op: 'answered' })
      .build();
    const boy = scenario(child).answer('A1', '2011-06-01').judgement('medium').recommend('defer');
    expect(boy.assess().signOff.blockers).toEqual([
      { key: 'signoff.supervisor_review' },
      { key: 'signoff.child-bia.reason', source: 'instrument' },
      { key: 'signoff.child-views.reason', source: 'instrument' },
    ]);
    const done = boy.supervisorSigns().answer('L4', 'yes')
      .answer('L6', { original: 'Vreau să rămân la școală.', language: 'ro', translation: 'I want to stay at school.', translatedBy: 'T. Interpreter' });
    expect(done.assess().signOff.ready).toBe(true);
    // The same requirements do not apply to an adult.
    expect(scenario(child).answer('A1', '1990-06-01').judgement().recommend('defer').assess().signOff.ready).toBe(true);
  });
});
