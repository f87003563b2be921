/**
 * Confidence in this assessment: how far its findings can be relied on. A weak interview (no
 * training, no independent interpreter, a single source, someone linked to the exploitation in
 * the room) does not make the survivor more likely to be re-trafficked, so it lowers this
 * indicator instead of the risk rating (domain review, table 2.3 row 17). Each process-quality
 * rule caps it; the lowest cap of the standing flags wins. Null when the instrument has no such rule.
 */
import { confidenceLevels, type ConfidenceLevel, type Instrument } from '../instrument/schema';
import type { Confidence, Flag } from './types';

const rank = (level: ConfidenceLevel): number => confidenceLevels.indexOf(level);

export function assessConfidence(instrument: Instrument, flags: readonly Flag[]): Confidence | null {
  if (!instrument.rules.some((r) => r.confidence !== undefined)) return null;
  const lowering = flags.filter((f) => f.confidence !== null && f.level !== 'INFO');
  let level: ConfidenceLevel = 'high';
  for (const f of lowering) if (f.confidence && rank(f.confidence) > rank(level)) level = f.confidence;
  const ids = [...new Set([...lowering].sort((a, b) => rank(b.confidence ?? 'high') - rank(a.confidence ?? 'high')).map((f) => f.ruleId))];
  return {
    level,
    flags: ids,
    explanation: ids.length === 0 ? { key: 'confidence.none' } : { key: `confidence.${level}`, params: { count: ids.length } },
  };
}
