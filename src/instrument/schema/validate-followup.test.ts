import { describe, expect, it } from 'vitest';
import followUpV1 from '../definitions/homeward-followup/v1/instrument.json';
import returnV2 from '../definitions/homeward-return/v2/instrument.json';
import type { FollowUpInstrument } from './followup';
import { InstrumentError, parseInstrument } from './validate';
import { parseFollowUpInstrument } from './validate-followup';

const shipped = parseFollowUpInstrument(followUpV1);

/** A deep copy of the shipped follow-up definition with one change. */
function changed(change: (d: FollowUpInstrument) => void): unknown {
  const copy = structuredClone(shipped);
  change(copy);
  return copy;
}

function nth<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`no element ${String(i)}`);
  return x;
}
const dimension = (d: FollowUpInstrument, i: number) => nth(d.followUp.scores.dimensions, i);
const scored = (d: FollowUpInstrument, i: number, j: number) => nth(dimension(d, i).items, j);

const problemsOf = (input: unknown): string[] => {
  try {
    parseFollowUpInstrument(input);
    return [];
  } catch (e) {
    if (e instanceof InstrumentError) return e.problems;
    throw e;
  }
};

describe('loading a follow-up instrument', () => {
  it('loads the shipped homeward-followup v1', () => {
    expect(parseFollowUpInstrument(followUpV1).followUp.outcomes.length).toBeGreaterThanOrEqual(12);
  });

  it('is never taken for an assessment, and an assessment never for a follow-up', () => {
    expect(() => parseInstrument(followUpV1)).toThrow(InstrumentError);
    expect(problemsOf(returnV2).join('\n')).toMatch(/kind/);
    expect(problemsOf(Object.fromEntries(Object.entries(shipped).filter(([key]) => key !== 'kind'))).join('\n')).toMatch(/kind/);
  });

  it('refuses scores that leave an option without points, or give points to one it does not have', () => {
    expect(problemsOf(changed((d) => { delete scored(d, 0, 0).points.neither; }))).toEqual([
      'scores.economic: S1 must give points to exactly its options (satisfied, neither, dissatisfied)',
    ]);
    expect(problemsOf(changed((d) => { scored(d, 1, 2).points.maybe = 1; }))[0]).toMatch(/S7 must give points to exactly its options \(yes, no\)/);
    expect(problemsOf(changed((d) => { scored(d, 0, 0).points.satisfied = 2; }))[0]).toMatch(/points/);
  });

  it('refuses a scored text item, an item scored twice, and bands that do not start at 0 and rise', () => {
    expect(problemsOf(changed((d) => { dimension(d, 0).items[0] = { item: 'H1', points: {} }; }))).toContain('scores.economic: H1 must be a choice or yes/no item');
    expect(problemsOf(changed((d) => { dimension(d, 1).items.push(scored(d, 0, 0)); }))).toContain('scores: an item is scored twice');
    expect(problemsOf(changed((d) => { nth(d.followUp.scores.bands, 1).from = 0; }))).toContain('scores.bands must start at 0 and rise');
  });

  it('refuses outcomes on missing items or twice declared, a lost-contact rule that does not exist, a check item that is not a choice', () => {
    expect(problemsOf(changed((d) => { d.followUp.outcomes[0] = { code: 'arrived_safely', yes: { item: 'Z9', op: 'eq', value: 'yes' }, no: { item: 'B1', op: 'eq', value: 'no' } }; }))).toContain('outcome arrived_safely (yes): condition names missing item Z9');
    expect(problemsOf(changed((d) => { d.followUp.outcomes.push(nth(d.followUp.outcomes, 0)); }))).toContain('outcome arrived_safely is declared twice');
    expect(problemsOf(changed((d) => { d.followUp.outcomes[3] = { code: 'income_source', item: 'A2' }; }))).toContain('outcome income_source: A2 must be a choice item');
    expect(problemsOf(changed((d) => { d.followUp.lostContactRules.push('A5-nobody'); }))).toContain('followUp.lostContactRules: no rule A5-nobody');
    expect(problemsOf(changed((d) => { d.followUp.check = 'A2'; }))).toContain('followUp.check: A2 must be a choice item');
  });

  it('applies the checks every instrument gets (here: a rule naming a missing item)', () => {
    expect(problemsOf(changed((d) => { nth(d.rules, 0).when = { item: 'Q1', op: 'eq', value: 'yes' }; }))).toContain('rule A5-child-contact-lost: condition names missing item Q1');
  });
});
