import { describe, expect, it } from 'vitest';
import { describeCondition } from './describe';

describe('describeCondition', () => {
  it('renders nested conditions with item codes and values', () => {
    expect(
      describeCondition({
        all: [
          { item: 'E1', op: 'eq', value: 'yes' },
          { any: [{ item: 'E2', op: 'includesAny', value: ['trafficker', 'recruiter'] }, { not: { ref: 'isChild' } }] },
        ],
      }),
    ).toBe('(E1 is yes AND (E2 includes any of [trafficker, recruiter] OR NOT isChild))');
  });

  it('renders row conditions', () => {
    expect(describeCondition({ item: 'LA1', op: 'anyRow', where: { column: 'risk', op: 'eq', value: 'yes' } })).toBe(
      'LA1 has a row where risk is yes',
    );
  });
});
