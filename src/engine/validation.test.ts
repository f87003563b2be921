import { describe, expect, it } from 'vitest';
import { instrument } from '../../tests/helpers/instrument-builder';
import { scenario } from '../../tests/helpers/scenario';
import type { AnswerValue } from '../instrument/schema';
import type { FieldError } from './index';

const inst = instrument()
  .section('B', 'process', (s) => s
    .ynu('B1')
    .choice('B2', ['shelter', 'family'])
    .multi('B3', ['work', 'school'])
    .number('B4', { min: 0, max: 120 })
    .scale('B5', 0, 10)
    .date('B6')
    .text('B7')
    .verbatim('B8')
    .rows('B9', [
      { key: 'action', type: 'text' },
      { key: 'status', type: 'choice', options: [{ code: 'open' }, { code: 'done' }] },
      { key: 'due', type: 'date', required: false },
    ])
    .signature('B10')
    .text('B11', { allowUnknown: false })
    .ynu('B12', { visibleIf: { item: 'B1', op: 'eq', value: 'yes' } }))
  .build();

const errorsFor = (code: string, value: AnswerValue): FieldError[] =>
  scenario(inst).answer('B1', 'yes').answer(code, value).validate('B');

describe('field validation', () => {
  it.each<[string, string, AnswerValue, Omit<FieldError, 'item'>]>([
    ['a number given for a yes/no item', 'B1', 3, { key: 'validation.type' }],
    ['an option the item does not have', 'B2', 'hotel', { key: 'validation.option', params: { value: 'hotel' } }],
    ['"unknown" typed as a choice option', 'B2', 'unknown', { key: 'validation.option', params: { value: 'unknown' } }],
    ['a multi option the item does not have', 'B3', ['work', 'travel'], { key: 'validation.option', params: { value: 'travel' } }],
    ['a number below min', 'B4', -1, { key: 'validation.min', params: { min: 0 } }],
    ['a number above max', 'B4', 121, { key: 'validation.max', params: { max: 120 } }],
    ['a scale above its max', 'B5', 11, { key: 'validation.max', params: { max: 10 } }],
    ['text given for a scale', 'B5', 'seven', { key: 'validation.type' }],
    ['an impossible date', 'B6', '2026-02-30', { key: 'validation.date' }],
    ['a date in another format', 'B6', '27/11/2026', { key: 'validation.date' }],
    ['text over 5000 characters', 'B7', 'x'.repeat(5001), { key: 'validation.too_long', params: { max: 5000 } }],
    ['a one-tap unknown where the item does not offer it', 'B11', { special: 'unknown' }, { key: 'validation.unknown_not_allowed' }],
  ])('reports %s', (_name, code, value, expected) => {
    expect(errorsFor(code, value)).toEqual([{ item: code, ...expected }]);
  });

  it.each<[string, string, AnswerValue]>([
    ['a valid yes/no', 'B1', 'declined'],
    ['a number at its bounds', 'B4', 120],
    ['a leap day', 'B6', '2028-02-29'],
    ['text of exactly 5000 characters', 'B7', 'x'.repeat(5000)],
    ['a one-tap unknown on an ordinary item', 'B2', { special: 'declined' }],
    ['a blank answer (that is missing, not malformed)', 'B7', ''],
  ])('accepts %s', (_name, code, value) => {
    expect(errorsFor(code, value)).toEqual([]);
  });

  it('needs the language, a translation and the translator for the person\'s own words', () => {
    const words = { original: 'Mi-e frică de el.', language: '', translation: '', translatedBy: '' };
    expect(errorsFor('B8', words).map((e) => e.key)).toEqual(['validation.language_needed', 'validation.translation_needed']);
    expect(errorsFor('B8', { ...words, language: 'ro', translation: 'I am afraid of him.' }).map((e) => e.key))
      .toEqual(['validation.translation_needed']);
    expect(errorsFor('B8', { ...words, language: 'ro', translation: 'I am afraid of him.', translatedBy: 'T. Interpreter' })).toEqual([]);
  });

  it('points at the row and column of a missing or wrong cell', () => {
    const rows = [{ action: 'Call the partner NGO', status: 'open' }, { action: ' ', status: 'lost', due: '2026-13-01' }];
    expect(errorsFor('B9', rows)).toEqual([
      { item: 'B9', key: 'validation.required_column', params: { column: 'action' }, row: 1, column: 'action' },
      { item: 'B9', key: 'validation.option', params: { value: 'lost' }, row: 1, column: 'status' },
      { item: 'B9', key: 'validation.date', row: 1, column: 'due' },
    ]);
  });

  it('checks a signature date', () => {
    expect(errorsFor('B10', { name: 'S. Visor', role: 'supervisor', date: '2026-11-31' })).toEqual([{ item: 'B10', key: 'validation.date' }]);
  });

  it('ignores hidden items, and puts errors of all visible items into the assessment', () => {
    const hidden = scenario(inst).answers({ B1: 'no', B12: 42, B4: 500 });
    expect(hidden.validate('B')).toEqual([{ item: 'B4', key: 'validation.max', params: { max: 120 } }]);
    expect(hidden.assess().errors).toEqual([{ item: 'B4', key: 'validation.max', params: { max: 120 } }]);
    expect(hidden.answer('B1', 'yes').validate('B').map((e) => e.item)).toEqual(['B4', 'B12']);
  });

  it('does not treat missing answers as errors', () => {
    const s = scenario(inst);
    expect(s.validate('B')).toEqual([]);
    expect(s.assess().missing.length).toBeGreaterThan(0);
  });

  it('refuses a section the instrument does not have', () => {
    expect(() => scenario(inst).validate('Z')).toThrow(/Section Z/);
  });
});
