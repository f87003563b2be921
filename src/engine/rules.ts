/**
 * Flags: each rule whose `when` holds raises a flag of its level. A STOP rule that does not
 * fire, but one of its `unknownItems` (default: the items its `when` names) is visible and
 * answered unknown or declined, raises `onUnknown` (default ESC): the danger could not be
 * ruled out (outline §6.0 gating rules; clarification 9 for onUnknown STOP).
 */
import type { Condition, FlagLevel, Instrument, Rule } from '../instrument/schema';
import { walkCondition } from '../instrument/schema';
import { isUnknownAnswer } from './answered';
import type { Flag } from './types';
import type { EngineContext } from './visibility';

/** Item codes a condition names directly, in order, without duplicates. */
export function namedItems(cond: Condition): string[] {
  const codes: string[] = [];
  walkCondition(cond, (node) => {
    if ('item' in node && !codes.includes(node.item)) codes.push(node.item);
  });
  return codes;
}

/** Named items, following `{ref}`s only when the condition names no item itself. */
function itemsBehind(cond: Condition, instrument: Instrument): string[] {
  const direct = namedItems(cond);
  if (direct.length > 0) return direct;
  const codes: string[] = [];
  walkCondition(cond, (node) => {
    const pred = 'ref' in node ? instrument.predicates[node.ref] : undefined;
    if (pred) for (const c of itemsBehind(pred, instrument)) if (!codes.includes(c)) codes.push(c);
  });
  return codes;
}

function unknownLevel(rule: Rule, ctx: EngineContext): FlagLevel | null {
  if (rule.level !== 'STOP') return null;
  const codes = rule.unknownItems ?? namedItems(rule.when);
  const anyUnknown = codes.some((code) => {
    const item = ctx.item(code);
    return item !== undefined && isUnknownAnswer(ctx.answerOf(code), item.type);
  });
  return anyUnknown ? (rule.onUnknown ?? 'ESC') : null;
}

function makeFlag(rule: Rule, level: FlagLevel, viaUnknown: boolean, ctx: EngineContext): Flag {
  const named = itemsBehind(rule.when, ctx.instrument);
  const codes = [...named, ...(rule.unknownItems ?? []).filter((c) => !named.includes(c))];
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
  };
}

export const levelRank: Readonly<Record<FlagLevel, number>> = { STOP: 0, ESC: 1, RISK: 2, INFO: 3 };

/** Standing flags: STOP, ESC, RISK, INFO, then in the instrument's rule order. */
export function computeFlags(ctx: EngineContext): Flag[] {
  const flags: { flag: Flag; order: number }[] = [];
  ctx.instrument.rules.forEach((rule, order) => {
    if (ctx.holds(rule.when)) {
      flags.push({ flag: makeFlag(rule, rule.level, false, ctx), order });
      return;
    }
    const level = unknownLevel(rule, ctx);
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
