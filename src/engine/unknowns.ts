/**
 * Could this condition hold? The flags use ordinary two-valued evaluation, where an unknown or
 * declined answer never matches. Under `unknowns: derived` a STOP rule that does not fire is
 * evaluated once more in three-valued (Kleene) logic: an unknown or declined answer is "maybe",
 * and so is any item whose visibility is "maybe" (the question that would have opened it was
 * not answered), section gates included. If the rule comes out "maybe", the danger cannot be
 * ruled out and it raises at least ESC.
 *
 * A condition that tests an item with `unknown` has said itself what unknown means for that
 * item (e.g. an unknown date of birth sends the age question to the person), so within that
 * condition the item's comparisons stay two-valued.
 */
import type { Condition, ItemCondition, Row, RowCondition } from '../instrument/schema';
import { itemsTestedWith } from '../instrument/schema';
import { isAnswered, isUnknownAnswer } from './answered';
import { evaluate, evaluateRow, rowsOf } from './conditions';
import type { RuleBookContext } from './visibility';

/** true, false, or null for "cannot be told from these answers". */
export type Tri = boolean | null;

const and = (xs: readonly Tri[]): Tri => (xs.includes(false) ? false : xs.includes(null) ? null : true);
const or = (xs: readonly Tri[]): Tri => (xs.includes(true) ? true : xs.includes(null) ? null : false);
const not = (x: Tri): Tri => (x === null ? null : !x);

export interface MaybeContext {
  /** Three-valued evaluation of a condition. */
  holds3(cond: Condition): Tri;
  /** Three-valued visibility of an item. */
  visible3(code: string): Tri;
}

function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

export function createMaybeContext(ctx: RuleBookContext): MaybeContext {
  const handledCache = new WeakMap<Condition, Set<string>>();
  const handledIn = (cond: Condition): Set<string> => {
    let set = handledCache.get(cond);
    if (!set) {
      set = itemsTestedWith(cond, 'unknown');
      handledCache.set(cond, set);
    }
    return set;
  };

  const evalTree = (root: Condition): Tri => {
    const handled = handledIn(root);
    const walk = (cond: Condition): Tri => {
      if ('all' in cond) return and(cond.all.map(walk));
      if ('any' in cond) return or(cond.any.map(walk));
      if ('not' in cond) return not(walk(cond.not));
      if ('ref' in cond) return predicate3(cond.ref);
      return leaf(cond, handled);
    };
    return walk(root);
  };

  const leaf = (cond: ItemCondition, handled: ReadonlySet<string>): Tri => {
    const item = ctx.item(cond.item);
    if (!item) return false;
    const visible = visible3(cond.item);
    // Hidden for certain: the two-valued answer (undefined) is the truth.
    if (visible === false) return evaluate(cond, ctx);
    if (visible === null) return null;
    const answer = ctx.answerOf(cond.item);
    if (cond.op === 'answered' || cond.op === 'unknown' || cond.op === 'rowCountGte') return evaluate(cond, ctx);
    if (isUnknownAnswer(answer, item.type)) return handled.has(cond.item) ? false : null;
    if (!isAnswered(answer)) return evaluate(cond, ctx);
    if (cond.op === 'anyRow' && cond.where) {
      const where = cond.where;
      return or(rowsOf(answer).map((row) => rowMaybe(where, row)));
    }
    return evaluate(cond, ctx);
  };

  const predicate3 = memo((name: string): Tri => {
    const cond = ctx.instrument.predicates[name];
    return cond === undefined ? false : evalTree(cond);
  });

  const sectionVisible3 = memo((code: string): Tri => {
    const section = ctx.instrument.sections.find((s) => s.code === code);
    if (!section) return false;
    return section.visibleIf === undefined ? true : evalTree(section.visibleIf);
  });

  const visible3 = memo((code: string): Tri => {
    const section = ctx.sectionOf(code);
    const item = ctx.item(code);
    if (!section || !item) return false;
    return and([sectionVisible3(section.code), item.visibleIf === undefined ? true : evalTree(item.visibleIf)]);
  });

  return { holds3: evalTree, visible3 };
}

/**
 * A row cell answered unknown or declined, or left blank, makes a comparison on it "maybe": a
 * child's row with no answer on risk cannot rule the risk out (review 13, finding 18).
 */
function rowMaybe(where: RowCondition, row: Row): Tri {
  const cell = row[where.column];
  const unsure = cell === 'unknown' || cell === 'declined' || cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
  if (where.op !== 'unknown' && where.op !== 'answered' && unsure) return null;
  return evaluateRow(where, row);
}
