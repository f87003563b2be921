/**
 * Flags: each rule whose `when` holds raises a flag of its level. A STOP rule that does not
 * fire, but whose danger cannot be ruled out because an answer it depends on is unknown or
 * declined, raises `onUnknown` (default ESC) instead (outline §6.0 gating rules; clarification 9
 * for onUnknown STOP). Which answers count depends on the instrument's `unknowns`:
 * - `listed` (version 1): the rule's `unknownItems`, or by default the items its `when` names;
 * - `derived`: the rule is evaluated in three-valued logic (unknowns.ts), so every item it reads,
 *   and every item that controls whether those are asked, counts; `unknownItems` may add more.
 */
import type { Condition, FlagLevel, Rule, RuleBook, Severity } from '../instrument/schema';
import { gatewaysOf, walkCondition } from '../instrument/schema';
import { isUnknownAnswer } from './answered';
import type { Flag } from './types';
import { createMaybeContext, type MaybeContext } from './unknowns';
import type { RuleBookContext } from './visibility';

/** Item codes a condition names directly, in order, without duplicates. */
export function namedItems(cond: Condition): string[] {
  const codes: string[] = [];
  walkCondition(cond, (node) => {
    if ('item' in node && !codes.includes(node.item)) codes.push(node.item);
  });
  return codes;
}

/** Named items, following `{ref}`s only when the condition names no item itself. */
function itemsBehind(cond: Condition, instrument: RuleBook): string[] {
  const direct = namedItems(cond);
  if (direct.length > 0) return direct;
  const codes: string[] = [];
  walkCondition(cond, (node) => {
    const pred = 'ref' in node ? instrument.predicates[node.ref] : undefined;
    if (pred) for (const c of itemsBehind(pred, instrument)) if (!codes.includes(c)) codes.push(c);
  });
  return codes;
}

function isUnknownItem(ctx: RuleBookContext, code: string): boolean {
  const item = ctx.item(code);
  return item !== undefined && isUnknownAnswer(ctx.answerOf(code), item.type);
}

/** The level of the flag a STOP rule that did not fire raises because of unknowns, or null. */
function unknownLevel(rule: Rule, ctx: RuleBookContext, maybe: MaybeContext | null): FlagLevel | null {
  if (rule.level !== 'STOP') return null;
  const level = rule.onUnknown ?? 'ESC';
  if (maybe) {
    if (maybe.holds3(rule.when) !== false) return level;
    return (rule.unknownItems ?? []).some((code) => isUnknownItem(ctx, code)) ? level : null;
  }
  const codes = rule.unknownItems ?? namedItems(rule.when);
  return codes.some((code) => isUnknownItem(ctx, code)) ? level : null;
}

export const levelRank: Readonly<Record<FlagLevel, number>> = { STOP: 0, ESC: 1, RISK: 2, INFO: 3 };

/** What each level sets an area's rating to when a rule names no severity. */
export const defaultSeverity: Readonly<Record<FlagLevel, Severity>> = { STOP: 'very_high', ESC: 'high', RISK: 'medium', INFO: 'low' };
const severityRank: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2, very_high: 3 };

/**
 * A flag's severity: the rule's (or its level's default); a process-quality rule sets none; a
 * "cannot be ruled out" flag is no more severe than a flag of its own level.
 */
function severityOf(rule: Rule, level: FlagLevel): Severity {
  const own = rule.severity ?? (rule.confidence ? 'low' : defaultSeverity[rule.level]);
  const cap = defaultSeverity[level];
  return severityRank[own] <= severityRank[cap] ? own : cap;
}

function makeFlag(rule: Rule, level: FlagLevel, viaUnknown: boolean, ctx: RuleBookContext): Flag {
  const named = itemsBehind(rule.when, ctx.instrument);
  const extra = [...(rule.unknownItems ?? [])];
  // Under derived unknowns, name the unknown gateways too: they are why the flag stands.
  if (viaUnknown && ctx.instrument.unknowns === 'derived') {
    extra.push(...gatewaysOf(rule.when, ctx.instrument).filter((code) => isUnknownItem(ctx, code)));
  }
  const codes = [...named, ...extra.filter((c, i) => !named.includes(c) && extra.indexOf(c) === i)];
  const first = codes[0];
  return {
    ruleId: rule.id,
    level,
    domain: rule.domain,
    section: first === undefined ? '' : (ctx.sectionOf(first)?.code ?? ''),
    source: rule.source,
    items: codes.map((code) => ({ code, answer: ctx.answerOf(code) })),
    viaUnknown,
    ruleLevel: rule.level,
    hard: rule.hard === true && level === 'STOP',
    severity: severityOf(rule, level),
    review: rule.review ?? (level === 'STOP' || level === 'ESC' ? 'supervisor' : 'none'),
    next: rule.next ?? null,
    confidence: rule.confidence ?? null,
    overridden: false,
    covered: false,
  };
}

/** Standing flags: STOP, ESC, RISK, INFO, then in the instrument's rule order. */
export function computeFlags(ctx: RuleBookContext): Flag[] {
  const maybe = ctx.instrument.unknowns === 'derived' ? createMaybeContext(ctx) : null;
  const flags: { flag: Flag; order: number }[] = [];
  ctx.instrument.rules.forEach((rule, order) => {
    if (ctx.holds(rule.when)) {
      flags.push({ flag: makeFlag(rule, rule.level, false, ctx), order });
      return;
    }
    const level = unknownLevel(rule, ctx, maybe);
    if (level) flags.push({ flag: makeFlag(rule, level, true, ctx), order });
  });
  flags.sort((a, b) => levelRank[a.flag.level] - levelRank[b.flag.level] || a.order - b.order);
  return flags.map((f) => f.flag);
}

export function countByLevel(flags: readonly Flag[]): Record<FlagLevel, number> {
  const counts: Record<FlagLevel, number> = { STOP: 0, ESC: 0, RISK: 0, INFO: 0 };
  for (const f of flags) counts[f.level] += 1;
  return counts;
}
