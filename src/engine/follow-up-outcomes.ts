/**
 * A follow-up check's coded outcomes and scores, from the definitions its instrument declares
 * (src/instrument/schema/followup.ts). An outcome that was not asked says so; an unknown or
 * declined answer is `unknown`, never counted as a no. A score counts only real answers, and a
 * dimension with too few of them has no score rather than a low one.
 */
import type { FollowUpInstrument, OutcomeDefinition, ScoresDefinition } from '../instrument/schema';
import { walkCondition, type Condition } from '../instrument/schema';
import { isAnswered, isUnknownAnswer } from './answered';
import type { EngineContext } from './visibility';

type FollowUpContext = EngineContext<FollowUpInstrument>;

/** `yes`, `no`, an option code (an outcome read from one item), `unknown`, or `not_asked`. */
export type OutcomeValue = string;

export interface Score {
  /** 0 (worst) to 1 (best), to two decimals; null when too few questions have a real answer */
  score: number | null;
  band: string | null;
  answered: number;
  of: number;
}

export interface FollowUpScores {
  dimensions: Record<string, Score>;
  /** the mean of the dimensions, when every dimension has a score */
  composite: { score: number | null; band: string | null };
}

/** Items a condition names itself (not through predicates): they say whether it was asked. */
function namedItems(conds: readonly Condition[]): string[] {
  const out: string[] = [];
  for (const c of conds) walkCondition(c, (node) => {
    if ('item' in node) out.push(node.item);
  });
  return out;
}

function outcomeOf(ctx: FollowUpContext, o: OutcomeDefinition): OutcomeValue {
  if ('item' in o) {
    if (!ctx.isItemVisible(o.item)) return 'not_asked';
    const answer = ctx.answerOf(o.item);
    const item = ctx.item(o.item);
    if (item === undefined || !isAnswered(answer) || isUnknownAnswer(answer, item.type) || typeof answer !== 'string') return 'unknown';
    return answer;
  }
  if (ctx.holds(o.yes)) return 'yes';
  if (ctx.holds(o.no)) return 'no';
  return namedItems([o.yes, o.no]).some((code) => ctx.isItemVisible(code)) ? 'unknown' : 'not_asked';
}

export function computeOutcomes(ctx: FollowUpContext): Record<string, OutcomeValue> {
  return Object.fromEntries(ctx.instrument.followUp.outcomes.map((o) => [o.code, outcomeOf(ctx, o)]));
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function bandOf(scores: ScoresDefinition, score: number | null): string | null {
  if (score === null) return null;
  return [...scores.bands].reverse().find((b) => score >= b.from)?.id ?? null;
}

/** The scores of a check that carries them, or null for the other checks. */
export function computeScores(ctx: FollowUpContext): FollowUpScores | null {
  const def = ctx.instrument.followUp.scores;
  if (!ctx.holds(def.when)) return null;
  const exact: (number | null)[] = [];
  const dimensions: Record<string, Score> = {};
  for (const d of def.dimensions) {
    const points = d.items.flatMap((s) => {
      const answer = ctx.answerOf(s.item);
      // Own keys only: an answers file could hold "constructor" or the like.
      const p = typeof answer === 'string' && Object.hasOwn(s.points, answer) ? s.points[answer] : undefined;
      return p === undefined ? [] : [p];
    });
    const enough = points.length > 0 && points.length / d.items.length >= def.minAnswered;
    const mean = enough ? points.reduce((a, b) => a + b, 0) / points.length : null;
    exact.push(mean);
    const score = mean === null ? null : round2(mean);
    dimensions[d.id] = { score, band: bandOf(def, score), answered: points.length, of: d.items.length };
  }
  const all = exact.filter((s): s is number => s !== null);
  const composite = all.length === exact.length ? round2(all.reduce((a, b) => a + b, 0) / all.length) : null;
  return { dimensions, composite: { score: composite, band: bandOf(def, composite) } };
}
