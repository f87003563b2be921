/**
 * The version-2 decision on fixture instruments: mitigations that name the flags they cover,
 * review routing separate from severity, confidence instead of risk for process quality, and a
 * sign-off with a date that lapses to "pending re-check".
 */
import { describe, expect, it } from 'vitest';
import { instrument, SIGNOFF_VALID_DAYS } from '../../tests/helpers/instrument-builder';
import { scenario } from '../../tests/helpers/scenario';

const yes = (item: string) => ({ item, op: 'eq' as const, value: 'yes' });
const inst = instrument().v2()
  .section('A', 'process', (s) => s.ynu('A1').ynu('A2'))
  .section('E', 'debt', (s) => s.ynu('E1').ynu('E2'))
  .section('F', 'control', (s) => s.ynu('F1').ynu('F2').ynu('F3'))
  .section('L', 'child', (s) => s.ynu('L1'))
  .rule('A1-no-training', 'ESC', yes('A1'), { confidence: 'moderate' })
  .rule('A2-linked-person-present', 'STOP', yes('A2'), { hard: true, confidence: 'unreliable', severity: 'low' })
  .rule('E1-debt', 'RISK', yes('E1'))
  .rule('E2-bank-demand', 'ESC', yes('E2'), { severity: 'medium' })
  .rule('F1-threats', 'STOP', yes('F1'), { next: 'safety_plan' })
  .rule('F2-phone', 'RISK', yes('F2'))
  .rule('F3-guardian-not-consulted', 'ESC', yes('F3'), { severity: 'low', review: 'multi_agency' })
  .rule('L1-info', 'INFO', yes('L1'))
  .build();

const clean = { A1: 'no', A2: 'no', E1: 'no', E2: 'no', F1: 'no', F2: 'no', F3: 'no', L1: 'no', N2: '2026-12-15' };
const base = () => scenario(inst).assessor('A. Assessor (fictional)').answers(clean).judgement('medium');
const noImpediment = (r: ReturnType<ReturnType<typeof base>['assess']>) =>
  r.recommendations.blocked.find((b) => b.recommendation === 'no_impediment')?.reasons.map((x) => x.key) ?? [];

describe('mitigations that name the flags they cover', () => {
  it('lets a covered RISK through to "no impediment"', () => {
    const open = base().answer('E1', 'yes').assess();
    expect(noImpediment(open)).toEqual(['gating.uncovered_risk', 'gating.incomplete']);
    const covered = base().answer('E1', 'yes').mitigate(['E1-debt']).assess();
    expect(covered.flags[0]).toMatchObject({ ruleId: 'E1-debt', covered: true });
    expect(covered.recommendations.allowed).toContain('no_impediment');
  });

  it('needs a row for each flag: a row naming one RISK does not cover another', () => {
    const r = base().answers({ E1: 'yes', F2: 'yes' }).mitigate(['E1-debt']).recommend('proceed_with_conditions').supervisorSigns().assess();
    expect(noImpediment(r)).toEqual(['gating.uncovered_risk']);
    expect(r.signOff.blockers).toEqual([{ key: 'signoff.uncovered', params: { count: 1, rules: 'F2-phone' }, contentLists: { rules: ['rule.F2-phone.reason'] } }]);
  });

  it('counts an accepted risk with its reason as an answer, but not an incomplete measure', () => {
    expect(base().answer('F2', 'yes').mitigate(['F2-phone'], 'accept').assess().flags[0]?.covered).toBe(true);
    const noOwner = base().answer('F2', 'yes').answer('N5', [{ flags: 'F2-phone', response: 'mitigate', action: 'New SIM card', owner: '' }]).assess();
    expect(noOwner.flags[0]?.covered).toBe(false);
    expect(noOwner.errors).toEqual([{ item: 'N5', key: 'validation.required_column', params: { column: 'owner' }, row: 0, column: 'owner' }]);
  });

  it('refuses a row that names a rule the questionnaire does not have', () => {
    const r = base().answer('F2', 'yes').answer('N5', [{ flags: 'F2-phone X9-made-up', response: 'accept', action: 'Reason', owner: null }]).assess();
    expect(r.errors).toEqual([{ item: 'N5', key: 'validation.unknown_flag', params: { value: 'X9-made-up' }, row: 0, column: 'flags' }]);
    expect(r.flags[0]?.covered).toBe(false);
  });

  it('still blocks "no impediment" for a covered ESC (it needs review and conditions)', () => {
    const r = base().answer('E2', 'yes').mitigate(['E2-bank-demand']).assess();
    expect(noImpediment(r)).toEqual(['gating.escalation']);
  });
});

describe('severity, review routing and confidence', () => {
  it('rates a review-routing ESC by its own severity, not as high', () => {
    const r = base().answer('E2', 'yes').assess();
    expect(r.flags[0]).toMatchObject({ level: 'ESC', severity: 'medium', review: 'supervisor' });
    expect(r.ratings.debt.level).toBe('medium');
    const low = base().answer('F3', 'yes').assess();
    expect(low.ratings.control).toMatchObject({ level: 'low', explanation: { key: 'rating.minor', params: { count: 1 } } });
  });

  it('asks for a multi-agency review where a flag is routed to one', () => {
    const r = base().answer('F3', 'yes').mitigate(['F3-guardian-not-consulted']).recommend('proceed_with_conditions').supervisorSigns().assess();
    expect(r.signOff.blockers).toEqual([{ key: 'signoff.multi_agency_review', params: { rules: 'F3-guardian-not-consulted' }, contentLists: { rules: ['rule.F3-guardian-not-consulted.reason'] } }]);
    expect(base().answer('F3', 'yes').mitigate(['F3-guardian-not-consulted']).answer('N8', 'yes').recommend('proceed_with_conditions')
      .supervisorSigns().assess().signOff.ready).toBe(true);
  });

  it('lowers the confidence, not the risk rating, for a process-quality flag', () => {
    const r = base().answer('A1', 'yes').assess();
    expect(r.ratings.process.level).toBe('low');
    expect(r.overall.level).toBe('low');
    expect(r.confidence).toEqual({ level: 'moderate', flags: ['A1-no-training'], explanation: { key: 'confidence.moderate', params: { count: 1 } } });
  });

  it('marks findings of low risk unconfirmed when the interview was compromised, and blocks proceeding', () => {
    const r = base().answer('A2', 'yes').assess();
    expect(r.confidence?.level).toBe('unreliable');
    expect(r.ratings.debt.explanation.key).toBe('rating.none_unconfirmed');
    expect(r.recommendations.allowed).toEqual(['defer', 'not_recommended']);
    expect(scenario(inst).answers(clean).assess().confidence).toEqual({ level: 'high', flags: [], explanation: { key: 'confidence.none' } });
  });

  it('carries the next step a rule names', () => {
    expect(base().answer('F1', 'yes').assess().flags[0]?.next).toBe('safety_plan');
  });

  it('refuses a supervisor signature in the assessor\'s own name', () => {
    const r = base().answer('E2', 'yes').mitigate(['E2-bank-demand']).recommend('proceed_with_conditions').supervisorSigns('A. ASSESSOR (fictional)').assess();
    expect(r.signOff.blockers).toEqual([{ key: 'signoff.supervisor_is_assessor' }]);
  });
});

describe('sign-off with a date', () => {
  const signable = () => base().answer('F2', 'yes').mitigate(['F2-phone']).recommend('no_impediment');

  it('is ready, then signed once recorded, with each STOP item confirmed on the sign-off date', () => {
    expect(signable().assess().signOff.state).toBe('ready');
    const signed = signable().signOff('2026-11-27').assess().signOff;
    expect(signed).toMatchObject({ ready: true, state: 'signed', signedOn: '2026-11-27', changedSince: [] });
    expect(signed.confirmations).toEqual(['A2', 'F1'].map((item) => ({ item, date: '2026-11-27' })));
  });

  it('goes to pending re-check when a STOP-relevant answer changes afterwards, and back when it is restored', () => {
    const changed = signable().signOff().answer('F1', 'unknown').assess();
    expect(changed.signOff).toMatchObject({ ready: false, state: 'pending_recheck', changedSince: ['F1'] });
    expect(changed.signOff.blockers).toContainEqual({ key: 'signoff.lapsed_changed', params: { items: 'F1', count: 1 }, contentLists: { items: ['item.F1.label'] } });
    expect(signable().signOff().answer('F1', 'unknown').answer('F1', 'no').assess().signOff.state).toBe('signed');
  });

  it('does not lapse when an answer no STOP reads changes', () => {
    expect(signable().signOff().answer('L1', 'yes').assess().signOff.state).toBe('signed');
  });

  it(`lapses when departure is more than ${String(SIGNOFF_VALID_DAYS)} days after sign-off`, () => {
    const late = signable().signOff('2026-11-01').answer('N2', '2026-12-15').assess().signOff;
    expect(late.state).toBe('pending_recheck');
    expect(late.blockers).toEqual([{ key: 'signoff.lapsed_departure', params: { days: SIGNOFF_VALID_DAYS, count: 44 } }]);
    expect(signable().signOff('2026-11-15').answer('N2', '2026-12-15').assess().signOff.state).toBe('signed');
  });
});
