/**
 * Small-cell suppression with complementary (secondary) suppression.
 *
 * 1. Primary: every cell counting 1 to threshold − 1 cases is withheld. Zero is published: it
 *    names nobody.
 * 2. Secondary: while audit.ts finds a withheld cell that the published figures pin down, withhold
 *    one more published cell from a relation that pins it: the non-zero cell (a non-zero choice
 *    keeps the audit exact, see audit.ts) that costs least (`costOf`: least information lost,
 *    margins and the grand total kept where possible) within a few rings of relations around the
 *    pinned cell (`chooseComplement`), then by key so the result is deterministic. Each round re-audits everything,
 *    across all linked tables, so a complement chosen in one table that exposes a cell in another
 *    is caught in the next round.
 *
 * It ends: each round withholds at least one more of finitely many cells, and with every non-zero
 * cell withheld nothing is pinned (all published right-hand sides would be zero, and no withheld
 * cell is zero). Cells already unknown on input (`null`: a pooled cell an organisation withheld)
 * are treated as withheld and are at least 1, because an export never withholds a zero.
 */
import { recoverableCells, type Equation } from './audit';

export const MIN_THRESHOLD = 5;

export class SuppressionError extends Error {}

export interface Suppression {
  /** keys withheld (input unknowns included) */
  withheld: Set<string>;
  primary: number;
  secondary: number;
  rounds: number;
}

function byEquation(equations: readonly Equation[]): Map<string, Equation[]> {
  const map = new Map<string, Equation[]>();
  for (const eq of equations) {
    for (const k of [eq.total, ...eq.parts]) {
      let list = map.get(k);
      if (!list) map.set(k, (list = []));
      list.push(eq);
    }
  }
  return map;
}

type Lookup = (k: string) => number | null | undefined;

/**
 * What withholding `k` costs: its count times the relations it is in (a margin or the grand
 * total is in many), plus what it would drag with it: the other cell where a relation has only
 * those two non-zero terms (they are then equal), or, in a relation where nothing is withheld
 * yet, the cheapest further complement that relation will need. The last term prefers cells that
 * close a cycle of withheld cells over ones that open a new relation to attack.
 */
function costOf(k: string, value: number, get: Lookup, withheld: ReadonlySet<string>, eqs: ReadonlyMap<string, Equation[]>): number {
  const own = (key: string, v: number) => v * (eqs.get(key)?.length ?? 1);
  let cost = own(k, value);
  for (const eq of eqs.get(k) ?? []) {
    const live = [eq.total, ...eq.parts].filter((x) => x !== k && (withheld.has(x) || (get(x) ?? 0) > 0));
    const partner = live[0];
    if (live.length === 1 && partner !== undefined && !withheld.has(partner)) cost += own(partner, get(partner) ?? 0);
    else if (!live.some((x) => withheld.has(x))) {
      // Alone in a relation with nothing withheld, it would be pinned there at once: another
      // complement will be needed in that relation, at least the cheapest of its other cells.
      const next = Math.min(...live.map((x) => own(x, get(x) ?? 0)));
      if (Number.isFinite(next)) cost += next;
    }
  }
  return cost;
}

/** How many rings of relations, outward through withheld cells, a complement is looked for in. */
const SEARCH_DEPTH = 3;

/**
 * The cheapest candidate near the pinned cell: its own relations first, then the relations of
 * the withheld cells they hold, each ring further out costing more. Looking past the first ring
 * keeps a grand total from being chosen only because it was the one cell published nearby.
 */
function chooseComplement(
  target: string, values: ReadonlyMap<string, number | null>, withheld: ReadonlySet<string>,
  eqs: ReadonlyMap<string, Equation[]>,
): string | null {
  const get: Lookup = (k) => values.get(k);
  const seen = new Set<string>([target]);
  const candidates = new Map<string, number>();
  let frontier = [target];
  for (let depth = 0; frontier.length > 0; depth += 1) {
    if (depth >= SEARCH_DEPTH && candidates.size > 0) break;
    const next: string[] = [];
    for (const cell of frontier) {
      for (const eq of eqs.get(cell) ?? []) {
        for (const k of [eq.total, ...eq.parts]) {
          const v = values.get(k);
          if (withheld.has(k)) {
            if (!seen.has(k)) { seen.add(k); next.push(k); }
          } else if (typeof v === 'number' && v > 0 && !candidates.has(k)) {
            candidates.set(k, costOf(k, v, get, withheld, eqs) * (1 + depth));
          }
        }
      }
    }
    frontier = next;
  }
  // The grand total (key '') goes last: how many cases a file counts is what every reader needs.
  const best = [...candidates].sort(([ka, a], [kb, b]) =>
    Number(ka === '') - Number(kb === '') || a - b || (ka < kb ? -1 : ka > kb ? 1 : 0))[0];
  return best ? best[0] : null;
}

/**
 * The cells to withhold. `values`: every cell's count, or null where it is already unknown.
 * `threshold` below MIN_THRESHOLD is refused: the threshold may only be raised.
 */
/**
 * The relations of the withheld cells that changed: those linked, through withheld cells, to a
 * cell in `dirty`. A group of withheld cells linked to none of them has the same relations as at
 * the last audit, so it needs no new audit.
 */
function affected(equations: readonly Equation[], withheld: ReadonlySet<string>, dirty: ReadonlySet<string>): Equation[] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(k, root);
    return root;
  };
  for (const eq of equations) {
    const unknown = [eq.total, ...eq.parts].filter((k) => withheld.has(k));
    const [first] = unknown;
    if (first === undefined) continue;
    if (!parent.has(first)) parent.set(first, first);
    for (const k of unknown) {
      if (!parent.has(k)) parent.set(k, k);
      const [ra, rb] = [find(first), find(k)];
      if (ra !== rb) parent.set(rb, ra);
    }
  }
  const roots = new Set([...dirty].filter((k) => parent.has(k)).map(find));
  return equations.filter((eq) => {
    const k = [eq.total, ...eq.parts].find((x) => withheld.has(x));
    return k !== undefined && roots.has(find(k));
  });
}

/**
 * The cells to withhold. `values`: every cell's count, or null where it is already unknown.
 * `threshold` below MIN_THRESHOLD is refused: the threshold may only be raised.
 */
export function suppress(values: ReadonlyMap<string, number | null>, equations: readonly Equation[], threshold: number): Suppression {
  if (!Number.isInteger(threshold) || threshold < MIN_THRESHOLD) {
    throw new SuppressionError(`the small-cell threshold must be a whole number of at least ${String(MIN_THRESHOLD)}; it may only be raised.`);
  }
  const withheld = new Set<string>();
  let primary = 0;
  for (const [k, v] of values) {
    if (v === null) withheld.add(k);
    else if (v >= 1 && v < threshold) { withheld.add(k); primary += 1; }
  }
  const relevant = equations.filter((eq) => [eq.total, ...eq.parts].some((k) => values.has(k)));
  const eqs = byEquation(relevant);
  let secondary = 0;
  let rounds = 0;
  // Audit only what changed since the last round; a last full audit confirms the result.
  let dirty: Set<string> | null = null;
  for (;;) {
    const scope: readonly Equation[] = dirty === null ? relevant : affected(relevant, withheld, dirty);
    const pinned = recoverableCells(scope, withheld);
    if (pinned.length === 0) {
      if (dirty === null) break;
      dirty = null;
      continue;
    }
    rounds += 1;
    const touched = new Set<Equation>();
    const next = new Set<string>();
    let added = 0;
    for (const cell of pinned) {
      // One complement per relation per round: the next audit says whether more are needed.
      const own = eqs.get(cell) ?? [];
      if (own.some((eq) => touched.has(eq))) { next.add(cell); continue; }
      const pick = chooseComplement(cell, values, withheld, eqs);
      if (pick === null) {
        // Complements chosen earlier this round may have freed it already; the next audit says.
        // With none chosen yet, a pinned cell always has a non-zero published cell to pair with
        // (else every figure it rests on is zero, and so would it be), unless the data lie.
        if (added === 0) throw new SuppressionError(`cell ${cell} cannot be protected: the data are inconsistent.`);
        next.add(cell);
        continue;
      }
      withheld.add(pick);
      next.add(pick);
      secondary += 1;
      added += 1;
      own.forEach((eq) => touched.add(eq));
      (eqs.get(pick) ?? []).forEach((eq) => touched.add(eq));
    }
    dirty = next;
  }
  return { withheld, primary, secondary, rounds };
}
