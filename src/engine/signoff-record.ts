/**
 * A recorded sign-off and whether it still holds. The record keeps its date, the answers it
 * rested on (`basis`: every STOP-relevant answer and the decision itself: the recommendation, the
 * assessor's rating and narrative, the mitigations, the override, the supervisor's review and the
 * planned departure) and the flags that stood (`flags`). It lapses to "pending re-check" when:
 * - one of those answers reads differently today (an edited departure date included, so moving
 *   the date back does not restore a lapsed sign-off unless it is exactly the date signed);
 * - a RISK, ESC or STOP stands that did not stand at sign-off, or stands at a higher level;
 * - its date is not a real date or is later than today (a sign-off cannot be current before it is given);
 * - more than `validDays` have passed since it, or departure is more than `validDays` after it;
 * - (for a return) the departure date is unknown or has passed.
 * Review 13, findings 2, 8 and 12.
 */
import { itemLabelKeys, ruleReasonKeys } from './messages';
import type { Instrument, SignOffAnswer } from '../instrument/schema';
import { asSignOff, stopRelevantItems } from '../instrument/schema';
import { basisOf, changedSince } from './basis';
import { parseDate } from './dates';
import { chosenRecommendation } from './gating';
import { levelRank } from './rules';
import type { Flag, Reason } from './types';
import type { EngineContext } from './visibility';

/** The decision items a sign-off rests on, beside the STOP-relevant answers. */
function decisionItems(inst: Instrument): string[] {
  const d = inst.decision;
  const codes = [d.recommendation, d.assessorRating, d.narrative, d.supervisorReview];
  if (d.mitigation) codes.push(d.mitigation.item);
  if ('record' in d.override) codes.push(d.override.record);
  if (d.signOff) codes.push(d.signOff.departure);
  return codes;
}

/** Every item whose answer a sign-off rests on. */
export function signOffBasisItems(inst: Instrument): string[] {
  return [...new Set([...stopRelevantItems(inst), ...decisionItems(inst)])];
}

export function recordOf(ctx: EngineContext): SignOffAnswer | null {
  const config = ctx.instrument.decision.signOff;
  return config ? asSignOff(ctx.answerOf(config.record)) : null;
}

const raising = (flags: readonly Flag[]) => flags.filter((f) => f.level !== 'INFO');

/**
 * For a return (no impediment, proceed with conditions): the planned departure must be a real
 * date, not already past. A deferral or a "not recommended" has no departure to check.
 */
export function departureProblems(ctx: EngineContext): Reason[] {
  const config = ctx.instrument.decision.signOff;
  const chosen = chosenRecommendation(ctx);
  if (!config || (chosen !== 'no_impediment' && chosen !== 'proceed_with_conditions')) return [];
  const departure = parseDate(ctx.answerOf(config.departure));
  if (!departure) return [{ key: 'signoff.departure_unknown' }];
  return departure.day < ctx.today.day ? [{ key: 'signoff.departure_past' }] : [];
}

/** Flags standing now that did not at sign-off (or stand higher); every one for a record without flags. */
function newFlags(record: SignOffAnswer, flags: readonly Flag[]): string[] {
  const before = new Map((record.flags ?? []).map((f) => [f.rule, f.level]));
  return [...new Set(raising(flags).filter((f) => {
    const was = before.get(f.ruleId);
    return was === undefined || levelRank[f.level] < levelRank[was];
  }).map((f) => f.ruleId))];
}

function windowProblems(ctx: EngineContext, record: SignOffAnswer): Reason[] {
  const config = ctx.instrument.decision.signOff;
  const signed = parseDate(record.date);
  if (!signed || signed.day > ctx.today.day) return [{ key: 'signoff.date_invalid' }];
  if (!config) return [];
  const reasons: Reason[] = [];
  const age = ctx.today.day - signed.day;
  if (age > config.validDays) reasons.push({ key: 'signoff.lapsed_age', params: { days: config.validDays, count: age } });
  const departure = parseDate(ctx.answerOf(config.departure));
  if (departure && departure.day - signed.day > config.validDays) {
    reasons.push({ key: 'signoff.lapsed_departure', params: { days: config.validDays, count: departure.day - signed.day } });
  }
  return reasons;
}

/** Why a recorded sign-off no longer holds, and the items changed since. */
export function lapse(ctx: EngineContext, record: SignOffAnswer, flags: readonly Flag[]): { reasons: Reason[]; changed: string[] } {
  const reasons: Reason[] = [];
  const changed = changedSince(ctx, record.basis, signOffBasisItems(ctx.instrument));
  if (changed.length > 0) reasons.push({
    key: 'signoff.lapsed_changed', params: { items: changed.join(', '), count: changed.length }, contentLists: { items: itemLabelKeys(changed) },
  });
  const fresh = newFlags(record, flags);
  if (fresh.length > 0) reasons.push({
    key: 'signoff.lapsed_new_flag', params: { rules: fresh.join(', '), count: fresh.length }, contentLists: { rules: ruleReasonKeys(fresh) },
  });
  reasons.push(...windowProblems(ctx, record), ...departureProblems(ctx));
  return { reasons, changed };
}

export interface SignOffRecordInput {
  by: string;
  role: string;
  date: string;
}

/** The record the review screen writes at sign-off: the answers and flags now, each STOP item confirmed today. */
export function buildSignOffRecord(ctx: EngineContext, flags: readonly Flag[], input: SignOffRecordInput): SignOffAnswer {
  const stopItems = stopRelevantItems(ctx.instrument);
  const basis = basisOf(ctx, signOffBasisItems(ctx.instrument));
  const confirmed = Object.fromEntries(stopItems.filter((c) => basis[c] !== null).map((c) => [c, input.date]));
  const standing = [...new Map(raising(flags).map((f) => [f.ruleId, { rule: f.ruleId, level: f.level }])).values()];
  return { ...input, basis, confirmed, flags: standing };
}
