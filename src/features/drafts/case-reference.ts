/**
 * The case reference is the only label a draft shows in lists. It is chosen by the
 * caseworker and must not be the person's name; we cannot detect names reliably across
 * languages and scripts, so the form says so instead of guessing.
 */
export const caseReferenceMaxLength = 40;

export type CaseReferenceProblem = 'empty' | 'tooLong';

/** Trims surrounding spaces and collapses inner runs, so "HW  12 " and "HW 12" are one reference. */
export function normaliseCaseReference(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/** Why a (normalised) reference is refused, or null if it is acceptable. */
export function caseReferenceProblem(value: string): CaseReferenceProblem | null {
  const ref = normaliseCaseReference(value);
  if (ref === '') return 'empty';
  // Count characters as people see them, not UTF-16 units, for non-Latin scripts.
  if ([...ref].length > caseReferenceMaxLength) return 'tooLong';
  return null;
}
