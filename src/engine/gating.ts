/**
 * Which recommendations the assessment allows. A "no impediment" on an incomplete or flagged
 * assessment is exactly what this product exists to prevent, so the rules here lean to
 * blocking; defer and not_recommended are always open.
 *
 * - A standing STOP the override does not lift blocks "no impediment" and "proceed"; a hard
 *   STOP is never lifted. A lifted STOP still stands as a fact: it blocks "no impediment".
 * - Missing answers block both.
 * - Without flag-naming mitigations (version 1), any open RISK or ESC blocks "no impediment".
 *   With them, an ESC blocks it (it needs review and conditions), and a RISK blocks it only
 *   until a complete mitigation row (or an accepted risk) names it.
 * - Under derived unknowns, "no impediment identified" also needs every answer a STOP rule
 *   depends on to be known: an unknown or declined one blocks it even where, with the other
 *   answers as they are, that STOP could not fire (the claim is "nothing stands in the way", and
 *   what is not known cannot be said not to). "Proceed with conditions" stays open.
 */
import { itemLabelKeys, ruleReasonKeys } from './messages';
import type { Recommendation } from '../instrument/schema';
import { recommendations, stopRelevantItems } from '../instrument/schema';
import { isUnknownAnswer } from './answered';
import type { MissingItem } from './progress';
import type { BlockedRecommendation, Flag, Gating, OverrideStatus, Reason } from './types';
import type { EngineContext } from './visibility';

function text(ctx: EngineContext, code: string): string {
  const answer = ctx.answerOf(code);
  return typeof answer === 'string' ? answer.trim() : '';
}

export function chosenRecommendation(ctx: EngineContext): Recommendation | null {
  const answer = text(ctx, ctx.instrument.decision.recommendation);
  return recommendations.find((r) => r === answer) ?? null;
}

const idsOf = (flags: readonly Flag[]): string[] => [...new Set(flags.map((f) => f.ruleId))];
const listed = (key: string, flags: readonly Flag[]): Reason => {
  const ids = idsOf(flags);
  return { key, params: { rules: ids.join(', '), count: ids.length }, contentLists: { rules: ruleReasonKeys(ids) } };
};

function noImpedimentReasons(ctx: EngineContext, flags: readonly Flag[]): Reason[] {
  const reasons: Reason[] = [];
  if (!ctx.instrument.decision.mitigation) {
    // Version 1: an overridden STOP, an ESC or a RISK all count as open flags.
    const open = flags.filter((f) => f.level !== 'INFO').length;
    if (open > 0) reasons.push({ key: 'gating.open_flags', params: { count: open } });
    return reasons;
  }
  const lifted = flags.filter((f) => f.level === 'STOP' && f.overridden);
  const esc = flags.filter((f) => f.level === 'ESC');
  const risks = flags.filter((f) => f.level === 'RISK' && !f.covered);
  if (lifted.length > 0) reasons.push(listed('gating.overridden_stop', lifted));
  if (esc.length > 0) reasons.push(listed('gating.escalation', esc));
  if (risks.length > 0) reasons.push(listed('gating.uncovered_risk', risks));
  if (ctx.instrument.unknowns === 'derived') {
    const unknown = stopRelevantItems(ctx.instrument).filter((code) => {
      const item = ctx.item(code);
      return item !== undefined && isUnknownAnswer(ctx.answerOf(code), item.type);
    });
    if (unknown.length > 0) reasons.push({
      key: 'gating.unknown_stop_items', params: { items: unknown.join(', '), count: unknown.length }, contentLists: { items: itemLabelKeys(unknown) },
    });
  }
  return reasons;
}

export function computeGating(
  ctx: EngineContext, flags: readonly Flag[], missing: readonly MissingItem[], override: OverrideStatus,
): Gating {
  // The recommendation item is itself required; it must not block the very choice that answers it.
  const incomplete = missing.filter((m) => m.item !== ctx.instrument.decision.recommendation).length;
  const reasons: Record<Recommendation, Reason[]> = {
    no_impediment: [], proceed_with_conditions: [], defer: [], not_recommended: [],
  };
  const both = (reason: Reason) => {
    reasons.no_impediment.push(reason);
    reasons.proceed_with_conditions.push(reason);
  };
  const standing = flags.filter((f) => f.level === 'STOP' && !f.overridden);
  const hard = standing.filter((f) => f.hard);
  const soft = standing.filter((f) => !f.hard);
  if (soft.length > 0) both(listed('gating.stop', soft));
  if (hard.length > 0) both(listed('gating.hard_stop', hard));
  if (soft.length > 0 && (override.state === 'lapsed' || override.state === 'invalid') && 'record' in ctx.instrument.decision.override) {
    both({ key: 'gating.override_not_holding' });
  }
  reasons.no_impediment.push(...noImpedimentReasons(ctx, flags));
  if (incomplete > 0) both({ key: 'gating.incomplete', params: { count: incomplete } });
  const blocked: BlockedRecommendation[] = recommendations
    .filter((r) => reasons[r].length > 0)
    .map((r) => ({ recommendation: r, reasons: reasons[r] }));
  return { allowed: recommendations.filter((r) => reasons[r].length === 0), blocked, overrideActive: override.state === 'active' };
}
