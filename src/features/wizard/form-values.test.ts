import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers, Item, ItemInput } from './test-items';
import { item } from './test-items';
import { fieldName, itemCode, mergeAnswers, sectionFormValues, toAnswer, toFormField } from './form-values';

const cases: [Partial<ItemInput>, AnswerValue][] = [
  [{ type: 'ynu' }, 'yes'],
  [{ type: 'ynu' }, 'declined'],
  [{ type: 'choice', options: [{ code: 'a' }, { code: 'b' }] }, 'b'],
  [{ type: 'choice', options: [{ code: 'a' }] }, { special: 'unknown' }],
  [{ type: 'multi', options: [{ code: 'a' }, { code: 'b' }] }, ['a', 'b']],
  [{ type: 'number' }, 3.5],
  [{ type: 'number' }, 0],
  [{ type: 'scale', min: 0, max: 10 }, 7],
  [{ type: 'date' }, '2024-02-29'],
  [{ type: 'text' }, '  spaced words  '],
  [{ type: 'text' }, { special: 'declined' }],
  [{ type: 'verbatim' }, { original: 'Je veux rentrer', language: 'fr', translation: 'I want to go home', translatedBy: 'interpreter' }],
  [{ type: 'signature' }, { name: 'A. Worker', role: 'caseworker', date: '2025-01-02' }],
  [
    { type: 'rows', columns: [{ key: 'action', type: 'text', required: true }, { key: 'cost', type: 'number', required: false }] },
    [{ action: 'Call partner', cost: 12 }, { action: null, cost: null }],
  ],
];

describe('answer ↔ form value', () => {
  it.each(cases)('round-trips %j → %j', (shape, answer) => {
    const it0 = item(shape);
    expect(toAnswer(it0, toFormField(it0, answer))).toEqual(answer);
  });

  it('treats blank values as unanswered', () => {
    expect(toAnswer(item({ type: 'text' }), { value: '', special: '' })).toBeUndefined();
    expect(toAnswer(item({ type: 'multi', options: [{ code: 'a' }] }), { value: [], special: '' })).toBeUndefined();
    expect(toAnswer(item({ type: 'verbatim' }), toFormField(item({ type: 'verbatim' }), undefined))).toBeUndefined();
    expect(toAnswer(item({ type: 'rows', columns: [{ key: 'a', type: 'text', required: true }] }), { value: [], special: '' })).toBeUndefined();
  });

  it('stores unknown/declined of a non-ynu item as a special answer, ynu as its own value', () => {
    expect(toAnswer(item({ type: 'date' }), { value: '2020-01-01', special: 'unknown' })).toEqual({ special: 'unknown' });
    expect(toFormField(item({ type: 'ynu' }), { special: 'declined' })).toEqual({ value: 'declined', special: '' });
  });

  it('parses numbers typed with a decimal comma and ignores text', () => {
    expect(toAnswer(item({ type: 'number' }), { value: '2,5', special: '' })).toBe(2.5);
    expect(toAnswer(item({ type: 'number' }), { value: 'abc', special: '' })).toBeUndefined();
  });

  it('escapes the dot of sub-item codes for react-hook-form', () => {
    expect(fieldName('E3.amount')).toBe('E3~amount');
    expect(itemCode(fieldName('E3.amount'))).toBe('E3.amount');
  });
});

describe('mergeAnswers', () => {
  const a = item({ code: 'A1', type: 'text' });
  const b = item({ code: 'A2', type: 'number' });
  const items: Item[] = [a, b];

  it('keeps other sections, hidden items and untouched odd shapes byte for byte', () => {
    const base: Answers = { Z9: 'elsewhere', A1: 'old', A2: 'not-a-number-stored' };
    const initial = sectionFormValues(items, base);
    const values = { ...initial, [fieldName('A1')]: { value: 'new', special: '' } };
    expect(mergeAnswers(items, base, values, base)).toEqual({ Z9: 'elsewhere', A1: 'new', A2: 'not-a-number-stored' });
  });

  it('restores the stored answer when an edit is undone', () => {
    const opened: Answers = { A2: 'odd' };
    const edited = mergeAnswers(items, opened, { [fieldName('A2')]: { value: '5', special: '' } }, opened);
    expect(edited).toEqual({ A2: 5 });
    const undone = mergeAnswers(items, edited, sectionFormValues(items, opened), opened);
    expect(undone).toEqual({ A2: 'odd' });
  });

  it('removes an answer the caseworker cleared', () => {
    const base: Answers = { A1: 'old' };
    const initial = sectionFormValues(items, base);
    const values = { ...initial, [fieldName('A1')]: { value: '', special: '' } };
    expect(mergeAnswers(items, base, values, base)).toEqual({});
  });
});
