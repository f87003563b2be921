/**
 * Which sections and items are visible. An item is visible iff its section's visibleIf and
 * its own visibleIf hold. Conditions read answers through `answerOf`, which hides the
 * answers of hidden items, so visibility and conditions recurse into each other; each
 * result is memoised per call (the loader refuses cycles, so the recursion terminates).
 */
import type {
  AnswerValue, Answers, Condition, Instrument, Item, RuleBook, Section,
} from '../instrument/schema';
import { evaluate, type ConditionContext } from './conditions';
import { parseNow } from './dates';
import type { AssessOptions } from './types';

export interface PlacedItem {
  item: Item;
  section: Section;
}

export interface EngineContext<I extends RuleBook = Instrument> extends ConditionContext {
  instrument: I;
  /** every item in instrument order, with its section */
  placed: readonly PlacedItem[];
  sectionOf(code: string): Section | undefined;
  isItemVisible(code: string): boolean;
  isSectionVisible(code: string): boolean;
  holds(cond: Condition): boolean;
}

function memo(compute: (key: string) => boolean): (key: string) => boolean {
  const cache = new Map<string, boolean>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

/** A context over any kind of instrument: what visibility, flags, progress and validation read. */
export type RuleBookContext = EngineContext<RuleBook>;

export function createContext<I extends RuleBook>(instrument: I, answers: Answers, options: AssessOptions): EngineContext<I> {
  const placed = instrument.sections.flatMap((section) => section.items.map((item) => ({ item, section })));
  const byItem = new Map(placed.map((p) => [p.item.code, p]));
  const bySection = new Map(instrument.sections.map((s) => [s.code, s]));
  const ctx: EngineContext<I> = {
    instrument,
    placed,
    today: parseNow(options.now),
    item: (code) => byItem.get(code)?.item,
    sectionOf: (code) => byItem.get(code)?.section,
    answerOf: (code): AnswerValue | undefined => (ctx.isItemVisible(code) ? answers[code] : undefined),
    holds: (cond) => evaluate(cond, ctx),
    predicate: memo((name) => {
      const cond = instrument.predicates[name];
      return cond !== undefined && evaluate(cond, ctx);
    }),
    isSectionVisible: memo((code) => {
      const section = bySection.get(code);
      return section !== undefined && (section.visibleIf === undefined || evaluate(section.visibleIf, ctx));
    }),
    isItemVisible: memo((code) => {
      const p = byItem.get(code);
      if (!p || !ctx.isSectionVisible(p.section.code)) return false;
      return p.item.visibleIf === undefined || evaluate(p.item.visibleIf, ctx);
    }),
  };
  return ctx;
}

/** Codes of the visible items, in instrument order. */
export function visibleItemCodes(instrument: RuleBook, answers: Answers, options: AssessOptions): string[] {
  const ctx = createContext(instrument, answers, options);
  return ctx.placed.filter((p) => ctx.isItemVisible(p.item.code)).map((p) => p.item.code);
}

/** Evaluates one condition against the answers, with the same visibility rules as `assess`. */
export function evaluateCondition(
  instrument: RuleBook, answers: Answers, condition: Condition, options: AssessOptions,
): boolean {
  return createContext(instrument, answers, options).holds(condition);
}
