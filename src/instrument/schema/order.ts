/**
 * Wizard order check: a caseworker works top to bottom, so a question must not appear or
 * disappear because of an answer given further down (they would never see it appear above
 * them). Returns each item whose visibility depends on a later item.
 */
import { walkCondition, type Condition } from './condition';
import type { RuleBook } from './instrument';

export function forwardVisibilityDependencies(inst: RuleBook): string[] {
  const position = new Map<string, number>();
  inst.sections.forEach((s) => s.items.forEach((i) => position.set(i.code, position.size)));
  const itemsOf = (cond: Condition | undefined, seen = new Set<string>()): string[] => {
    const out: string[] = [];
    if (!cond) return out;
    walkCondition(cond, (n) => {
      if ('ref' in n) {
        if (seen.has(n.ref)) return;
        seen.add(n.ref);
        out.push(...itemsOf(inst.predicates[n.ref], seen));
      } else out.push(n.item);
    });
    return out;
  };
  const problems: string[] = [];
  for (const s of inst.sections) {
    for (const item of s.items) {
      const me = position.get(item.code) ?? 0;
      const later = [...itemsOf(s.visibleIf), ...itemsOf(item.visibleIf)].filter((c) => (position.get(c) ?? 0) > me);
      if (later.length) problems.push(`${item.code} depends on later ${[...new Set(later)].join(', ')}`);
    }
  }
  return problems;
}
