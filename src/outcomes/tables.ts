/**
 * The shape of the export: which tables exist, the cells each shows, and the additive relations
 * between them. A cell is named by a canonical key (its variables and categories, sorted), so the
 * same count shown in several tables (the cases of one route appear in every route table) is one
 * cell: withheld in one place, withheld everywhere.
 */
import type { Equation } from './audit';
import { dimensions, measures, sameFact, variable } from './codes';

export interface TableShape {
  measure: string;
  dimension: string;
  rows: readonly string[];
  columns: readonly string[];
}

/** The fact a variable id stands for: a breakdown that repeats a measure shares its cells. */
const factOf = (id: string) => Object.entries(sameFact).find(([, dim]) => dim === id)?.[0] ?? id;

/** The key of the count of cases in all the given categories ('' is every case). */
export function cellKey(...pairs: readonly (readonly [string, string])[]): string {
  return pairs
    .filter(([id]) => id !== 'all')
    .map(([id, cat]) => `${factOf(id)}=${cat}`)
    .sort()
    .join('|');
}

export interface TableKeys {
  cell: (r: number, c: number) => string;
  rowTotal: (r: number) => string;
  columnTotal: (c: number) => string;
  total: string;
}

export function tableKeys(t: TableShape): TableKeys {
  const row = (r: number) => [t.measure, t.rows[r] ?? ''] as const;
  const col = (c: number) => [t.dimension, t.columns[c] ?? ''] as const;
  return {
    cell: (r, c) => cellKey(row(r), col(c)),
    rowTotal: (r) => cellKey(row(r)),
    columnTotal: (c) => cellKey(col(c)),
    total: '',
  };
}

/**
 * The relations a reader can rely on. Along a single-valued breakdown, a row's cells add up to
 * its total; along a single-valued measure, a column's cells add up to the column's total. A
 * multi-valued variable (flags, exploitation types, outcomes) gives no relation on its own axis.
 */
export function tableEquations(t: TableShape): Equation[] {
  const k = tableKeys(t);
  const out: Equation[] = [];
  const rows = t.rows.map((_, r) => r);
  const cols = t.columns.map((_, c) => c);
  const add = (total: string, parts: string[]) => {
    if (parts.length === 1 && parts[0] === total) return;
    out.push({ total, parts });
  };
  if (variable(t.dimension)?.kind === 'single') rows.forEach((r) => add(k.rowTotal(r), cols.map((c) => k.cell(r, c))));
  if (variable(t.measure)?.kind === 'single') {
    cols.forEach((c) => add(k.columnTotal(c), rows.map((r) => k.cell(r, c))));
    add(k.total, rows.map((r) => k.rowTotal(r)));
  }
  if (variable(t.dimension)?.kind === 'single') add(k.total, cols.map((c) => k.columnTotal(c)));
  return out;
}

/** Every (measure, breakdown) pair the export publishes, in a fixed order. */
export const tablePairs: readonly (readonly [string, string])[] = measures.flatMap((m) =>
  dimensions.filter((d) => sameFact[m.id] !== d.id).map((d) => [m.id, d.id] as const));
