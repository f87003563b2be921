/**
 * Answer types and the operators each allows. The table is the single place that says
 * which comparisons make sense for which answer; the loader rejects any other pairing.
 */
import type { ComparisonOp } from './condition';

export const answerTypes = [
  'ynu', 'choice', 'multi', 'number', 'date', 'scale', 'text', 'verbatim', 'rows', 'signature',
  // Records: written by the app at a moment of decision (never typed into the wizard), each
  // with a copy of the answers it was based on, so the engine can tell when it lapses.
  'override', 'signoff', 'provenance',
] as const;
export type AnswerType = (typeof answerTypes)[number];

/** Answer types the app writes as a whole at a moment of decision; the wizard never shows an input for them. */
export const recordTypes = ['override', 'signoff', 'provenance'] as const satisfies readonly AnswerType[];
export type RecordType = (typeof recordTypes)[number];

export function isRecordType(type: AnswerType): type is RecordType {
  return (recordTypes as readonly AnswerType[]).includes(type);
}

/**
 * Row cells. `flags` holds the rule ids a row answers (a mitigation naming the flags it covers),
 * separated by spaces: still one string, so a row stays a flat record.
 */
export const columnTypes = ['text', 'date', 'choice', 'ynu', 'number', 'flags'] as const;
export type ColumnType = (typeof columnTypes)[number];

const common: readonly ComparisonOp[] = ['answered', 'unknown'];

export const allowedOps: Readonly<Record<AnswerType, readonly ComparisonOp[]>> = {
  ynu: ['eq', 'neq', 'in', ...common],
  choice: ['eq', 'neq', 'in', ...common],
  multi: ['includes', 'includesAny', 'excludesAll', ...common],
  number: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', ...common],
  scale: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', ...common],
  date: ['ageUnder', 'ageAtLeast', 'withinDays', 'moreThanDaysAhead', ...common],
  text: [...common],
  verbatim: [...common],
  rows: ['anyRow', 'rowCountGte', 'answered'],
  signature: ['answered'],
  override: ['answered'],
  signoff: ['answered'],
  provenance: ['answered'],
};

/** The four answers of a yes/no/unknown/declined item. */
export const ynuValues = ['yes', 'no', 'unknown', 'declined'] as const;
export type YnuValue = (typeof ynuValues)[number];

/** Option codes that cannot be used because they mean "not known" everywhere. */
export const reservedOptionCodes = ['unknown', 'declined'] as const;
