/**
 * Fictional cases for tests of the outcome export: answers drawn from a seeded generator across
 * both instrument versions, assessed by the real engine, with follow-up checks. Deterministic:
 * the same count and seed always give the same cases. Nothing here describes a real person.
 */
import { assess, overrideRecord } from '../engine';
import { getInstrument, type Answers, type Instrument } from '../instrument';
import { checkPoints, outcomeCodes, type OutcomeCode } from './codes';
import type { OutcomeCase } from './facts';
import type { FollowUpCheck } from './follow-up';

/** mulberry32: a small, well-known seeded generator (quality is ample for fixtures). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
/** Skewed towards the start of the list, as real caseloads are (a few routes, a few countries). */
const pickSkewed = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * rand() * list.length)] as T;

const countries = ['al', 'ng', 'vn', 'ro', 'er', 'gb', 'sd', 'ua', 'bg', 'af', 'et', 'cn', 'in', 'ph', 'br'];
const pad = (n: number) => String(n).padStart(2, '0');

function answerItems(rand: Rand, instrument: Instrument): Answers {
  const answers: Answers = {};
  for (const section of instrument.sections) {
    for (const item of section.items) {
      if (rand() < 0.25) continue;
      const options = item.options?.map((o) => o.code) ?? [];
      if (item.type === 'ynu') answers[item.code] = pick(rand, ['yes', 'no', 'no', 'no', 'unknown']);
      else if (item.type === 'choice' && options.length > 0) answers[item.code] = pickSkewed(rand, options);
      else if (item.type === 'multi' && options.length > 0) answers[item.code] = [pickSkewed(rand, options)];
      else if (item.type === 'number' || item.type === 'scale') answers[item.code] = Math.floor(rand() * 10);
    }
  }
  return answers;
}

function followUps(rand: Rand, year: number, month: number): FollowUpCheck[] {
  const checks: FollowUpCheck[] = [];
  const after = [0, 1, 3, 6, 12, 24];
  let lost = false;
  for (const [i, point] of checkPoints.entries()) {
    if (lost || rand() < 0.2) break;
    const when = month + (after[i] ?? 0);
    const outcomes = new Set<OutcomeCode>();
    for (const code of outcomeCodes) if (rand() < 0.12) outcomes.add(code);
    if (point === '72h') outcomes.add('arrived_safely');
    lost = outcomes.has('contact_lost') || outcomes.has('declined_follow_up');
    checks.push({
      point,
      month: `${String(year + Math.floor((when - 1) / 12))}-${pad(((when - 1) % 12) + 1)}`,
      outcomes: outcomeCodes.filter((c) => outcomes.has(c)),
    });
  }
  return checks;
}

function withOverride(instrument: Instrument, answers: Answers, now: string): Answers {
  const result = assess(instrument, answers, { now });
  const stops = result.flags.filter((f) => f.level === 'STOP' && !f.hard).map((f) => f.ruleId);
  if (stops.length === 0) return answers;
  const by = { reason: 'Fictional override for a test fixture', by: 'Reviewer Example', date: now };
  if (instrument.version === 1) {
    return { ...answers, 'N6.reason': by.reason, 'N6.by': by.by, 'N6.role': 'supervisor', 'N6.date': now };
  }
  return { ...answers, N11: overrideRecord(instrument, answers, { rules: stops, role: 'supervisor', ...by }, { now }) };
}

/** `count` fictional cases (two thirds on v2), assessed between 2025-01 and 2026-11. */
export function fixtureCases(count: number, seed: number): OutcomeCase[] {
  const rand = seeded(seed);
  const versions = [getInstrument('homeward-return', 1), getInstrument('homeward-return', 2)];
  const cases: OutcomeCase[] = [];
  for (let i = 0; i < count; i += 1) {
    const instrument = rand() < 0.33 ? versions[0] : versions[1];
    if (!instrument) throw new Error('the registry lost a homeward-return version');
    const year = 2025 + Math.floor(rand() * 2);
    const month = 1 + Math.floor(rand() * 11);
    const now = `${String(year)}-${pad(month)}-${pad(1 + Math.floor(rand() * 28))}`;
    const age = pickSkewed(rand, [22, 19, 30, 16, 40, 13, 24]);
    let answers: Answers = {
      ...answerItems(rand, instrument),
      A2: pickSkewed(rand, countries),
      A10: `${String(year - age)}-${pad(1 + Math.floor(rand() * 12))}-15`,
      D5: pickSkewed(rand, ['assisted_ngo', 'state_avr', 'independent', 'enforced_removal', 'deportation']),
      C1: [pickSkewed(rand, ['sexual', 'forced_labour', 'domestic_servitude', 'criminal_cannabis', 'forced_begging'])],
      N3: pick(rand, ['low', 'medium', 'high', 'very_high']),
      N4: pickSkewed(rand, ['proceed_with_conditions', 'defer', 'no_impediment', 'not_recommended']),
    };
    if (instrument.version === 2) {
      answers['A15'] = pickSkewed(rand, ['woman', 'man', 'non_binary']);
      answers['A16'] = pickSkewed(rand, ['citizen', 'citizen', 'other_citizenship', 'stateless']);
    }
    if (rand() < 0.15) answers = withOverride(instrument, answers, now);
    const result = assess(instrument, answers, { now });
    cases.push({ answers, result, followUps: followUps(rand, year, month) });
  }
  return cases;
}
