/**
 * Conditions are a small JSON AST, never expression strings, so they can be validated,
 * explained and translated. `{ref}` points at a named predicate of the instrument
 * (e.g. "isChild") so a rule does not repeat the age logic.
 */
import { z } from './zod';

export const comparisonOps = [
  'eq', 'neq', 'in', // single value (ynu, choice, number, scale)
  'includes', 'includesAny', 'excludesAll', // multi
  'lt', 'lte', 'gt', 'gte', // number, scale
  'ageUnder', 'ageAtLeast', 'withinDays', 'moreThanDaysAhead', // date (relative to `now`)
  'answered', 'unknown', // every type: any answer / unknown or declined
  'anyRow', 'rowCountGte', // rows
] as const;
export type ComparisonOp = (typeof comparisonOps)[number];

export type ScalarValue = string | number;

export interface ItemCondition {
  item: string;
  op: ComparisonOp;
  value?: ScalarValue | ScalarValue[] | undefined;
  /** for `anyRow`: a condition on one row, by column key */
  where?: RowCondition | undefined;
}
export interface RowCondition {
  column: string;
  op: 'eq' | 'neq' | 'in' | 'answered' | 'unknown' | 'lt' | 'gt';
  value?: ScalarValue | ScalarValue[] | undefined;
}
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { ref: string }
  | ItemCondition;

const scalar = z.union([z.string(), z.number()]);
const valueSchema = z.union([scalar, z.array(scalar)]).optional();

export const rowConditionSchema = z.strictObject({
  column: z.string().min(1),
  op: z.enum(['eq', 'neq', 'in', 'answered', 'unknown', 'lt', 'gt']),
  value: valueSchema,
});

export const itemConditionSchema = z.strictObject({
  item: z.string().min(1),
  op: z.enum(comparisonOps),
  value: valueSchema,
  where: rowConditionSchema.optional(),
});

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ ref: z.string().min(1) }),
    itemConditionSchema,
  ]),
);

/** Visits every item condition and named reference in a condition tree. */
export function walkCondition(
  cond: Condition,
  visit: (node: ItemCondition | { ref: string }) => void,
): void {
  if ('all' in cond) cond.all.forEach((c) => walkCondition(c, visit));
  else if ('any' in cond) cond.any.forEach((c) => walkCondition(c, visit));
  else if ('not' in cond) walkCondition(cond.not, visit);
  else visit(cond);
}
