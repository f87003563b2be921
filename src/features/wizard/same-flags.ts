import type { Flag } from '../../engine';

/**
 * True when two lists hold the same flags. Each assessment returns new flag objects, so the
 * wizard compares them by content to skip re-rendering questions whose flags did not change.
 */
export function sameFlags(a: readonly Flag[], b: readonly Flag[]): boolean {
  return a === b || (a.length === b.length && a.every((flag, i) => JSON.stringify(flag) === JSON.stringify(b[i])));
}
