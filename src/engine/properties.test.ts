/**
 * Properties the whole product leans on, checked on random answer sets of a builder
 * instrument: ratings only rise with a STOP, unknown on a STOP item never lets "no
 * impediment" through, assess is deterministic, and hidden items are never missing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrument } from '../../tests/helpers/instrument-builder';
import { scenario } from '../../tests/helpers/scenario';
import type { AnswerValue, Answers } from '../instrument/schema';
import { domains } from '../instrument/schema';
import { assess, ratingLevels, type AssessmentResult } from './index';

const yes = (item: string) => ({ item, op: 'eq' as const, value: 'yes' });
const inst = instrument()
  .section('A', 'process', (s) => s.ynu('A1'))
  .section('E', 'debt', (s) => s.ynu('E1').ynu('E2').ynu('E3').ynu('E4'))
  .section('F', 'control', (s) => s.ynu('F1').ynu('F2').ynu('F3', { visibleIf: yes('A1') }))
  .section('G', 'family', (s) => s.ynu('G1').ynu('G2'), { item: 'A1', op: 'neq', value: 'no' })
  .section('H', 'economic', (s) => s.ynu('H1', { required: false }))
  .rule('E1-debt', 'RISK', yes('E1'))
  .rule('E2-interest', 'RISK', yes('E2'))
  .rule('E3-creditor', 'RISK', yes('E3'))
  .rule('E4-bondage', 'STOP', yes('E4'))
  .rule('F1-contact', 'ESC', yes('F1'))
  .rule('F2-location', 'STOP', yes('F2'), { onUnknown: 'STOP' })
  .rule('F3-threats', 'STOP', yes('F3'))
  .rule('G1-family-debt', 'RISK', yes('G1'))
  .rule('G2-family-role', 'STOP', yes('G2'))
  .rule('H1-note', 'INFO', yes('H1'))
  .build();

const questionCodes = ['A1', 'E1', 'E2', 'E3', 'E4', 'F1', 'F2', 'F3', 'G1', 'G2', 'H1'];
const stopItems = ['E4', 'F2', 'F3', 'G2'] as const;

const answerArb: fc.Arbitrary<AnswerValue | undefined> = fc.oneof(
  fc.constantFrom('yes', 'no', 'unknown', 'declined'),
  fc.constant({ special: 'unknown' as const }),
  fc.constant(undefined),
);

/** Random answers to the questions, and sometimes a judgement, a choice, an override and signatures. */
const scenarioArb = fc.record({
  values: fc.array(answerArb, { minLength: questionCodes.length, maxLength: questionCodes.length }),
  decided: fc.boolean(),
  recommendation: fc.constantFrom('no_impediment', 'proceed_with_conditions', 'defer', 'not_recommended' as const),
  override: fc.boolean(),
  signed: fc.boolean(),
});
type Drawn = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function build(d: Drawn) {
  const s = scenario(inst);
  questionCodes.forEach((code, i) => {
    const v = d.values[i];
    if (v !== undefined) s.answer(code, v);
  });
  if (d.decided) s.judgement('high').recommend(d.recommendation).mitigation();
  if (d.override) s.override();
  if (d.signed) s.supervisorSigns();
  return s;
}

const rank = (r: AssessmentResult['overall']) => ratingLevels.indexOf(r.level);

describe('engine properties', () => {
  it('never lowers any rating when a STOP answer is added', () => {
    fc.assert(fc.property(scenarioArb, fc.constantFrom(...stopItems), (d, stop) => {
      const before = build(d).assess();
      const after = build(d).answer(stop, 'yes').assess();
      for (const domain of domains) expect(rank(after.ratings[domain])).toBeGreaterThanOrEqual(rank(before.ratings[domain]));
      expect(rank(after.overall)).toBeGreaterThanOrEqual(rank(before.overall));
    }));
  });

  it('never allows no impediment while a visible STOP item is answered unknown or declined', () => {
    const unknownArb = fc.constantFrom<AnswerValue>('unknown', 'declined', { special: 'declined' });
    fc.assert(fc.property(scenarioArb, fc.constantFrom(...stopItems), unknownArb, (d, stop, unknown) => {
      const r = build(d).answer(stop, unknown).assess();
      if (!r.visibleItems.includes(stop)) return;
      expect(r.recommendations.allowed).not.toContain('no_impediment');
      if (r.chosen.recommendation === 'no_impediment') expect(r.signOff.ready).toBe(false);
    }));
  });

  it('is deterministic, whatever the order of the answers', () => {
    fc.assert(fc.property(scenarioArb, (d) => {
      const answers = build(d).answersSoFar();
      const reversed: Answers = Object.fromEntries(Object.entries(answers).reverse());
      const first = assess(inst, answers, { now: '2026-11-27' });
      expect(assess(inst, answers, { now: '2026-11-27' })).toEqual(first);
      expect(JSON.stringify(assess(inst, reversed, { now: '2026-11-27' }))).toBe(JSON.stringify(first));
    }));
  });

  it('never lists a hidden item as missing', () => {
    fc.assert(fc.property(scenarioArb, (d) => {
      const r = build(d).assess();
      for (const m of r.missing) expect(r.visibleItems).toContain(m.item);
      for (const section of r.sections) if (!section.visible) expect(section.missing).toEqual([]);
    }));
  });
});
