import { describe, expect, it } from 'vitest';
import { caseReferenceMaxLength, caseReferenceProblem, normaliseCaseReference } from './case-reference';

describe('case reference', () => {
  it('refuses an empty or blank reference', () => {
    expect(caseReferenceProblem('')).toBe('empty');
    expect(caseReferenceProblem('   \t')).toBe('empty');
  });

  it('accepts up to the limit and refuses one character more, counting characters not bytes', () => {
    expect(caseReferenceProblem('a'.repeat(caseReferenceMaxLength))).toBeNull();
    expect(caseReferenceProblem('a'.repeat(caseReferenceMaxLength + 1))).toBe('tooLong');
    expect(caseReferenceProblem('𝒜'.repeat(caseReferenceMaxLength))).toBeNull();
  });

  it('normalises surrounding and repeated spaces', () => {
    expect(normaliseCaseReference('  HW   0012 ')).toBe('HW 0012');
  });
});
