/**
 * An attacker for tests, written independently of audit.ts: it sees only published figures and
 * the relations a reader can rely on, and tries to work out withheld cells.
 * - `differencing`: any relation with one unknown left gives it; repeat until nothing changes
 *   (rows, columns, margins, across linked tables).
 * - `rankAttack`: floating-point Gaussian elimination: a cell is recoverable when adding its unit
 *   vector to the relations does not raise their rank (small systems only).
 */
import type { Equation } from './audit';

export function differencing(equations: readonly Equation[], published: ReadonlyMap<string, number | null>): Map<string, number> {
  const known = new Map<string, number>();
  for (const [k, v] of published) if (v !== null) known.set(k, v);
  const recovered = new Map<string, number>();
  for (let changed = true; changed;) {
    changed = false;
    for (const eq of equations) {
      const terms = [{ k: eq.total, sign: 1 }, ...eq.parts.map((k) => ({ k, sign: -1 }))];
      const unknown = terms.filter((t) => !known.has(t.k));
      if (unknown.length !== 1) continue;
      const [u] = unknown;
      if (!u) continue;
      const rest = terms.filter((t) => t !== u).reduce((s, t) => s + t.sign * (known.get(t.k) ?? 0), 0);
      const value = -rest * u.sign;
      known.set(u.k, value);
      recovered.set(u.k, value);
      changed = true;
    }
  }
  return recovered;
}

function rank(rows: number[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c += 1) {
    let best = r;
    for (let i = r + 1; i < m.length; i += 1) if (Math.abs(m[i]?.[c] ?? 0) > Math.abs(m[best]?.[c] ?? 0)) best = i;
    const pivotRow = m[best];
    if (!pivotRow || Math.abs(pivotRow[c] ?? 0) < 1e-9) continue;
    [m[r], m[best]] = [pivotRow, m[r] ?? []];
    for (let i = 0; i < m.length; i += 1) {
      const row = m[i];
      if (i === r || !row) continue;
      const f = (row[c] ?? 0) / (pivotRow[c] ?? 1);
      if (f !== 0) for (let j = c; j < cols; j += 1) row[j] = (row[j] ?? 0) - f * (pivotRow[j] ?? 0);
    }
    r += 1;
  }
  return r;
}

export function rankAttack(equations: readonly Equation[], withheld: readonly string[]): string[] {
  const col = new Map(withheld.map((k, i) => [k, i]));
  const rows = equations.map((eq) => {
    const row = withheld.map(() => 0);
    const bump = (k: string, by: number) => { const i = col.get(k); if (i !== undefined) row[i] = (row[i] ?? 0) + by; };
    bump(eq.total, 1);
    eq.parts.forEach((k) => bump(k, -1));
    return row;
  }).filter((row) => row.some((x) => x !== 0));
  const base = rank(rows);
  return withheld.filter((_, i) => rank([...rows, withheld.map((__, j) => (j === i ? 1 : 0))]) === base);
}
