/**
 * The outcome export file: aggregate counts only. `null` is a withheld cell. Totals are counts of
 * cases, never sums of a multi-valued axis (a case with two flags is one case in the total).
 * docs/data-dictionary.md defines every field.
 */
import { z } from '../instrument/schema/zod';
import { monthPattern } from './follow-up';

export const FORMAT = 'homeward-outcomes';
export const FORMAT_VERSION = 1;

/** Limits a file must keep to: far above any real export, low enough that a hostile file cannot exhaust memory. */
export const limits = {
  bytes: 20_000_000,
  tables: 400,
  categories: 2_000,
  cells: 2_000_000,
  count: 10_000_000,
  sources: 10_000,
  threshold: 1_000,
} as const;

const count = z.number().int().min(0).max(limits.count).nullable();
const category = z.string().min(1).max(80);

export const outcomeTableSchema = z.strictObject({
  measure: z.string().max(40),
  dimension: z.string().max(40),
  rows: z.array(category).max(limits.categories),
  columns: z.array(category).min(1).max(limits.categories),
  cells: z.array(z.array(count).max(limits.categories)).max(limits.categories),
  rowTotals: z.array(count).max(limits.categories),
  columnTotals: z.array(count).max(limits.categories),
  total: count,
});
export type OutcomeTable = z.infer<typeof outcomeTableSchema>;

export const outcomeExportSchema = z.strictObject({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  /** Cells counting 1 to threshold − 1 cases are withheld, with their complements. */
  threshold: z.number().int().min(5).max(limits.threshold),
  /** How many organisations' exports were pooled into this one (1: a single organisation). */
  sources: z.number().int().min(1).max(limits.sources),
  /** First and last month of the assessments counted; null with no cases. */
  months: z.strictObject({ from: z.string().regex(monthPattern), to: z.string().regex(monthPattern) }).nullable(),
  tables: z.array(outcomeTableSchema).max(limits.tables),
});
export type OutcomeExport = z.infer<typeof outcomeExportSchema>;
