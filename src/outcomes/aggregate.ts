/**
 * Cases to a publishable export: count every cell of every table, withhold small cells and their
 * complements (suppress.ts), and lay the tables out. Pure: the same cases and options always give
 * the same file, byte for byte.
 */
import type { Equation } from './audit';
import { dimensions, measures, variable } from './codes';
import { caseFacts, type CaseFacts, type OutcomeCase } from './facts';
import { FORMAT, FORMAT_VERSION, type OutcomeExport, type OutcomeTable } from './export-format';
import { MIN_THRESHOLD, suppress, type Suppression } from './suppress';
import { tableEquations, tableKeys, tablePairs, type TableShape } from './tables';

export interface AggregateOptions {
  /** Small-cell threshold; at least 5 (the default), and may only be raised. */
  threshold?: number;
}

/** Categories of a variable in a table: a short closed list in full, a long one as observed, in list order. */
export function categoriesOf(id: string, observed: Iterable<string>): string[] {
  const v = variable(id);
  if (!v) return [];
  if (v.show === 'all') return [...v.categories];
  const seen = new Set(observed);
  return v.categories.filter((c) => seen.has(c));
}

export function shapes(observed: ReadonlyMap<string, Iterable<string>>): TableShape[] {
  const cats = new Map<string, string[]>();
  for (const x of [...dimensions, ...measures]) cats.set(x.id, categoriesOf(x.id, observed.get(x.id) ?? []));
  return tablePairs.map(([measure, dimension]) => ({
    measure, dimension, rows: cats.get(measure) ?? [], columns: cats.get(dimension) ?? [],
  }));
}

function countCells(facts: readonly CaseFacts[], tables: readonly TableShape[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tables) {
    const k = tableKeys(t);
    t.rows.forEach((_, r) => {
      counts.set(k.rowTotal(r), 0);
      t.columns.forEach((__, c) => counts.set(k.cell(r, c), 0));
    });
    t.columns.forEach((_, c) => counts.set(k.columnTotal(c), 0));
    counts.set(k.total, 0);
  }
  for (const f of facts) {
    // A case counts once in a cell however many tables show that cell.
    const mine = new Set<string>();
    for (const t of tables) {
      const k = tableKeys(t);
      const rows = new Set(f[t.measure] ?? []);
      const cols = new Set(f[t.dimension] ?? []);
      const rIdx = t.rows.flatMap((r, i) => (rows.has(r) ? [i] : []));
      const cIdx = t.columns.flatMap((c, i) => (cols.has(c) ? [i] : []));
      for (const r of rIdx) {
        mine.add(k.rowTotal(r));
        for (const c of cIdx) mine.add(k.cell(r, c));
      }
      for (const c of cIdx) mine.add(k.columnTotal(c));
      mine.add(k.total);
    }
    for (const key of mine) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function allEquations(tables: readonly TableShape[]): Equation[] {
  return tables.flatMap(tableEquations);
}

/** The tables with withheld cells as null. */
export function render(tables: readonly TableShape[], values: ReadonlyMap<string, number | null>, withheld: ReadonlySet<string>): OutcomeTable[] {
  const show = (key: string) => (withheld.has(key) ? null : values.get(key) ?? 0);
  return tables.map((t) => {
    const k = tableKeys(t);
    return {
      measure: t.measure,
      dimension: t.dimension,
      rows: [...t.rows],
      columns: [...t.columns],
      cells: t.rows.map((_, r) => t.columns.map((__, c) => show(k.cell(r, c)))),
      rowTotals: t.rows.map((_, r) => show(k.rowTotal(r))),
      columnTotals: t.columns.map((_, c) => show(k.columnTotal(c))),
      total: show(k.total),
    };
  });
}

export interface AggregateResult {
  export: OutcomeExport;
  /** For tests and reports on the device: never written into the file. */
  suppression: Suppression;
  values: ReadonlyMap<string, number>;
}

function monthsOf(cases: readonly OutcomeCase[]): OutcomeExport['months'] {
  const months = cases.map((c) => c.result.now.slice(0, 7)).filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  const [from, to] = [months[0], months.at(-1)];
  return from && to ? { from, to } : null;
}

export function aggregate(cases: readonly OutcomeCase[], options: AggregateOptions = {}): AggregateResult {
  const threshold = options.threshold ?? MIN_THRESHOLD;
  const facts = cases.map(caseFacts);
  const observed = new Map<string, string[]>();
  for (const f of facts) for (const [id, cats] of Object.entries(f)) observed.set(id, [...(observed.get(id) ?? []), ...cats]);
  const tables = shapes(observed);
  const values = countCells(facts, tables);
  const suppression = suppress(values, allEquations(tables), threshold);
  return {
    export: {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      threshold,
      sources: 1,
      months: monthsOf(cases),
      tables: render(tables, values, suppression.withheld),
    },
    suppression,
    values,
  };
}
