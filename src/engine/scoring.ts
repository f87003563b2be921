/**
 * Ratings. Per domain: no flags → low; 1–2 RISK → medium; ≥3 RISK → high; any ESC → high;
 * any STOP → very_high. INFO never raises a rating. Overall is the highest domain, raised
 * to very_high when three or more domains are high or above (cumulative risk). Every step
 * only ever goes up as flags are added, so a rating is monotonic in the flags.
 */
import type { Domain } from '../instrument/schema';
import { domains } from '../instrument/schema';
import { countByLevel } from './rules';
import { ratingLevels, type Flag, type Rating, type RatingLevel, type Reason } from './types';

export const CUMULATIVE_DOMAINS = 3;
export const RISK_MANY = 3;

const rank = (level: RatingLevel): number => ratingLevels.indexOf(level);

/** Rule ids that raise a rating (INFO excluded), worst first, each once. */
function raisingIds(flags: readonly Flag[]): string[] {
  return [...new Set(flags.filter((f) => f.level !== 'INFO').map((f) => f.ruleId))];
}

export function rateFlags(flags: readonly Flag[], applicable = true, missing = 0): Rating {
  const counts = countByLevel(flags);
  const ids = raisingIds(flags);
  const rating = (level: RatingLevel, explanation: Reason): Rating => ({ level, flags: ids, counts, missing, explanation });
  if (counts.STOP > 0) return rating('very_high', { key: 'rating.stop', params: { count: counts.STOP } });
  if (counts.ESC > 0) return rating('high', { key: 'rating.esc', params: { count: counts.ESC } });
  if (counts.RISK >= RISK_MANY) return rating('high', { key: 'rating.risk_many', params: { count: counts.RISK } });
  if (counts.RISK > 0) return rating('medium', { key: 'rating.risk', params: { count: counts.RISK } });
  if (!applicable) return rating('low', { key: 'rating.not_applicable' });
  return rating('low', missing > 0 ? { key: 'rating.none_incomplete', params: { count: missing } } : { key: 'rating.none' });
}

export interface Applicability {
  child: boolean;
  youngAdult: boolean;
}

/**
 * One rating per domain. A domain that does not apply (child, young_adult) still rates its
 * flags if any stand: applicability only changes how "no flags" is explained.
 */
export function rateDomains(
  flags: readonly Flag[], applies: Applicability, missing: Partial<Record<Domain, number>> = {},
): Record<Domain, Rating> {
  const entries = domains.map((d): [Domain, Rating] => {
    const applicable = d === 'child' ? applies.child : d === 'young_adult' ? applies.youngAdult : true;
    return [d, rateFlags(flags.filter((f) => f.domain === d), applicable, missing[d] ?? 0)];
  });
  return Object.fromEntries(entries) as Record<Domain, Rating>;
}

export function rateOverall(flags: readonly Flag[], ratings: Record<Domain, Rating>): Rating {
  let worst: Domain | null = null;
  for (const d of domains) if (worst === null || rank(ratings[d].level) > rank(ratings[worst].level)) worst = d;
  const high = domains.filter((d) => rank(ratings[d].level) >= rank('high')).length;
  const missing = domains.reduce((sum, d) => sum + ratings[d].missing, 0);
  const base: Rating = {
    level: 'low', flags: raisingIds(flags), counts: countByLevel(flags), missing,
    explanation: missing > 0 ? { key: 'rating.none_incomplete', params: { count: missing } } : { key: 'rating.none' },
  };
  if (high >= CUMULATIVE_DOMAINS && (worst === null || ratings[worst].level !== 'very_high')) {
    return { ...base, level: 'very_high', explanation: { key: 'rating.cumulative', params: { count: high } } };
  }
  if (worst === null || ratings[worst].level === 'low') return base;
  const { explanation, level } = ratings[worst];
  return { ...base, level, explanation: { ...explanation, params: { ...explanation.params, domain: worst } } };
}
