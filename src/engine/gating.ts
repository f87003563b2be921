/**
 * Which recommendations the assessment allows, and what still blocks sign-off. A "no
 * impediment" on an incomplete or flagged assessment is exactly what this product exists
 * to prevent, so the rules here lean to blocking; defer and not_recommended are always open.
 */
import type { Recommendation } from '../instrument/schema';
import { recommendations } from '../instrument/schema';
import { rowsOf } from './conditions';
import { parseDate } from './dates';
import type { MissingItem } from './progress';
import { ratingLevels, type BlockedRecommendation, type Flag, type Gating, type Reason } from './types';
import type { EngineContext } from './visibility';

function text(ctx: EngineContext, code: string): string {
  const answer = ctx.answerOf(code);
  return typeof answer === 'string' ? answer.trim() : '';
}

/** A signature with a name; a one-tap "unknown" is not a signature. */
function isSigned(ctx: EngineContext, code: string): boolean {
  const answer = ctx.answerOf(code);
  return typeof answer === 'object' && !Array.isArray(answer) && 'name' in answer && answer.name.trim() !== '';
}

/**
 * A written override by a senior reviewer: reason and name given (as words, not
 * "unknown"), a role from `seniorRoles`, and a real date. Hidden items do not count.
 */
export function isOverrideActive(ctx: EngineContext): boolean {
  const { override, seniorRoles } = ctx.instrument.decision;
  return text(ctx, override.reason) !== '' && text(ctx, override.by) !== ''
    && seniorRoles.includes(text(ctx, override.role)) && parseDate(ctx.answerOf(override.date)) !== null;
}

export function chosenRecommendation(ctx: EngineContext): Recommendation | null {
  const answer = text(ctx, ctx.instrument.decision.recommendation);
  return recommendations.find((r) => r === answer) ?? null;
}

export function computeGating(ctx: EngineContext, flags: readonly Flag[], missing: readonly MissingItem[]): Gating {
  const overrideActive = isOverrideActive(ctx);
  const stops = [...new Set(flags.filter((f) => f.level === 'STOP').map((f) => f.ruleId))];
  const open = flags.filter((f) => f.level !== 'INFO').length;
  // The recommendation item is itself required; it must not block the very choice that answers it.
  const incomplete = missing.filter((m) => m.item !== ctx.instrument.decision.recommendation).length;
  const reasons: Record<Recommendation, Reason[]> = {
    no_impediment: [], proceed_with_conditions: [], defer: [], not_recommended: [],
  };
  if (stops.length > 0 && !overrideActive) {
    const stop: Reason = { key: 'gating.stop', params: { rules: stops.join(', '), count: stops.length } };
    reasons.no_impediment.push(stop);
    reasons.proceed_with_conditions.push(stop);
  }
  // An overridden STOP still stands: the override opens "proceed with conditions", never "no impediment".
  if (open > 0) reasons.no_impediment.push({ key: 'gating.open_flags', params: { count: open } });
  if (incomplete > 0) {
    const reason: Reason = { key: 'gating.incomplete', params: { count: incomplete } };
    reasons.no_impediment.push(reason);
    reasons.proceed_with_conditions.push(reason);
  }
  const blocked: BlockedRecommendation[] = recommendations
    .filter((r) => reasons[r].length > 0)
    .map((r) => ({ recommendation: r, reasons: reasons[r] }));
  return { allowed: recommendations.filter((r) => reasons[r].length === 0), blocked, overrideActive };
}

/** The rows item that records mitigations: a rows item required while RISK or ESC flags stand. */
function mitigationItem(ctx: EngineContext): string | undefined {
  return ctx.placed.find((p) => p.item.type === 'rows'
    && (p.item.requiredWhenFlags ?? []).some((l) => l === 'RISK' || l === 'ESC'))?.item.code;
}

export interface SignOffInput {
  flags: readonly Flag[];
  missing: readonly MissingItem[];
  gating: Gating;
  isChild: boolean;
  /** validation errors over the visible items: an invalid answer is never signed off */
  errors: number;
}

export function signOffBlockers(ctx: EngineContext, input: SignOffInput): Reason[] {
  const { decision } = ctx.instrument;
  const blockers: Reason[] = [];
  const levels = new Set(input.flags.map((f) => f.level));
  if (input.missing.length > 0) blockers.push({ key: 'signoff.incomplete', params: { count: input.missing.length } });
  if (input.errors > 0) blockers.push({ key: 'signoff.invalid_answers', params: { count: input.errors } });
  const chosen = chosenRecommendation(ctx);
  if (chosen === null) blockers.push({ key: 'signoff.no_recommendation' });
  else if (!input.gating.allowed.includes(chosen)) {
    blockers.push({ key: 'signoff.recommendation_blocked', params: { recommendation: chosen } });
  }
  const rating = text(ctx, decision.assessorRating);
  if (!ratingLevels.some((l) => l === rating) || text(ctx, decision.narrative) === '') {
    blockers.push({ key: 'signoff.no_judgement' });
  }
  if ((levels.has('STOP') || levels.has('ESC') || input.isChild) && !isSigned(ctx, decision.supervisorReview)) {
    blockers.push({ key: 'signoff.supervisor_review' });
  }
  const mitigation = mitigationItem(ctx);
  if (mitigation !== undefined && (levels.has('RISK') || levels.has('ESC'))
    && rowsOf(ctx.answerOf(mitigation)).length === 0) {
    blockers.push({ key: 'signoff.mitigation' });
  }
  for (const req of decision.signOffRequires) {
    if (ctx.holds(req.when) && !ctx.holds(req.require)) {
      blockers.push({ key: `signoff.${req.id}.reason`, source: 'instrument' });
    }
  }
  return blockers;
}
