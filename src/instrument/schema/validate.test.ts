import { describe, expect, it } from 'vitest';
import { instrument, type InstrumentBuilder } from '../../../tests/helpers/instrument-builder';
import type { InstrumentInput } from './instrument';
import { InstrumentError, parseInstrument } from './validate';

/** The loader's complaint about a definition (fails the test if it loads). */
function rejection(input: InstrumentInput): string {
  try {
    parseInstrument(input);
  } catch (e) {
    if (e instanceof InstrumentError) return e.message;
    throw e;
  }
  throw new Error('the broken definition was accepted');
}

const base = (): InstrumentBuilder => instrument()
  .section('E', 'debt', (s) => s.ynu('E1').choice('E2', ['bank', 'recruiter']).date('E3'));

describe('parseInstrument', () => {
  it('accepts a valid builder instrument, filling in defaults', () => {
    const inst = parseInstrument(base().rule('E1-debt', 'RISK', { item: 'E1', op: 'eq', value: 'yes' }).input());
    expect(inst.sections.map((s) => s.code)).toEqual(['E', 'N']);
    expect(inst.sections[0]?.items[0]).toMatchObject({ code: 'E1', required: true, allowUnknown: true });
  });

  it('rejects a duplicate item code', () => {
    const input = base().section('F', 'control', (s) => s.ynu('E1')).input();
    expect(rejection(input)).toMatch(/duplicate item code E1/);
  });

  it('rejects a duplicate rule id', () => {
    const input = base()
      .rule('E1-debt', 'RISK', { item: 'E1', op: 'eq', value: 'yes' })
      .rule('E1-debt', 'ESC', { item: 'E1', op: 'eq', value: 'no' })
      .input();
    expect(rejection(input)).toMatch(/duplicate rule id E1-debt/);
  });

  it('rejects a rule or a visibility condition naming a missing item', () => {
    expect(rejection(base().rule('E1-debt', 'RISK', { item: 'E9', op: 'eq', value: 'yes' }).input()))
      .toMatch(/rule E1-debt: condition names missing item E9/);
    const hidden = base().section('F', 'control', (s) => s.ynu('F1', { visibleIf: { item: 'Q1', op: 'answered' } })).input();
    expect(rejection(hidden)).toMatch(/item F1: condition names missing item Q1/);
  });

  it('rejects a reference to an unknown predicate', () => {
    const input = base().section('L', 'child', (s) => s.ynu('L4'), { ref: 'isChlid' }).input();
    expect(rejection(input)).toMatch(/section L: unknown predicate isChlid/);
  });

  it('rejects a visibility cycle between two items', () => {
    const input = instrument().section('F', 'control', (s) => s
      .ynu('F1', { visibleIf: { item: 'F2', op: 'eq', value: 'yes' } })
      .ynu('F2', { visibleIf: { item: 'F1', op: 'eq', value: 'yes' } })).input();
    expect(rejection(input)).toMatch(/visibility cycle: item:F1 -> item:F2 -> item:F1/);
  });

  it('rejects a visibility cycle through a predicate', () => {
    const input = instrument()
      .predicate('isChild', { item: 'A1', op: 'ageUnder', value: 18 })
      .section('A', 'process', (s) => s.date('A1', { visibleIf: { not: { ref: 'isChild' } } }))
      .input();
    expect(rejection(input)).toMatch(/visibility cycle: .*ref:isChild/);
  });

  it('rejects an operator the answer type does not allow', () => {
    expect(rejection(base().rule('E1-young', 'RISK', { item: 'E1', op: 'ageUnder', value: 18 }).input()))
      .toMatch(/operator ageUnder is not allowed for ynu item E1/);
    expect(rejection(base().rule('E2-lender', 'RISK', { item: 'E2', op: 'includes', value: 'bank' }).input()))
      .toMatch(/operator includes is not allowed for choice item E2/);
  });

  it('rejects a comparison with an option the item does not have', () => {
    expect(rejection(base().rule('E2-lender', 'RISK', { item: 'E2', op: 'eq', value: 'loan_shark' }).input()))
      .toMatch(/E2 has no option loan_shark/);
    expect(rejection(base().rule('E1-debt', 'RISK', { item: 'E1', op: 'eq', value: 'maybe' }).input()))
      .toMatch(/E1 has no option maybe/);
  });

  it('rejects a comparison with unknown or declined, which can never hold (review 13, finding 3)', () => {
    for (const value of ['unknown', 'declined']) {
      expect(rejection(base().rule('E1-debt', 'ESC', { item: 'E1', op: 'eq', value }).input()))
        .toMatch(new RegExp(`eq with ${value} never holds .*use the "unknown" operator`));
      expect(rejection(base().rule('E1-debt', 'ESC', { any: [{ item: 'E1', op: 'eq', value: 'no' }, { item: 'E1', op: 'in', value: ['no', value] }] }).input()))
        .toMatch(/in with .* never holds/);
    }
    // The same in a visibility condition, a sign-off requirement and a row condition.
    expect(rejection(base().section('F', 'control', (s) => s.ynu('F1', { visibleIf: { item: 'E1', op: 'neq', value: 'declined' } })).input()))
      .toMatch(/item F1: E1: neq with declined never holds/);
    const rows = instrument().section('L', 'child', (s) => s.rows('LA1', [{ key: 'risk', type: 'ynu' }]))
      .rule('LA1-risk', 'STOP', { item: 'LA1', op: 'anyRow', where: { column: 'risk', op: 'eq', value: 'unknown' } }).input();
    expect(rejection(rows)).toMatch(/rule LA1-risk: LA1.risk: eq with unknown never holds/);
    const badCell = instrument().section('L', 'child', (s) => s.rows('LA1', [{ key: 'risk', type: 'ynu' }]))
      .rule('LA1-risk', 'STOP', { item: 'LA1', op: 'anyRow', where: { column: 'risk', op: 'eq', value: 'maybe' } }).input();
    expect(rejection(badCell)).toMatch(/LA1.risk has no option maybe/);
    // The unknown operator says it instead, and loads.
    expect(() => parseInstrument(base().rule('E1-debt', 'ESC', { item: 'E1', op: 'unknown' }).input())).not.toThrow();
  });

  it('rejects a reserved option code', () => {
    const input = instrument().section('K', 'reception', (s) => s.choice('K3', ['family', 'unknown'])).input();
    expect(rejection(input)).toMatch(/option code "unknown" is reserved/);
  });

  it('rejects a choice item without options', () => {
    const input = base().input();
    const [section] = input.sections;
    if (!section) throw new Error('fixture has a section');
    section.items.push({ code: 'E4', type: 'choice', source: 'practice' });
    expect(rejection(input)).toMatch(/item E4: choice needs options/);
  });

  it('rejects a decision block whose items are missing or of the wrong kind', () => {
    const missing = base().input();
    missing.decision.recommendation = 'N99';
    expect(rejection(missing)).toMatch(/decision.recommendation names missing item N99/);
    const wrongKind = base().input();
    wrongKind.decision.narrative = 'E1';
    expect(rejection(wrongKind)).toMatch(/decision.narrative: E1 must be text/);
    const roles = base().input();
    roles.decision.seniorRoles = ['director'];
    expect(rejection(roles)).toMatch(/seniorRoles: director is not an option of N6.role/);
  });

  it('rejects a recommendation item whose options are not the recommendation codes', () => {
    const input = base().input();
    const decision = input.sections.find((s) => s.code === 'N');
    const n4 = decision?.items.find((i) => i.code === 'N4');
    if (!n4) throw new Error('fixture has N4');
    n4.options = [{ code: 'go' }, { code: 'stay' }];
    expect(rejection(input)).toMatch(/N4 options must be no_impediment/);
  });
});
