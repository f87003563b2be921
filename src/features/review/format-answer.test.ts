import { describe, expect, it } from 'vitest';
import { itemSchema, type Item } from '../../instrument';
import { formatAnswer, type Translate } from './format-answer';

// Echoes the key and its parameters, so the tests see exactly what would be translated.
const t: Translate = (key, options) => {
  const params = Object.entries(options ?? {}).filter(([k]) => k !== 'ns');
  return params.length ? `${key}(${params.map(([k, v]) => `${k}=${v}`).join(',')})` : key;
};
const item = (shape: Record<string, unknown>): Item => itemSchema.parse({ code: 'A1', source: 'practice', ...shape });

describe('formatAnswer', () => {
  it('says when there is no answer, or it was unknown / declined', () => {
    expect(formatAnswer(item({ type: 'text' }), undefined, t, 'ns')).toBe('answer.none');
    expect(formatAnswer(item({ type: 'date' }), { special: 'declined' }, t, 'ns')).toBe('special.declined');
  });

  it('uses option and yes/no wording, not codes', () => {
    expect(formatAnswer(item({ type: 'ynu' }), 'yes', t, 'ns')).toBe('ynu.yes');
    expect(formatAnswer(item({ type: 'choice', options: [{ code: 'a' }] }), 'a', t, 'ns')).toBe('item.A1.option.a');
    expect(formatAnswer(item({ type: 'multi', options: [{ code: 'a' }, { code: 'b' }] }), ['a', 'b'], t, 'ns')).toBe(
      'item.A1.option.a, item.A1.option.b',
    );
  });

  it('shows scales out of their maximum and numbers as numbers', () => {
    expect(formatAnswer(item({ type: 'scale', min: 0, max: 10 }), 7, t, 'ns')).toBe('answer.scale(value=7,max=10)');
    expect(formatAnswer(item({ type: 'number' }), 1200, t, 'ns')).toBe('1200');
  });

  it('shows verbatim words with their translation and rows cell by cell', () => {
    const verbatim = { original: 'o', language: 'fr', translation: 'tr', translatedBy: 'x' };
    expect(formatAnswer(item({ type: 'verbatim' }), verbatim, t, 'ns')).toBe(
      'answer.verbatim(original=o,language=fr,translation=tr,translatedBy=x)',
    );
    const rows = item({ type: 'rows', columns: [{ key: 'what', type: 'text' }, { key: 'done', type: 'ynu' }] });
    expect(formatAnswer(rows, [{ what: 'call', done: null }], t, 'ns')).toBe(
      'answer.row(row=1,cells=answer.cell(column=item.A1.column.what.label,value=call), answer.cell(column=item.A1.column.done.label,value=answer.blank))',
    );
  });

  it('writes numbers and dates the way the UI language does, when it is given', () => {
    const ar = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(formatAnswer(item({ type: 'number' }), 1200, t, 'ns', 'en')).toBe('1,200');
    expect(formatAnswer(item({ type: 'number' }), 1200, t, 'ns', 'ar')).toBe(ar(1200));
    expect(formatAnswer(item({ type: 'scale', min: 0, max: 10 }), 7, t, 'ns', 'ar')).toBe(`answer.scale(value=${ar(7)},max=${ar(10)})`);
    expect(formatAnswer(item({ type: 'date' }), '2012-05-01', t, 'ns', 'en')).toBe('May 1, 2012');
    expect(formatAnswer(item({ type: 'date' }), '2012-05-01', t, 'ns')).toBe('2012-05-01');
    const rows = item({ type: 'rows', columns: [{ key: 'when', type: 'date' }, { key: 'n', type: 'number' }] });
    expect(formatAnswer(rows, [{ when: '2026-01-31', n: 2500 }], t, 'ns', 'en')).toBe(
      'answer.row(row=1,cells=answer.cell(column=item.A1.column.when.label,value=Jan 31, 2026), answer.cell(column=item.A1.column.n.label,value=2,500))',
    );
  });
});
