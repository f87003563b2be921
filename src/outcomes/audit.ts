/**
 * Which withheld cells the published figures still pin down. Every additive relation the export
 * publishes (a total is the sum of its parts) is an equation; the withheld cells are its unknowns.
 * A withheld cell is recoverable exactly when its unit vector lies in the row space of those
 * equations restricted to the unknowns: then some combination of published totals and cells
 * gives its value (differencing a row, a column, or any chain of them across linked tables).
 * This is decided exactly, over the rationals (BigInt), by keeping the equations in reduced row
 * echelon form: a cell is pinned iff it is a pivot whose row has no other entry.
 *
 * Non-negativity cannot pin anything more here, because suppression never withholds a zero
 * (suppress.ts): at the true table every unknown is at least 1, strictly inside the bounds, so the
 * set of tables consistent with what is published is, near the true one, the whole affine
 * solution space, and a cell not pinned by the equations can move both ways.
 */

/** total = sum(parts), by cell key. */
export interface Equation {
  total: string;
  parts: readonly string[];
}

type Row = Map<number, bigint>;

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [abs(a), abs(b)];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Divide by the entries' gcd and make the pivot positive. */
function normalise(row: Row, pivot: number): void {
  let g = 0n;
  for (const c of row.values()) g = gcd(g, c);
  const sign = (row.get(pivot) ?? 1n) < 0n ? -1n : 1n;
  const f = g * sign;
  if (f === 1n) return;
  for (const [k, c] of row) row.set(k, c / f);
}

/** row := row * p - c * pivotRow, where c is row's coefficient of the pivot and p the pivot row's. */
function eliminate(row: Row, pivotRow: Row, pivot: number): void {
  const c = row.get(pivot);
  const p = pivotRow.get(pivot);
  if (c === undefined || p === undefined) return;
  const g = gcd(c, p);
  const [mr, mp] = [p / g, c / g];
  if (mr !== 1n) for (const [k, v] of row) row.set(k, v * mr);
  for (const [k, v] of pivotRow) {
    const next = (row.get(k) ?? 0n) - mp * v;
    if (next === 0n) row.delete(k);
    else row.set(k, next);
  }
}

/** A reduced row echelon basis built one equation at a time. */
class Echelon {
  private readonly rows = new Map<number, Row>();
  /** variable -> pivots of the rows it appears in (for back-substitution) */
  private readonly occurs = new Map<number, Set<number>>();

  add(input: Row): void {
    const row = new Map(input);
    for (const v of [...row.keys()]) {
      const pr = this.rows.get(v);
      if (pr && row.has(v)) eliminate(row, pr, v);
    }
    if (row.size === 0) return;
    const pivot = Math.min(...row.keys());
    normalise(row, pivot);
    // Back-substitute: remove the new pivot from every row that has it.
    for (const other of [...(this.occurs.get(pivot) ?? [])]) {
      const target = this.rows.get(other);
      if (!target) continue;
      const before = new Set(target.keys());
      eliminate(target, row, pivot);
      normalise(target, other);
      this.reindex(other, before, target);
    }
    this.rows.set(pivot, row);
    this.reindex(pivot, new Set(), row);
  }

  private reindex(pivot: number, before: Set<number>, row: Row): void {
    for (const v of before) if (!row.has(v)) this.occurs.get(v)?.delete(pivot);
    for (const v of row.keys()) {
      let set = this.occurs.get(v);
      if (!set) this.occurs.set(v, (set = new Set()));
      set.add(pivot);
    }
  }

  /** Variables fixed by the equations: pivots whose row has nothing else. */
  pinned(): number[] {
    return [...this.rows].filter(([, row]) => row.size === 1).map(([pivot]) => pivot);
  }
}

/** The withheld cells (keys in `unknown`) that the equations determine, in key order. */
export function recoverableCells(equations: readonly Equation[], unknown: ReadonlySet<string>): string[] {
  const index = new Map<string, number>();
  const keys: string[] = [];
  const id = (k: string) => {
    let i = index.get(k);
    if (i === undefined) {
      i = keys.length;
      index.set(k, i);
      keys.push(k);
    }
    return i;
  };
  const echelon = new Echelon();
  for (const eq of equations) {
    const row: Row = new Map();
    const bump = (k: string, by: bigint) => {
      if (!unknown.has(k)) return;
      const i = id(k);
      const next = (row.get(i) ?? 0n) + by;
      if (next === 0n) row.delete(i);
      else row.set(i, next);
    };
    bump(eq.total, 1n);
    for (const p of eq.parts) bump(p, -1n);
    if (row.size > 0) echelon.add(row);
  }
  return echelon.pinned().map((i) => keys[i] ?? '').sort();
}
