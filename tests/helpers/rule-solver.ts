/**
 * Finds answers that make a condition of a real instrument hold, starting from a benign case:
 * the answers a rule reads and, again and again, the answers that open the questions they sit
 * behind (section gates and predicates included). Used by the property tests to make every rule
 * of the instrument fire, so no rule is left untested because nobody wrote its trigger by hand.
 * The engine is the judge: a solution is kept only if the engine then says the condition holds.
 */
import { evaluateCondition } from '../../src/engine';
import { visibilityConditions, type Answers, type AnswerValue, type Condition, type Instrument, type Item, type ItemCondition, type Row, type RowCondition } from '../../src/instrument';

type Patch = Answers;
const MAX_DEPTH = 6;

const listOf = (v: ItemCondition['value']): (string | number)[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function shiftDays(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function yearsBefore(iso: string, years: number, extraDays: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - extraDays);
  return d.toISOString().slice(0, 10);
}

/** A benign value for a cell of a table row. */
function cellValue(type: string, options: readonly string[]): string | number {
  if (type === 'number') return 7;
  if (type === 'date') return '2026-12-10';
  if (type === 'ynu') return 'no';
  if (type === 'choice') return options[0] ?? 'x';
  return 'A fictional entry.';
}

function rowFor(item: Item, where: RowCondition | undefined): Row {
  const row: Row = {};
  for (const c of item.columns ?? []) row[c.key] = cellValue(c.type, (c.options ?? []).map((o) => o.code));
  if (where) {
    const [first] = listOf(where.value);
    if (where.op === 'eq' || where.op === 'in') row[where.column] = first ?? null;
    else if (where.op === 'unknown') row[where.column] = 'unknown';
    else if (where.op === 'lt' && typeof first === 'number') row[where.column] = first - 1;
    else if (where.op === 'gt' && typeof first === 'number') row[where.column] = first + 1;
  }
  return row;
}

function optionsOf(item: Item): string[] {
  return item.type === 'ynu' ? ['yes', 'no'] : (item.options ?? []).map((o) => o.code);
}

/** An answer to `item` for which the comparison holds, or undefined where none is found. */
function valueFor(item: Item, cond: ItemCondition, now: string): AnswerValue | undefined {
  const values = listOf(cond.value);
  const [first] = values;
  const others = optionsOf(item).filter((o) => !values.includes(o));
  switch (cond.op) {
    case 'eq': case 'in': return first;
    case 'neq': return others[0];
    case 'includes': return values.map(String);
    case 'includesAny': return first === undefined ? undefined : [String(first)];
    case 'excludesAll': return others[0] === undefined ? undefined : [others[0]];
    case 'lt': return typeof first === 'number' ? first - 1 : undefined;
    case 'lte': return typeof first === 'number' ? first : undefined;
    case 'gt': return typeof first === 'number' ? first + 1 : undefined;
    case 'gte': return typeof first === 'number' ? first : undefined;
    case 'ageUnder': return typeof first === 'number' ? yearsBefore(now, first - 1, 30) : undefined;
    case 'ageAtLeast': return typeof first === 'number' ? yearsBefore(now, first, 30) : undefined;
    case 'withinDays': return shiftDays(now, -1);
    case 'moreThanDaysAhead': return typeof first === 'number' ? shiftDays(now, first + 5) : undefined;
    case 'unknown': return item.type === 'ynu' ? 'unknown' : { special: 'unknown' };
    case 'answered': return item.type === 'ynu' ? 'yes' : item.type === 'multi' ? [optionsOf(item)[0] ?? 'x'] : item.type === 'rows' ? [rowFor(item, undefined)] : item.type === 'number' || item.type === 'scale' ? 1 : item.type === 'date' ? shiftDays(now, 10) : item.type === 'choice' ? optionsOf(item)[0] : 'A fictional answer.';
    case 'anyRow': return [rowFor(item, cond.where)];
    case 'rowCountGte': return Array.from({ length: typeof first === 'number' ? first : 1 }, () => rowFor(item, undefined));
  }
}

/** An answer to `item` for which the comparison does not hold (for a `not`), or undefined. */
function valueAgainst(item: Item, cond: ItemCondition): AnswerValue | undefined {
  const values = listOf(cond.value);
  const others = optionsOf(item).filter((o) => !values.includes(o));
  switch (cond.op) {
    case 'eq': case 'in': return item.type === 'multi' ? undefined : others[0];
    case 'includes': case 'includesAny': return others[0] === undefined ? undefined : [others[0]];
    case 'unknown': return optionsOf(item)[0];
    default: return undefined;
  }
}

export interface Solver {
  /** Answers that make `cond` hold on top of `base`, or null. */
  solve(cond: Condition, base: Answers): Patch | null;
  /** Answers that show the item (its section's and its own conditions), or null. */
  open(code: string, base: Answers): Patch | null;
  /** The answers an item can take that a condition may compare (yes/no, its options), else one plain answer. */
  candidates(code: string): AnswerValue[];
}

export function solver(inst: Instrument, now: string): Solver {
  const items = new Map<string, Item>(inst.sections.flatMap((s) => s.items.map((i) => [i.code, i] as const)));
  const holds = (cond: Condition, answers: Answers) => evaluateCondition(inst, answers, cond, { now });
  const merged = (base: Answers, patch: Patch): Answers => {
    const out: Answers = { ...base, ...patch };
    for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
    return out;
  };

  /** Opens the item: solves its section's and its own visibility on top of `base`. */
  const open = (code: string, base: Answers, depth: number): Patch | null => {
    let patch: Patch = {};
    for (const gate of visibilityConditions(inst, code)) {
      if (holds(gate, merged(base, patch))) continue;
      const more = go(gate, merged(base, patch), depth + 1);
      if (!more) return null;
      patch = { ...patch, ...more };
    }
    return patch;
  };

  const leaf = (cond: ItemCondition, base: Answers, depth: number, negate: boolean): Patch | null => {
    const item = items.get(cond.item);
    if (!item) return null;
    // "Not answered" / "fewer rows": leave the answer out.
    if (negate && (cond.op === 'answered' || cond.op === 'rowCountGte')) return { [cond.item]: undefined };
    const value = negate ? valueAgainst(item, cond) : valueFor(item, cond, now);
    if (value === undefined) return null;
    const gates = open(cond.item, base, depth);
    return gates ? { ...gates, [cond.item]: value } : null;
  };

  /** All of `parts` in turn, each on top of the answers the earlier ones needed. */
  const each = (parts: readonly Condition[], base: Answers, depth: number): Patch | null => {
    let patch: Patch = {};
    for (const part of parts) {
      const more = go(part, merged(base, patch), depth + 1);
      if (!more) return null;
      patch = { ...patch, ...more };
    }
    return patch;
  };

  const attempt = (cond: Condition, base: Answers, depth: number): Patch | null => {
    if ('all' in cond) return each(cond.all, base, depth);
    if ('any' in cond) {
      // Prefer a branch that keeps the answers already given (so a question opened on purpose stays open).
      const found = cond.any.map((part) => go(part, base, depth + 1)).filter((more): more is Patch => more !== null && holds(cond, merged(base, more)));
      const keeps = (more: Patch) => Object.entries(more).every(([k, v]) => base[k] === undefined || JSON.stringify(base[k]) === JSON.stringify(v));
      return found.find(keeps) ?? found[0] ?? null;
    }
    if ('ref' in cond) {
      const pred = inst.predicates[cond.ref];
      return pred ? go(pred, base, depth + 1) : null;
    }
    if ('not' in cond) {
      const inner = cond.not;
      if ('item' in inner) return leaf(inner, base, depth, true);
      return 'any' in inner ? each(inner.any.map((part) => ({ not: part })), base, depth) : null;
    }
    return leaf(cond, base, depth, false);
  };

  const go = (cond: Condition, base: Answers, depth: number): Patch | null => {
    if (depth > MAX_DEPTH) return null;
    if (holds(cond, base)) return {};
    const patch = attempt(cond, base, depth);
    return patch && holds(cond, merged(base, patch)) ? patch : null;
  };

  const candidates = (code: string): AnswerValue[] => {
    const item = items.get(code);
    if (!item) return [];
    if (item.type === 'ynu' || item.type === 'choice') return optionsOf(item);
    if (item.type === 'multi') return optionsOf(item).map((o) => [o]);
    const plain = valueFor(item, { item: code, op: 'answered' }, now);
    return plain === undefined ? [] : [plain];
  };

  return { solve: (cond, base) => go(cond, base, 0), open: (code, base) => open(code, base, 0), candidates };
}

/** `base` with `patch` applied (undefined values removed). */
export function withPatch(base: Answers, patch: Answers): Answers {
  const out: Answers = { ...base, ...patch };
  for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
  return out;
}
