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
 * Under a dated sign-off (version 2) also: the assessor's rating below the computed one, a
 * mitigation row naming a flag that does not stand, and, for a return, a departure date that is
 * unknown or past. A recorded sign-off lapses as signoff-record.ts says.
 */
import { ruleReasonKeys } from './messages';
import { rowsOf } from './conditions';
import { chosenRecommendation } from './gating';
import { flagIdsOf, needsCoverage } from './mitigation';
import { sameName } from './override';
import type { MissingItem } from './progress';
import { departureProblems, lapse, recordOf } from './signoff-record';
import { ratingLevels, type Flag, type Gating, type RatingLevel, type Reason, type SignOff } from './types';
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
  /** the computed overall rating: the assessor's own may not be lower (version 2) */
  overall?: RatingLevel;
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

/** Rows that name a rule no flag stands for: an answer to a risk that is not there contradicts the flags. */
function staleRows(ctx: EngineContext, flags: readonly Flag[]): Reason[] {
  const config = ctx.instrument.decision.mitigation;
  if (!config) return [];
  const standing = new Set(flags.map((f) => f.ruleId));
  const stale = [...new Set(rowsOf(ctx.answerOf(config.item)).flatMap((row) => flagIdsOf(row[config.flags])))]
    .filter((id) => !standing.has(id) && ctx.instrument.rules.some((r) => r.id === id));
  return stale.length > 0 ? [{ key: 'signoff.stale_mitigation', params: { count: stale.length, rules: stale.join(', ') }, contentLists: { rules: ruleReasonKeys(stale) } }] : [];
}

function mitigationBlockers(ctx: EngineContext, flags: readonly Flag[]): Reason[] {
  if (ctx.instrument.decision.mitigation) {
    const open = [...new Set(flags.filter((f) => needsCoverage(f) && !f.covered).map((f) => f.ruleId))];
    const uncovered: Reason[] = open.length > 0 ? [{ key: 'signoff.uncovered', params: { count: open.length, rules: open.join(', ') }, contentLists: { rules: ruleReasonKeys(open) } }] : [];
    return [...uncovered, ...staleRows(ctx, flags)];
  }
  const levels = new Set(flags.map((f) => f.level));
  const item = v1MitigationItem(ctx);
  if (item !== undefined && (levels.has('RISK') || levels.has('ESC')) && rowsOf(ctx.answerOf(item)).length === 0) {
    return [{ key: 'signoff.mitigation' }];
  }
  return [];
}

/**
 * The assessor's own rating and narrative. Under a dated sign-off (version 2) a rating below the
 * computed one contradicts the flags: the case is not signed off on a lower judgement than the
 * answers support.
 */
function judgementBlockers(ctx: EngineContext, overall: RatingLevel | undefined): Reason[] {
  const { decision } = ctx.instrument;
  const rating = ratingLevels.find((l) => l === text(ctx, decision.assessorRating));
  if (rating === undefined || text(ctx, decision.narrative) === '') return [{ key: 'signoff.no_judgement' }];
  if (decision.signOff && overall !== undefined && ratingLevels.indexOf(rating) < ratingLevels.indexOf(overall)) {
    return [{
      key: 'signoff.judgement_below_computed', params: { assessor: rating, computed: overall },
      lists: { assessor: [`rating.level.${rating}`], computed: [`rating.level.${overall}`] },
    }];
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
  blockers.push(...judgementBlockers(ctx, input.overall));
  blockers.push(...reviewBlockers(ctx, input), ...mitigationBlockers(ctx, input.flags));
  for (const req of decision.signOffRequires) {
    if (ctx.holds(req.when) && !ctx.holds(req.require)) {
      blockers.push({ key: `signoff.${req.id}.reason`, source: 'instrument' });
    }
  }
  return blockers;
}

/** The sign-off: blockers (a lapsed record among them), state, date and confirmations. */
export function computeSignOff(ctx: EngineContext, input: SignOffInput): SignOff {
  const blockers = signOffBlockers(ctx, input);
  const record = recordOf(ctx);
  if (!record) {
    blockers.push(...departureProblems(ctx));
    return { ready: blockers.length === 0, blockers, state: blockers.length === 0 ? 'ready' : 'not_ready', signedOn: null, confirmations: [], changedSince: [] };
  }
  const { reasons, changed } = lapse(ctx, record, input.flags);
  const all = [...blockers, ...reasons];
  const confirmations = Object.entries(record.confirmed).map(([item, date]) => ({ item, date }));
  const state = reasons.length > 0 ? 'pending_recheck' : blockers.length > 0 ? 'not_ready' : 'signed';
  return { ready: all.length === 0, blockers: all, state, signedOn: record.date, confirmations, changedSince: changed };
}
