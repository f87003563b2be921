/**
 * What still blocks sign-off, and whether a recorded sign-off still holds.
 *
 * Blockers, in order: missing answers; invalid answers; no recommendation, or one the gating
 * blocks; no judgement of the assessor; a supervisor's signature where a standing flag needs
 * review (or for any child case), by someone other than the assessor; a multi-agency review
 * where a flag needs one; mitigations (version 1: at least one row while RISK or ESC stand;
 * with flag-naming mitigations: a complete row for every flag that needs one); the
 * instrument's own requirements; and a lapsed sign-off.
 *
 * A sign-off record keeps its date and the STOP-relevant answers it rested on. It lapses to
 * "pending re-check" when one of those answers changes afterwards, or when the planned
 * departure is more than `validDays` after it.
 */
import { itemLabelKeys, ruleReasonKeys } from './messages';
import type { SignOffAnswer } from '../instrument/schema';
import { asSignOff, stopRelevantItems } from '../instrument/schema';
import { basisOf, changedSince } from './basis';
import { rowsOf } from './conditions';
import { parseDate } from './dates';
import { chosenRecommendation } from './gating';
import { needsCoverage } from './mitigation';
import { sameName } from './override';
import type { MissingItem } from './progress';
import { ratingLevels, type Flag, type Gating, type Reason, type SignOff } from './types';
import type { EngineContext } from './visibility';

function text(ctx: EngineContext, code: string): string {
  const answer = ctx.answerOf(code);
  return typeof answer === 'string' ? answer.trim() : '';
}

/** The name on a signature answer; '' for none (a one-tap "unknown" is not a signature). */
function signer(ctx: EngineContext, code: string): string {
  const answer = ctx.answerOf(code);
  return typeof answer === 'object' && !Array.isArray(answer) && 'name' in answer && typeof answer.name === 'string' ? answer.name.trim() : '';
}

/** The rows item that records mitigations (version 1): a rows item required while RISK or ESC flags stand. */
function v1MitigationItem(ctx: EngineContext): string | undefined {
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

function reviewBlockers(ctx: EngineContext, input: SignOffInput): Reason[] {
  const { decision } = ctx.instrument;
  const blockers: Reason[] = [];
  const name = signer(ctx, decision.supervisorReview);
  if ((input.flags.some((f) => f.review !== 'none') || input.isChild) && name === '') {
    blockers.push({ key: 'signoff.supervisor_review' });
  }
  if (name !== '' && decision.assessor !== undefined && sameName(name, text(ctx, decision.assessor))) {
    blockers.push({ key: 'signoff.supervisor_is_assessor' });
  }
  const multi = input.flags.filter((f) => f.review === 'multi_agency');
  if (decision.multiAgencyReview !== undefined && multi.length > 0 && text(ctx, decision.multiAgencyReview) !== 'yes') {
    const ids = [...new Set(multi.map((f) => f.ruleId))];
    blockers.push({ key: 'signoff.multi_agency_review', params: { rules: ids.join(', ') }, contentLists: { rules: ruleReasonKeys(ids) } });
  }
  return blockers;
}

function mitigationBlockers(ctx: EngineContext, flags: readonly Flag[]): Reason[] {
  if (ctx.instrument.decision.mitigation) {
    const open = [...new Set(flags.filter((f) => needsCoverage(f) && !f.covered).map((f) => f.ruleId))];
    return open.length > 0 ? [{ key: 'signoff.uncovered', params: { count: open.length, rules: open.join(', ') }, contentLists: { rules: ruleReasonKeys(open) } }] : [];
  }
  const levels = new Set(flags.map((f) => f.level));
  const item = v1MitigationItem(ctx);
  if (item !== undefined && (levels.has('RISK') || levels.has('ESC')) && rowsOf(ctx.answerOf(item)).length === 0) {
    return [{ key: 'signoff.mitigation' }];
  }
  return [];
}

export function signOffBlockers(ctx: EngineContext, input: SignOffInput): Reason[] {
  const { decision } = ctx.instrument;
  const blockers: Reason[] = [];
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
  blockers.push(...reviewBlockers(ctx, input), ...mitigationBlockers(ctx, input.flags));
  for (const req of decision.signOffRequires) {
    if (ctx.holds(req.when) && !ctx.holds(req.require)) {
      blockers.push({ key: `signoff.${req.id}.reason`, source: 'instrument' });
    }
  }
  return blockers;
}

function recordOf(ctx: EngineContext): SignOffAnswer | null {
  const config = ctx.instrument.decision.signOff;
  return config ? asSignOff(ctx.answerOf(config.record)) : null;
}

/** Why a recorded sign-off no longer holds, and the STOP-relevant items changed since. */
function lapse(ctx: EngineContext, record: SignOffAnswer): { reasons: Reason[]; changed: string[] } {
  const config = ctx.instrument.decision.signOff;
  const reasons: Reason[] = [];
  const changed = changedSince(ctx, record.basis, stopRelevantItems(ctx.instrument));
  if (changed.length > 0) reasons.push({
    key: 'signoff.lapsed_changed', params: { items: changed.join(', '), count: changed.length }, contentLists: { items: itemLabelKeys(changed) },
  });
  const signed = parseDate(record.date);
  const departure = config ? parseDate(ctx.answerOf(config.departure)) : null;
  if (config && signed && departure && departure.day - signed.day > config.validDays) {
    reasons.push({ key: 'signoff.lapsed_departure', params: { days: config.validDays, count: departure.day - signed.day } });
  }
  return { reasons, changed };
}

/** The sign-off: blockers (a lapsed record among them), state, date and confirmations. */
export function computeSignOff(ctx: EngineContext, input: SignOffInput): SignOff {
  const blockers = signOffBlockers(ctx, input);
  const record = recordOf(ctx);
  if (!record) {
    return { ready: blockers.length === 0, blockers, state: blockers.length === 0 ? 'ready' : 'not_ready', signedOn: null, confirmations: [], changedSince: [] };
  }
  const { reasons, changed } = lapse(ctx, record);
  const all = [...blockers, ...reasons];
  const confirmations = Object.entries(record.confirmed).map(([item, date]) => ({ item, date }));
  const state = reasons.length > 0 ? 'pending_recheck' : blockers.length > 0 ? 'not_ready' : 'signed';
  return { ready: all.length === 0, blockers: all, state, signedOn: record.date, confirmations, changedSince: changed };
}

export interface SignOffRecordInput {
  by: string;
  role: string;
  date: string;
}

/** The record the review screen writes at sign-off: the STOP-relevant answers now, each confirmed today. */
export function buildSignOffRecord(ctx: EngineContext, input: SignOffRecordInput): SignOffAnswer {
  const codes = stopRelevantItems(ctx.instrument);
  const basis = basisOf(ctx, codes);
  const confirmed = Object.fromEntries(codes.filter((c) => basis[c] !== null).map((c) => [c, input.date]));
  return { ...input, basis, confirmed };
}
