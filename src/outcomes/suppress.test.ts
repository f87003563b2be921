import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Equation } from './audit';
import { differencing, rankAttack } from './attack.test-helper';
import { suppress, SuppressionError } from './suppress';

/**
 * Linked tables as the export has them: one measure (rows) crossed with one or two breakdowns,
 * sharing the measure's row totals and the grand total. Keys follow the export's convention.
 */
function linkedTables(grid: number[][][]): { values: Map<string, number>; equations: Equation[] } {
  const values = new Map<string, number>();
  const equations: Equation[] = [];
  const rows = grid[0]?.length ?? 0;
  const rowTotal = (r: number) => grid[0]?.[r]?.reduce((a, b) => a + b, 0) ?? 0;
  for (let r = 0; r < rows; r += 1) values.set(`m=${String(r)}`, rowTotal(r));
  values.set('', [...Array(rows).keys()].reduce((s, r) => s + rowTotal(r), 0));
  equations.push({ total: '', parts: [...Array(rows).keys()].map((r) => `m=${String(r)}`) });
  grid.forEach((table, t) => {
    const cols = table[0]?.length ?? 0;
    for (let c = 0; c < cols; c += 1) {
      const key = `d${String(t)}=${String(c)}`;
      values.set(key, table.reduce((s, row) => s + (row[c] ?? 0), 0));
      equations.push({ total: key, parts: table.map((_, r) => `d${String(t)}=${String(c)}|m=${String(r)}`) });
    }
    equations.push({ total: '', parts: [...Array(cols).keys()].map((c) => `d${String(t)}=${String(c)}`) });
    table.forEach((row, r) => {
      row.forEach((v, c) => values.set(`d${String(t)}=${String(c)}|m=${String(r)}`, v));
      equations.push({ total: `m=${String(r)}`, parts: row.map((_, c) => `d${String(t)}=${String(c)}|m=${String(r)}`) });
    });
  });
  return { values, equations };
}

/** Small counts are the point: most cells 0–8, so many are under the threshold. */
const count = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 40 }));

/** Split `total` into `parts` whole non-negative parts at the given cut points. */
function split(total: number, cuts: readonly number[]): number[] {
  const points = [0, ...cuts.map((c) => c % (total + 1)).sort((x, y) => x - y), total];
  return points.slice(1).map((p, i) => p - (points[i] ?? 0));
}

/** One or two tables sharing their row margins (the second regroups each row of the first). */
const linked = fc.integer({ min: 2, max: 4 }).chain((rows) => fc.tuple(
  fc.integer({ min: 2, max: 4 }).chain((cols) => fc.array(fc.array(count, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })),
  fc.option(fc.integer({ min: 2, max: 4 }).chain((cols) => fc.array(fc.array(fc.nat(), { minLength: cols - 1, maxLength: cols - 1 }), { minLength: rows, maxLength: rows }))),
)).map(([first, cuts]) => (cuts === null ? [first] : [first, first.map((row, r) => split(row.reduce((x, y) => x + y, 0), cuts[r] ?? []))]));

function published(values: ReadonlyMap<string, number>, withheld: ReadonlySet<string>): Map<string, number | null> {
  return new Map([...values].map(([k, v]) => [k, withheld.has(k) ? null : v]));
}

/**
 * Integer witness: another non-negative table agreeing with everything published, in which the
 * cell differs. Found by depth-first search over the withheld cells, bounded by the true total.
 */
function hasIntegerWitness(values: ReadonlyMap<string, number>, equations: readonly Equation[], withheld: readonly string[], target: string): boolean {
  const assign = new Map<string, number>();
  for (const [k, v] of values) if (!withheld.includes(k)) assign.set(k, v);
  const eqsOf = new Map<string, Equation[]>();
  for (const eq of equations) for (const k of [eq.total, ...eq.parts]) eqsOf.set(k, [...(eqsOf.get(k) ?? []), eq]);
  // A part is at most any published total it belongs to; nothing is more than the true grand total.
  const bound = (k: string) => Math.min(values.get('') ?? 0, ...(eqsOf.get(k) ?? [])
    .filter((eq) => eq.parts.includes(k) && assign.has(eq.total)).map((eq) => assign.get(eq.total) ?? 0));
  const consistent = (k: string) => (eqsOf.get(k) ?? []).every((eq) => {
    const parts = eq.parts.filter((p) => assign.has(p)).reduce((s, p) => s + (assign.get(p) ?? 0), 0);
    const total = assign.get(eq.total);
    if (eq.parts.every((p) => assign.has(p))) return total === undefined || total === parts;
    return total === undefined || parts <= total;
  });
  // Totals first, so each relation prunes as soon as its parts are being filled in.
  const rest = withheld.filter((k) => k !== target).sort((x, y) => x.split('|').length - y.split('|').length || (x === '' ? -1 : 0));
  const order = [target, ...rest];
  const search = (i: number): boolean => {
    const k = order[i];
    if (k === undefined) return true;
    for (let v = 0; v <= bound(k); v += 1) {
      if (i === 0 && v === values.get(target)) continue;
      assign.set(k, v);
      if (consistent(k) && search(i + 1)) return true;
    }
    assign.delete(k);
    return false;
  };
  return search(0);
}

describe('small-cell suppression', () => {
  it('withholds every cell of 1 to 4 and no zero', () => {
    fc.assert(fc.property(linked, (grid) => {
      const { values, equations } = linkedTables(grid);
      const { withheld } = suppress(values, equations, 5);
      for (const [k, v] of values) {
        if (v >= 1 && v < 5) expect(withheld.has(k)).toBe(true);
        if (v === 0) expect(withheld.has(k)).toBe(false);
      }
    }), { numRuns: 300 });
  });

  it('leaves no withheld cell recoverable by differencing rows, columns and margins across linked tables', () => {
    fc.assert(fc.property(linked, (grid) => {
      const { values, equations } = linkedTables(grid);
      const { withheld } = suppress(values, equations, 5);
      const recovered = differencing(equations, published(values, withheld));
      expect([...recovered.keys()]).toEqual([]);
    }), { numRuns: 300 });
  });

  it('leaves no withheld cell in the span of the published relations (any linear combination)', () => {
    fc.assert(fc.property(linked, (grid) => {
      const { values, equations } = linkedTables(grid);
      const { withheld } = suppress(values, equations, 5);
      expect(rankAttack(equations, [...withheld])).toEqual([]);
    }), { numRuns: 300 });
  });

  it('for every withheld cell of a small table, another non-negative whole table publishes the same figures', () => {
    const small = fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 3 }), { minLength: 2, maxLength: 3 })
      .filter((t) => t.every((row) => row.length === t[0]?.length));
    fc.assert(fc.property(small, (table) => {
      const { values, equations } = linkedTables([table]);
      const { withheld } = suppress(values, equations, 5);
      const list = [...withheld];
      for (const cell of list) expect(hasIntegerWitness(values, equations, list, cell), cell).toBe(true);
    }), { numRuns: 60 });
  }, 60_000);

  it('refuses a threshold under 5 or not whole: it may only be raised', () => {
    const { values, equations } = linkedTables([[[1, 9], [9, 9]]]);
    expect(() => suppress(values, equations, 4)).toThrow(SuppressionError);
    expect(() => suppress(values, equations, 5.5)).toThrow(SuppressionError);
    const raised = suppress(values, equations, 10);
    for (const [k, v] of values) if (v >= 1 && v < 10) expect(raised.withheld.has(k)).toBe(true);
  });

  it('treats cells already unknown (withheld by an organisation before pooling) as withheld and protects them', () => {
    fc.assert(fc.property(linked, fc.nat(), (grid, seed) => {
      const { values, equations } = linkedTables(grid);
      const keys = [...values.keys()].filter((k) => (values.get(k) ?? 0) >= 5);
      const unknown = keys[seed % Math.max(keys.length, 1)];
      const input = new Map<string, number | null>(values);
      if (unknown !== undefined) input.set(unknown, null);
      const { withheld } = suppress(input, equations, 5);
      if (unknown !== undefined) expect(withheld.has(unknown)).toBe(true);
      expect(rankAttack(equations, [...withheld])).toEqual([]);
    }), { numRuns: 200 });
  });
});
