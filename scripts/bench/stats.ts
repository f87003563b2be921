/** Small, pure statistics for the bench (unit-tested in tests/unit/bench/stats.test.ts). */

function sortedFinite(values: readonly number[]): number[] {
  if (values.length === 0) throw new RangeError('No samples.');
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('Samples must be finite numbers.');
  return [...values].sort((a, b) => a - b);
}

/** The median: the middle sample, or the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  const s = sortedFinite(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Percentile by the nearest-rank method: the smallest sample such that at least p % of the samples
 * are less than or equal to it. p95 of 200 samples is the 190th smallest. Never interpolates, so
 * the figure is always a latency that was really observed.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`Percentile must be in (0, 100], got ${String(p)}.`);
  const s = sortedFinite(values);
  const rank = Math.ceil((p / 100) * s.length);
  return s[rank - 1] as number;
}

export function max(values: readonly number[]): number {
  return sortedFinite(values).at(-1) as number;
}

export interface Summary {
  readonly count: number;
  readonly min: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

export function summarize(values: readonly number[]): Summary {
  const s = sortedFinite(values);
  return { count: s.length, min: s[0] as number, median: median(s), p95: percentile(s, 95), max: s.at(-1) as number };
}
