/**
 * `assess` ties the steps together. It is pure and deterministic: the same instrument,
 * answers and `now` always give the same result, and nothing reads a clock.
 */
import type { Answers, Domain, Instrument } from '../instrument/schema';
import { assessConfidence } from './confidence';
import { chosenRecommendation, computeGating } from './gating';
import { coverage, isCovered } from './mitigation';
import { markNotAssessed, notAssessedFlags } from './not-assessed';
import { overrideStatus } from './override';
import { computeMissing, computeSections } from './progress';
import { computeFlags } from './rules';
import { rateDomains, rateOverall } from './scoring';
import { computeSignOff } from './signoff';
import { ratingLevels, type AssessOptions, type AssessmentResult, type FieldError, type Flag, type RatingLevel } from './types';
import { validateVisible } from './validation';
import { createContext, type EngineContext } from './visibility';

function profileOf(ctx: EngineContext): AssessmentResult['profile'] {
  const has = (name: string) => name in ctx.instrument.predicates && ctx.predicate(name);
  return { isChild: has('isChild'), isYoungAdult: has('isYoungAdult') };
}

function assessorRatingOf(ctx: EngineContext): RatingLevel | null {
  const answer = ctx.answerOf(ctx.instrument.decision.assessorRating);
  return ratingLevels.find((l) => l === answer) ?? null;
}

/** Flags with what the decisions made of them: lifted by the override, answered by a mitigation. */
function settle(ctx: EngineContext, raw: readonly Flag[]) {
  const override = overrideStatus(ctx, raw);
  const lifted = new Set(override.lifted);
  const lifting = raw.map((f) => (f.level === 'STOP' && !f.hard && lifted.has(f.ruleId) ? { ...f, overridden: true } : f));
  const rows = coverage(ctx);
  const flags = lifting.map((f) => (isCovered(f, rows) ? { ...f, covered: true } : f));
  return { flags, override };
}

export function assess(instrument: Instrument, answers: Answers, options: AssessOptions): AssessmentResult {
  const ctx = createContext(instrument, answers, options);
  const profile = profileOf(ctx);
  const { flags, override } = settle(ctx, computeFlags(ctx));
  const missing = computeMissing(ctx, flags);
  const visibleSections = instrument.sections.filter((s) => ctx.isSectionVisible(s.code));
  // The child domain also applies to an adult returning with children (a visible child section).
  const domainOf = new Map(instrument.sections.map((s) => [s.code, s.domain]));
  const missingByDomain: Partial<Record<Domain, number>> = {};
  for (const m of missing) {
    const d = domainOf.get(m.section);
    if (d) missingByDomain[d] = (missingByDomain[d] ?? 0) + 1;
  }
  const assessed = assessConfidence(instrument, flags);
  const unconfirmed = assessed?.level === 'unreliable';
  const rated = rateDomains(flags, {
    child: profile.isChild || visibleSections.some((s) => s.domain === 'child'),
    youngAdult: profile.isYoungAdult,
  }, missingByDomain, unconfirmed);
  const { ratings, overall, confidence } = markNotAssessed(rated, rateOverall(flags, rated, unconfirmed), assessed, notAssessedFlags(instrument, flags));
  const recommendations = computeGating(ctx, flags, missing, override);
  const recommendation = chosenRecommendation(ctx);
  const errors = validateVisible(ctx);
  const signOff = computeSignOff(ctx, {
    flags, missing, gating: recommendations, isChild: profile.isChild, errors: errors.length, overall: overall.level,
  });
  return {
    instrument: { id: instrument.id, version: instrument.version },
    now: options.now,
    profile,
    visibleSections: visibleSections.map((s) => s.code),
    visibleItems: ctx.placed.filter((p) => ctx.isItemVisible(p.item.code)).map((p) => p.item.code),
    missing,
    sections: computeSections(ctx, flags, missing),
    flags,
    ratings,
    overall,
    confidence,
    override,
    assessorRating: assessorRatingOf(ctx),
    recommendations,
    chosen: { recommendation, allowed: recommendation !== null && recommendations.allowed.includes(recommendation) },
    signOff,
    errors,
  };
}

/**
 * Errors for the visible items of one section: the wizard step's react-hook-form resolver.
 * Visibility is computed over all answers, since a section may depend on earlier ones.
 */
export function validateSection(
  instrument: Instrument, answers: Answers, sectionCode: string, options: AssessOptions,
): FieldError[] {
  if (!instrument.sections.some((s) => s.code === sectionCode)) {
    throw new RangeError(`Section ${sectionCode} is not in ${instrument.id} v${instrument.version}`);
  }
  return validateVisible(createContext(instrument, answers, options), sectionCode);
}
