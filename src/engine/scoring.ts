/**
 * Ratings. Each flag has a severity: the area rating it alone sets (by default from its level:
 * STOP very high, ESC high, RISK medium, INFO low; an instrument may set it per rule, so a flag
 * that only routes a case to review need not rate it high). Per area: the worst severity; three
 * or more medium flags make it high. Overall is the worst area, raised to very high when three
 * or more areas are high or above (cumulative risk). Every step only ever goes up as flags are
 * added, so a rating is monotonic in the flags.
 *
 * Process-quality flags (a rule with `confidence`) do not raise any rating: they lower the
 * confidence in the assessment, reported beside the rating (confidence.ts).
 */
import type { Domain, FlagLevel } from '../instrument/schema';
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

function countBySeverity(flags: readonly Flag[]): Record<RatingLevel, number> {
  const counts: Record<RatingLevel, number> = { low: 0, medium: 0, high: 0, very_high: 0 };
  for (const f of flags) counts[f.severity] += 1;
  return counts;
}

export interface RateOptions {
  applicable?: boolean;
  missing?: number;
  /** the interview was compromised: no flag here is not a finding of low risk */
  unconfirmed?: boolean;
}

export function rateFlags(flags: readonly Flag[], options: RateOptions = {}): Rating {
  const { applicable = true, missing = 0, unconfirmed = false } = options;
  const counts = countByLevel(flags);
  const severe = countBySeverity(flags);
  const ids = raisingIds(flags);
  const rating = (level: RatingLevel, explanation: Reason): Rating => ({ level, flags: ids, counts, missing, explanation });
  if (severe.very_high > 0) {
    // An override lifts the STOP for the recommendation, never the risk it names.
    const lifted = flags.filter((f) => f.severity === 'very_high').every((f) => f.overridden);
    return rating('very_high', { key: lifted ? 'rating.stop_overridden' : 'rating.stop', params: { count: severe.very_high } });
  }
  if (severe.high > 0) return rating('high', { key: 'rating.esc', params: { count: severe.high } });
  if (severe.medium >= RISK_MANY) return rating('high', { key: 'rating.risk_many', params: { count: severe.medium } });
  if (severe.medium > 0) return rating('medium', { key: 'rating.risk', params: { count: severe.medium } });
  const minor = flags.filter((f) => f.level !== 'INFO').length;
  if (minor > 0) return rating('low', { key: 'rating.minor', params: { count: minor } });
  if (!applicable) return rating('low', { key: 'rating.not_applicable' });
  if (missing > 0) return rating('low', { key: 'rating.none_incomplete', params: { count: missing } });
  return rating('low', unconfirmed ? { key: 'rating.none_unconfirmed' } : { key: 'rating.none' });
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
  flags: readonly Flag[], applies: Applicability, missing: Partial<Record<Domain, number>> = {}, unconfirmed = false,
): Record<Domain, Rating> {
  const entries = domains.map((d): [Domain, Rating] => {
    const applicable = d === 'child' ? applies.child : d === 'young_adult' ? applies.youngAdult : true;
    return [d, rateFlags(flags.filter((f) => f.domain === d), { applicable, missing: missing[d] ?? 0, unconfirmed })];
  });
  return Object.fromEntries(entries) as Record<Domain, Rating>;
}

/** The whole case's counts, for the overall explanation. */
function caseCounts(flags: readonly Flag[]): Record<string, number> {
  const c: Record<FlagLevel, number> = countByLevel(flags);
  return { stop: c.STOP, esc: c.ESC, risk: c.RISK };
}

/**
 * Overall: the worst area, or very high when three or more areas are high. Explained with the
 * whole case's counts and the areas that drive it (every area at the overall level, or every
 * high area when the cumulative rule applies).
 */
export function rateOverall(flags: readonly Flag[], ratings: Record<Domain, Rating>, unconfirmed = false): Rating {
  let worst: RatingLevel = 'low';
  for (const d of domains) if (rank(ratings[d].level) > rank(worst)) worst = ratings[d].level;
  const high = domains.filter((d) => rank(ratings[d].level) >= rank('high'));
  const missing = domains.reduce((sum, d) => sum + ratings[d].missing, 0);
  const base = { flags: raisingIds(flags), counts: countByLevel(flags), missing };
  const lists = (drivers: Domain[]) => ({ domains: drivers.map((d) => `domain.${d}`) });
  if (high.length >= CUMULATIVE_DOMAINS && worst !== 'very_high') {
    return {
      ...base, level: 'very_high', drivers: high,
      explanation: { key: 'rating.cumulative', params: { count: high.length, ...caseCounts(flags) }, lists: lists(high) },
    };
  }
  if (worst === 'low') {
    const minor = flags.filter((f) => f.level !== 'INFO').length;
    const explanation: Reason = missing > 0 ? { key: 'rating.none_incomplete', params: { count: missing } }
      : minor > 0 ? { key: 'rating.minor', params: { count: minor } }
        : unconfirmed ? { key: 'rating.none_unconfirmed' } : { key: 'rating.none' };
    return { ...base, level: 'low', drivers: [], explanation };
  }
  const drivers = domains.filter((d) => ratings[d].level === worst);
  return { ...base, level: worst, drivers, explanation: { key: 'rating.overall', params: caseCounts(flags), lists: lists(drivers) } };
}
