/**
 * Which items a condition reads, and which items decide whether those are even asked. Shared by
 * the loader (a STOP rule whose gateways could be left blank is refused) and the engine (an
 * unknown or declined gateway cannot hide a STOP; an override or sign-off lapses when an answer
 * it rested on changes). Found from the conditions, never from hand-kept lists.
 */
import { walkCondition, type Condition } from './condition';
import type { RuleBook } from './instrument';

/** Items a condition names, directly or through the predicates it refers to, in first-seen order. */
export function itemsRead(cond: Condition, inst: RuleBook, seenRefs = new Set<string>()): string[] {
  const out: string[] = [];
  const add = (code: string) => {
    if (!out.includes(code)) out.push(code);
  };
  walkCondition(cond, (node) => {
    if ('item' in node) {
      add(node.item);
      return;
    }
    if (seenRefs.has(node.ref)) return;
    seenRefs.add(node.ref);
    const pred = inst.predicates[node.ref];
    if (pred) for (const code of itemsRead(pred, inst, seenRefs)) add(code);
  });
  return out;
}

/** The visibility conditions of an item: its section's and its own. */
export function visibilityConditions(inst: RuleBook, code: string): Condition[] {
  for (const section of inst.sections) {
    const item = section.items.find((i) => i.code === code);
    if (!item) continue;
    return [section.visibleIf, item.visibleIf].filter((c): c is Condition => c !== undefined);
  }
  return [];
}

/**
 * Every item whose answer can change whether `cond` holds: the items it reads, and, again and
 * again, the items that control their visibility (a hidden item reads as unanswered, so the
 * question that opens a section is a gateway of every rule on that section).
 */
export function gatewaysOf(cond: Condition, inst: RuleBook): string[] {
  const out: string[] = [];
  const queue = itemsRead(cond, inst);
  while (queue.length > 0) {
    const code = queue.shift();
    if (code === undefined || out.includes(code)) continue;
    out.push(code);
    for (const gate of visibilityConditions(inst, code)) queue.push(...itemsRead(gate, inst));
  }
  return out;
}

/** Items a condition tests with `op` directly (not through predicates), e.g. the unknowns it handles itself. */
export function itemsTestedWith(cond: Condition, op: 'unknown' | 'answered'): Set<string> {
  const out = new Set<string>();
  walkCondition(cond, (node) => {
    if ('item' in node && node.op === op) out.add(node.item);
  });
  return out;
}
