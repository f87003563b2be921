/**
 * Pooling several organisations' exports into one, then suppressing again. A pooled cell is the
 * sum of the organisations' figures; where any organisation withheld it, the pooled cell is
 * unknown and stays withheld (it is never estimated). The pooled table is then suppressed at the
 * highest threshold any input or the caller asks for, and audited across all its tables like a
 * single export, so no withheld cell, pooled or inherited, can be worked out from its totals.
 */
import { allEquations, render, shapes } from './aggregate';
import { FORMAT, FORMAT_VERSION, limits, type OutcomeExport } from './export-format';
import type { CellValues } from './read-export';
import { MIN_THRESHOLD, suppress, type Suppression } from './suppress';
import { tableKeys } from './tables';

export interface PoolInput {
  file: OutcomeExport;
  values: CellValues;
}

export function pool(inputs: readonly PoolInput[], options: { threshold?: number } = {}): { export: OutcomeExport; suppression: Suppression } {
  if (inputs.length === 0) throw new RangeError('nothing to pool');
  const sources = inputs.reduce((n, i) => n + i.file.sources, 0);
  if (sources > limits.sources) throw new RangeError(`more than ${String(limits.sources)} sources in one pool`);
  const threshold = Math.max(options.threshold ?? MIN_THRESHOLD, ...inputs.map((i) => i.file.threshold));
  const observed = new Map<string, Set<string>>();
  for (const { file } of inputs) {
    for (const t of file.tables) {
      for (const [id, cats] of [[t.measure, t.rows], [t.dimension, t.columns]] as const) {
        const set = observed.get(id) ?? new Set<string>();
        cats.forEach((c) => set.add(c));
        observed.set(id, set);
      }
    }
  }
  const tables = shapes(observed);
  const values = new Map<string, number | null>();
  for (const t of tables) {
    const k = tableKeys(t);
    const keys = [k.total, ...t.rows.map((_, r) => k.rowTotal(r)), ...t.columns.map((_, c) => k.columnTotal(c)),
      ...t.rows.flatMap((_, r) => t.columns.map((__, c) => k.cell(r, c)))];
    for (const key of keys) {
      if (values.has(key)) continue;
      let sum: number | null = 0;
      for (const { values: theirs } of inputs) {
        // A cell an input does not show at all is zero there (its categories had no case).
        const v = theirs.has(key) ? theirs.get(key) ?? null : 0;
        sum = sum === null || v === null ? null : sum + v;
      }
      values.set(key, sum);
    }
  }
  const suppression = suppress(values, allEquations(tables), threshold);
  const months = inputs.map((i) => i.file.months).filter((m) => m !== null);
  const from = months.map((m) => m.from).sort()[0];
  const to = months.map((m) => m.to).sort().at(-1);
  return {
    export: {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      threshold,
      sources,
      months: from && to ? { from, to } : null,
      tables: render(tables, values, suppression.withheld),
    },
    suppression,
  };
}
