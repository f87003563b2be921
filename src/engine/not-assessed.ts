/**
 * A refused assessment (a rule with `notAssessed`, e.g. no consent) is not an assessment at all:
 * no rating of it is a finding of low risk, and nothing in it can be relied on. Its "low" ratings
 * are explained as "not assessed" and its confidence is none, so no reader takes a refusal for a
 * safe case (review 13, finding 10).
 */
import type { Domain, Instrument } from '../instrument/schema';
import type { Confidence, Flag, Rating } from './types';

/** The standing flags that mean the assessment did not take place. */
export function notAssessedFlags(instrument: Instrument, flags: readonly Flag[]): Flag[] {
  const ids = new Set(instrument.rules.filter((r) => r.notAssessed).map((r) => r.id));
  return flags.filter((f) => ids.has(f.ruleId) && f.level !== 'INFO');
}

const relabel = (rating: Rating): Rating => (rating.level === 'low' ? { ...rating, explanation: { key: 'rating.not_assessed' } } : rating);

export function markNotAssessed(
  ratings: Record<Domain, Rating>, overall: Rating, confidence: Confidence | null, refusing: readonly Flag[],
): { ratings: Record<Domain, Rating>; overall: Rating; confidence: Confidence | null } {
  if (refusing.length === 0) return { ratings, overall, confidence };
  const relabelled = Object.fromEntries(Object.entries(ratings).map(([d, r]) => [d, relabel(r)])) as Record<Domain, Rating>;
  return {
    ratings: relabelled,
    overall: relabel(overall),
    confidence: { level: 'unreliable', flags: [...new Set(refusing.map((f) => f.ruleId))], explanation: { key: 'confidence.not_assessed' } },
  };
}
