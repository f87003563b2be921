/**
 * Answer types and the operators each allows. The table is the single place that says
 * which comparisons make sense for which answer; the loader rejects any other pairing.
 */
import type { ComparisonOp } from './condition';

export const answerTypes = [
  'ynu', 'choice', 'multi', 'number', 'date', 'scale', 'text', 'verbatim', 'rows', 'signature',
] as const;
export type AnswerType = (typeof answerTypes)[number];

export const columnTypes = ['text', 'date', 'choice', 'ynu', 'number'] as const;
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
};

/** The four answers of a yes/no/unknown/declined item. */
export const ynuValues = ['yes', 'no', 'unknown', 'declined'] as const;
export type YnuValue = (typeof ynuValues)[number];

/** Option codes that cannot be used because they mean "not known" everywhere. */
export const reservedOptionCodes = ['unknown', 'declined'] as const;
