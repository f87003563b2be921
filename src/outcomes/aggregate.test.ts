import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregate, allEquations, type AggregateResult } from './aggregate';
import { differencing } from './attack.test-helper';
import { caseFacts, type OutcomeCase } from './facts';
import { fixtureCases } from './fixtures';
import { readExport } from './read-export';
import { SuppressionError } from './suppress';
import { tableKeys } from './tables';

let cases: OutcomeCase[];
let result: AggregateResult;
let text: string;

beforeAll(() => {
  cases = fixtureCases(220, 17);
  result = aggregate(cases);
  text = JSON.stringify(result.export);
}, 120_000);

/** Every figure of the file with its key, as a reader sees it. */
function figures(r: AggregateResult): [string, number | null][] {
  return r.export.tables.flatMap((t) => {
    const k = tableKeys(t);
    return [
      ...t.rows.flatMap((_, i) => t.columns.map((__, j) => [k.cell(i, j), t.cells[i]?.[j] ?? null] as [string, number | null])),
      ...t.rowTotals.map((v, i) => [k.rowTotal(i), v] as [string, number | null]),
      ...t.columnTotals.map((v, j) => [k.columnTotal(j), v] as [string, number | null]),
      [k.total, t.total] as [string, number | null],
    ];
  });
}

describe('the aggregate export of 220 fictional cases', () => {
  it('covers both instrument versions and has something to protect', () => {
    const versions = new Set(cases.map((c) => c.result.instrument.version));
    expect(versions).toEqual(new Set([1, 2]));
    expect(result.suppression.primary).toBeGreaterThan(100);
    expect(result.export.tables.find((t) => t.measure === 'recommendation' && t.dimension === 'all')?.total).toBe(220);
  });

  it('lets no cell of 1 to 4 cases survive anywhere in the file', () => {
    const small = figures(result).filter(([, v]) => v !== null && v > 0 && v < 5);
    expect(small).toEqual([]);
  });

  it('publishes true counts: every shown figure equals a direct count of the cases', () => {
    const facts = cases.map(caseFacts);
    const count = (key: string) => facts.filter((f) => key === '' || key.split('|').every((pair) => {
      const [id = '', cat = ''] = pair.split('=');
      const fact = id === 'overall_rating' ? f['overall_rating'] : id === 'override_state' ? f['override_state'] : f[id];
      return (fact ?? []).includes(cat);
    })).length;
    const shown = figures(result).filter(([, v]) => v !== null);
    // Every 25th figure keeps the test fast; the keys cover every table and margin kind.
    for (const [key, v] of shown.filter((_, i) => i % 25 === 0)) expect(v, key).toBe(count(key));
  });

  it('withholds no zero, so every withheld cell is at least 1 (what makes the audit exact)', () => {
    for (const key of result.suppression.withheld) expect(result.values.get(key) ?? 0, key).toBeGreaterThan(0);
  });

  it('gives nothing back to differencing of rows, columns and margins across all tables of the published file', () => {
    const { file, values } = readExport(text);
    const recovered = differencing(allEquations(file.tables), values);
    expect([...recovered.keys()]).toEqual([]);
    // The attack is real: with the complements published again, it recovers primary cells.
    const leaky = new Map(values);
    for (const key of result.suppression.withheld) {
      const v = result.values.get(key) ?? 0;
      if (v >= 5) leaky.set(key, v);
    }
    expect(differencing(allEquations(file.tables), leaky).size).toBeGreaterThan(0);
  });

  it('contains no free text, no case reference and no date finer than a month', () => {
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/Reviewer|Fictional|override for/i);
    const strings = [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? '');
    const fields = new Set(['format', 'formatVersion', 'threshold', 'sources', 'months', 'from', 'to', 'tables', 'measure',
      'dimension', 'rows', 'columns', 'cells', 'rowTotals', 'columnTotals', 'total']);
    // Every other string is a code: a category, a stable rule code, a country code or a month.
    for (const s of strings.filter((x) => !fields.has(x))) expect(s, s).toMatch(/^(?:[a-z0-9_.@-]+|\d{4}-\d{2})$/);
  });

  it('for any subset of the cases, shows no small cell and gives nothing back to differencing (property)', () => {
    fc.assert(fc.property(fc.subarray(cases, { minLength: 15, maxLength: 45 }), (subset) => {
      const r = aggregate(subset);
      expect(figures(r).filter(([, v]) => v !== null && v > 0 && v < 5)).toEqual([]);
      const { file, values } = readExport(JSON.stringify(r.export));
      expect([...differencing(allEquations(file.tables), values).keys()]).toEqual([]);
    }), { numRuns: 6 });
  }, 120_000);

  it('suppresses tiny caseloads, where nearly everything is withheld, without error (regression)', () => {
    for (let start = 0; start < 100; start += 9) {
      const r = aggregate(cases.slice(start, start + 12));
      expect(figures(r).filter(([, v]) => v !== null && v > 0 && v < 5)).toEqual([]);
    }
  }, 120_000);

  it('is the same file for the same cases, byte for byte', () => {
    expect(JSON.stringify(aggregate(cases.slice(0, 40)).export)).toBe(JSON.stringify(aggregate(cases.slice(0, 40)).export));
  }, 60_000);

  it('raises the threshold on request, and never lowers it under 5', () => {
    const raised = aggregate(cases.slice(0, 60), { threshold: 10 });
    expect(figures(raised).filter(([, v]) => v !== null && v > 0 && v < 10)).toEqual([]);
    expect(() => aggregate(cases.slice(0, 10), { threshold: 3 })).toThrow(SuppressionError);
  }, 60_000);
});
