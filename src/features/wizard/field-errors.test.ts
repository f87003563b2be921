import { describe, expect, it } from 'vitest';
import { errorMessages, mapFieldErrors, notANumberKey, unparsableNumbers } from './field-errors';
import { item } from './test-items';

const describeError = (e: { key: string; row?: number; column?: string }) =>
  [e.key, e.row === undefined ? '' : `row ${e.row + 1}`, e.column ?? ''].filter(Boolean).join(' ');

describe('mapFieldErrors', () => {
  it('keys errors by escaped field name and keeps every message of an item', () => {
    const mapped = mapFieldErrors(
      [
        { item: 'N5', key: 'validation.required_column', row: 1, column: 'owner' },
        { item: 'N5', key: 'validation.date', row: 2, column: 'due' },
        { item: 'E3.amount', key: 'validation.min', params: { min: 0 } },
      ],
      describeError,
    );
    expect(mapped).toEqual({
      N5: {
        type: 'validation.required_column',
        message: 'validation.required_column row 2 owner',
        types: { '0': 'validation.required_column row 2 owner', '1': 'validation.date row 3 due' },
      },
      'E3~amount': { type: 'validation.min', message: 'validation.min', types: { '0': 'validation.min' } },
    });
    expect(errorMessages(mapped.N5)).toEqual(['validation.required_column row 2 owner', 'validation.date row 3 due']);
  });

  it('returns nothing for no errors', () => {
    expect(mapFieldErrors([], describeError)).toEqual({});
    expect(errorMessages(undefined)).toEqual([]);
  });
});

describe('unparsableNumbers', () => {
  const num = item({ code: 'E3', type: 'number' });
  const rows = item({ code: 'N5', type: 'rows', columns: [{ key: 'cost', type: 'number', required: false }, { key: 'what', type: 'text', required: true }] });

  it('reports text in number boxes and number cells, unless answered unknown', () => {
    const values = {
      E3: { value: 'twelve', special: '' },
      N5: { value: [{ cost: '4', what: 'x' }, { cost: 'lots', what: 'abc' }], special: '' },
    };
    expect(unparsableNumbers([num, rows], values)).toEqual([
      { item: 'E3', key: notANumberKey },
      { item: 'N5', key: notANumberKey, row: 1, column: 'cost' },
    ]);
    expect(unparsableNumbers([num], { E3: { value: 'twelve', special: 'unknown' } })).toEqual([]);
  });
});
