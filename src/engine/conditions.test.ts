import { describe, expect, it } from 'vitest';
import { instrument } from '../../tests/helpers/instrument-builder';
import type { AnswerValue, Answers, Condition } from '../instrument/schema';
import { evaluateCondition, isAnswered, isUnknownAnswer } from './index';

// One fixture with an item of every comparable type.
const inst = instrument()
  .section('A', 'process', (s) => s
    .ynu('A1')
    .choice('A2', ['bus', 'plane', 'boat'])
    .multi('A3', ['cash', 'phone', 'passport'])
    .number('A4')
    .scale('A5', 0, 10)
    .date('A6')
    .text('A7')
    .rows('A8', [
      { key: 'status', type: 'choice', options: [{ code: 'open' }, { code: 'done' }] },
      { key: 'days', type: 'number', required: false },
    ]))
  .build();

const holds = (answers: Answers, cond: Condition, now = '2026-11-27') => evaluateCondition(inst, answers, cond, { now });

describe('comparison operators on real answers', () => {
  it.each<[string, Answers, Condition, boolean]>([
    ['eq matches the same ynu answer', { A1: 'yes' }, { item: 'A1', op: 'eq', value: 'yes' }, true],
    ['eq does not match another answer', { A1: 'no' }, { item: 'A1', op: 'eq', value: 'yes' }, false],
    ['neq matches a different choice', { A2: 'bus' }, { item: 'A2', op: 'neq', value: 'plane' }, true],
    ['neq is false on the same choice', { A2: 'plane' }, { item: 'A2', op: 'neq', value: 'plane' }, false],
    ['in matches a listed choice', { A2: 'boat' }, { item: 'A2', op: 'in', value: ['bus', 'boat'] }, true],
    ['in rejects an unlisted choice', { A2: 'plane' }, { item: 'A2', op: 'in', value: ['bus', 'boat'] }, false],
    ['includes needs every value', { A3: ['cash', 'phone'] }, { item: 'A3', op: 'includes', value: ['cash', 'passport'] }, false],
    ['includes with a single value', { A3: ['cash', 'phone'] }, { item: 'A3', op: 'includes', value: 'phone' }, true],
    ['includesAny needs one value', { A3: ['phone'] }, { item: 'A3', op: 'includesAny', value: ['cash', 'phone'] }, true],
    ['includesAny with none of them', { A3: ['passport'] }, { item: 'A3', op: 'includesAny', value: ['cash', 'phone'] }, false],
    ['excludesAll with none of them', { A3: ['passport'] }, { item: 'A3', op: 'excludesAll', value: ['cash', 'phone'] }, true],
    ['excludesAll with one of them', { A3: ['cash'] }, { item: 'A3', op: 'excludesAll', value: ['cash', 'phone'] }, false],
    ['lt below', { A4: 2 }, { item: 'A4', op: 'lt', value: 3 }, true],
    ['lt at the bound', { A4: 3 }, { item: 'A4', op: 'lt', value: 3 }, false],
    ['lte at the bound', { A4: 3 }, { item: 'A4', op: 'lte', value: 3 }, true],
    ['gt above', { A5: 8 }, { item: 'A5', op: 'gt', value: 7 }, true],
    ['gt at the bound', { A5: 7 }, { item: 'A5', op: 'gt', value: 7 }, false],
    ['gte at the bound', { A5: 7 }, { item: 'A5', op: 'gte', value: 7 }, true],
    ['eq on a number', { A4: 0 }, { item: 'A4', op: 'eq', value: 0 }, true],
    ['answered on text', { A7: 'words' }, { item: 'A7', op: 'answered' }, true],
    ['answered on blank text', { A7: '   ' }, { item: 'A7', op: 'answered' }, false],
    ['rowCountGte counts rows', { A8: [{ status: 'open' }, { status: 'done' }] }, { item: 'A8', op: 'rowCountGte', value: 2 }, true],
    ['rowCountGte with too few rows', { A8: [{ status: 'open' }] }, { item: 'A8', op: 'rowCountGte', value: 2 }, false],
    ['anyRow finds a matching row', { A8: [{ status: 'done' }, { status: 'open' }] },
      { item: 'A8', op: 'anyRow', where: { column: 'status', op: 'eq', value: 'open' } }, true],
    ['anyRow with no matching row', { A8: [{ status: 'done' }] },
      { item: 'A8', op: 'anyRow', where: { column: 'status', op: 'eq', value: 'open' } }, false],
    ['anyRow numeric cell', { A8: [{ status: 'open', days: 40 }] },
      { item: 'A8', op: 'anyRow', where: { column: 'days', op: 'gt', value: 30 } }, true],
    ['anyRow blank cell is not answered', { A8: [{ status: 'open', days: null }] },
      { item: 'A8', op: 'anyRow', where: { column: 'days', op: 'answered' } }, false],
  ])('%s', (_name, answers, cond, expected) => {
    expect(holds(answers, cond)).toBe(expected);
  });
});

describe('unknown and unanswered never match a comparison', () => {
  it.each<[string, Answers, Condition]>([
    ['eq on ynu unknown', { A1: 'unknown' }, { item: 'A1', op: 'eq', value: 'unknown' }],
    ['neq on ynu declined', { A1: 'declined' }, { item: 'A1', op: 'neq', value: 'yes' }],
    ['neq on a special choice', { A2: { special: 'unknown' } }, { item: 'A2', op: 'neq', value: 'bus' }],
    ['in on a special choice', { A2: { special: 'declined' } }, { item: 'A2', op: 'in', value: ['bus'] }],
    ['excludesAll on a special multi', { A3: { special: 'unknown' } }, { item: 'A3', op: 'excludesAll', value: ['cash'] }],
    ['lt on a special number', { A4: { special: 'unknown' } }, { item: 'A4', op: 'lt', value: 100 }],
    ['ageUnder on a special date', { A6: { special: 'declined' } }, { item: 'A6', op: 'ageUnder', value: 18 }],
    ['neq on an unanswered item', {}, { item: 'A1', op: 'neq', value: 'yes' }],
    ['excludesAll on an unanswered item', {}, { item: 'A3', op: 'excludesAll', value: ['cash'] }],
  ])('%s', (_name, answers, cond) => {
    expect(holds(answers, cond)).toBe(false);
  });

  it('sees unknown and declined through the unknown operator', () => {
    expect(holds({ A1: 'declined' }, { item: 'A1', op: 'unknown' })).toBe(true);
    expect(holds({ A4: { special: 'unknown' } }, { item: 'A4', op: 'unknown' })).toBe(true);
    expect(holds({ A1: 'no' }, { item: 'A1', op: 'unknown' })).toBe(false);
  });

  it('does not take a text answer that reads "unknown" for an unknown answer', () => {
    expect(holds({ A7: 'unknown' }, { item: 'A7', op: 'unknown' })).toBe(false);
    expect(isUnknownAnswer('unknown', 'text')).toBe(false);
    expect(isUnknownAnswer('unknown', 'ynu')).toBe(true);
  });
});

describe('dates relative to now', () => {
  it('counts age in full years: the eve of an 18th birthday is still a child', () => {
    expect(holds({ A6: '2008-11-28' }, { item: 'A6', op: 'ageUnder', value: 18 })).toBe(true);
    expect(holds({ A6: '2008-11-27' }, { item: 'A6', op: 'ageUnder', value: 18 })).toBe(false);
    expect(holds({ A6: '2008-11-27' }, { item: 'A6', op: 'ageAtLeast', value: 18 })).toBe(true);
  });

  it('reaches a 29 February birthday on 1 March in a common year', () => {
    const dob: Answers = { A6: '2008-02-29' };
    expect(holds(dob, { item: 'A6', op: 'ageAtLeast', value: 18 }, '2026-02-28')).toBe(false);
    expect(holds(dob, { item: 'A6', op: 'ageAtLeast', value: 18 }, '2026-03-01')).toBe(true);
  });

  it('withinDays includes both ends of the window and nothing in the future', () => {
    const within = (date: string) => holds({ A6: date }, { item: 'A6', op: 'withinDays', value: 30 });
    expect(within('2026-10-28')).toBe(true);
    expect(within('2026-11-27')).toBe(true);
    expect(within('2026-10-27')).toBe(false);
    expect(within('2026-11-28')).toBe(false);
  });

  it('moreThanDaysAhead is strictly after now + N days', () => {
    const ahead = (date: string) => holds({ A6: date }, { item: 'A6', op: 'moreThanDaysAhead', value: 14 });
    expect(ahead('2026-12-11')).toBe(false);
    expect(ahead('2026-12-12')).toBe(true);
  });

  it('takes the calendar day written in a date-time now, without time-zone conversion', () => {
    const cond: Condition = { item: 'A6', op: 'withinDays', value: 0 };
    expect(holds({ A6: '2026-11-27' }, cond, '2026-11-27T23:30:00-05:00')).toBe(true);
    expect(holds({ A6: '2026-11-27' }, cond, '2026-11-28T00:30:00+02:00')).toBe(false);
  });

  it('never matches an impossible date', () => {
    expect(holds({ A6: '2026-02-30' }, { item: 'A6', op: 'withinDays', value: 400 })).toBe(false);
  });

  it('refuses a now that is not an ISO date', () => {
    expect(() => holds({}, { item: 'A1', op: 'answered' }, '27/11/2026')).toThrow(/ISO date/);
  });
});

describe('isAnswered', () => {
  it.each<[string, AnswerValue | null, boolean]>([
    ['blank text', '  ', false],
    ['null', null, false],
    ['an empty multi', [], false],
    ['zero', 0, true],
    ['a special unknown', { special: 'unknown' }, true],
    ['verbatim without the original words', { original: '', language: 'ro', translation: 'x', translatedBy: 'y' }, false],
    ['verbatim with the original words', { original: 'Vreau acasă', language: 'ro', translation: '', translatedBy: '' }, true],
    ['a signature without a name', { name: ' ', role: 'supervisor', date: '2026-11-27' }, false],
    ['a signature with a name', { name: 'S. Visor', role: 'supervisor', date: '2026-11-27' }, true],
  ])('%s → %s', (_name, value, expected) => {
    expect(isAnswered(value)).toBe(expected);
  });
});
