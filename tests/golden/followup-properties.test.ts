/**
 * Properties of the follow-up instrument (homeward-followup v1) over arbitrary answers, on the
 * real definition: the escalation rule of issue 17 (contact, threats or suspected re-exploitation
 * always raise a STOP alert naming the plan's escalation steps, whatever else was answered), the
 * alert stands exactly when a STOP does and names an action for every STOP, an unknown or declined
 * answer never becomes a "no" outcome, and scores stay between 0 and 1 or are absent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessFollowUp } from '../../src/engine';
import { getFollowUpInstrument, type AnswerValue, type Answers, type Item } from '../../src/instrument';

const inst = getFollowUpInstrument('homeward-followup', 1);
const NOW = '2027-06-01';
const PLAN = { escalation: 'Escalation steps (fictional).', lostContact: 'Lost-contact protocol (fictional).' };
const items = inst.sections.flatMap((s) => s.items);
const byCode = new Map(items.map((i) => [i.code, i] as const));

/** Any answer an item could be given in the wizard (or none), unknown and declined included. */
function answerArb(item: Item): fc.Arbitrary<AnswerValue | undefined> {
  const special = fc.constantFrom<AnswerValue>({ special: 'unknown' }, { special: 'declined' });
  const codes = (item.options ?? []).map((o) => o.code);
  const some = (arb: fc.Arbitrary<AnswerValue>) => fc.option(arb, { nil: undefined });
  switch (item.type) {
    case 'ynu': return some(fc.constantFrom('yes', 'no', 'unknown', 'declined'));
    case 'choice': return some(fc.oneof(fc.constantFrom(...codes), special));
    case 'multi': return some(fc.oneof(fc.subarray(codes, { minLength: 1 }), special));
    case 'number': return some(fc.integer({ min: item.min ?? 0, max: item.max ?? 100 }));
    case 'date': return fc.constant('2027-06-01');
    default: return some(fc.constant('Fictional note.'));
  }
}

const answersArb: fc.Arbitrary<Answers> = fc.record(Object.fromEntries(items.map((i) => [i.code, answerArb(i)])))
  .map((a): Answers => Object.fromEntries(Object.entries(a).filter((e): e is [string, AnswerValue] => e[1] !== undefined)));

const run = (answers: Answers) => assessFollowUp(inst, answers, { now: NOW, plan: PLAN });

describe('homeward-followup v1 over arbitrary answers', () => {
  it('contact, threats or suspected re-exploitation always raise a STOP alert naming the escalation steps', () => {
    const heard = fc.constantFrom<Answers>({ A5: 'reached', A6: 'yes' }, { A5: 'reached_through_others', A8: 'no' });
    const trigger = fc.constantFrom<[string, string]>(['C1', 'C1-trafficker-contact'], ['C2', 'C2-threats'], ['D1', 'D1-suspected-re-exploitation']);
    fc.assert(fc.property(answersArb, heard, trigger, (answers, contact, [item, rule]) => {
      const r = run({ ...answers, ...contact, [item]: 'yes' });
      expect(r.alert?.level).toBe('STOP');
      expect(r.alert?.rules).toContain(rule);
      const escalation = r.alert?.actions.find((a) => a.plan === 'escalation');
      expect(escalation?.rules).toContain(rule);
      expect(escalation?.steps).toBe(PLAN.escalation);
    }), { numRuns: 200 });
  });

  it('has an alert exactly when a STOP stands, with an action for every STOP, and scores within 0–1', () => {
    fc.assert(fc.property(answersArb, (answers) => {
      const r = run(answers);
      const stops = r.flags.filter((f) => f.level === 'STOP').map((f) => f.ruleId);
      expect(r.alert !== null).toBe(stops.length > 0);
      const named = new Set(r.alert?.actions.flatMap((a) => a.rules) ?? []);
      for (const id of stops) expect(named.has(id), `${id} has no action`).toBe(true);
      for (const s of Object.values(r.scores?.dimensions ?? {})) {
        if (s.score !== null) expect(s.score >= 0 && s.score <= 1 && s.answered / s.of >= inst.followUp.scores.minAnswered).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('codes every outcome with a value it can have, and never turns an unknown or declined answer into "no"', () => {
    fc.assert(fc.property(answersArb, (answers) => {
      const r = run(answers);
      for (const o of inst.followUp.outcomes) {
        const value = r.outcomes[o.code];
        const allowed = 'item' in o ? [...(byCode.get(o.item)?.options ?? []).map((x) => x.code), 'unknown', 'not_asked'] : ['yes', 'no', 'unknown', 'not_asked'];
        expect(allowed).toContain(value);
      }
      // An item-coded outcome read from an unknown or declined answer is "unknown".
      for (const o of inst.followUp.outcomes) {
        if (!('item' in o) || !r.visibleItems.includes(o.item)) continue;
        const a = answers[o.item];
        if (typeof a === 'object' && a !== null && 'special' in a) expect(r.outcomes[o.code]).toBe('unknown');
      }
    }), { numRuns: 300 });
  });

  it('a yes/no outcome read from one question is "unknown", not "no", when that question is declined', () => {
    const base: Answers = { A1: 'm1', A5: 'reached', A6: 'yes', A7: 'no', B1: 'yes', B2: 'yes', C1: 'no', C2: 'no', C3: 'no', D1: 'no', D2: 'no', D3: 'none' };
    const single: [string, string, string][] = [['B1', 'arrived_safely', 'yes'], ['B2', 'living_at_agreed_address', 'yes'], ['C3', 'debt_demand', 'no'], ['A6', 'declined_follow_up', 'no']];
    for (const [item, outcome, answered] of single) {
      expect(run(base).outcomes[outcome], outcome).toBe(answered);
      for (const special of ['unknown', 'declined']) expect(run({ ...base, [item]: special }).outcomes[outcome], `${item} ${special}`).toBe('unknown');
    }
    for (const item of ['C1', 'C2']) expect(run({ ...base, [item]: 'declined' }).outcomes.trafficker_contact_or_threats).toBe('unknown');
  });
});
