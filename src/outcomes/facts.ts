/**
 * One case as categories of the export's variables: the only view of a case the aggregation
 * sees. Everything here is a code from a closed list or a country code; free text, dates finer
 * than a month and anything that names the case are never read.
 */
import type { AssessmentResult } from '../engine';
import type { Answers } from '../instrument/schema';
import { ageBands, checkPoints, NOT_RECORDED, type AgeBand, type FollowUpStatus } from './codes';
import { followUpCheckSchema, type FollowUpCheck } from './follow-up';
import { returnRegion } from './regions';
import { stableRuleCode } from './stable-rules';

/** A case as the export reads it: the assessment's answers and engine result, and its follow-up checks. */
export interface OutcomeCase {
  answers: Answers;
  result: AssessmentResult;
  followUps?: readonly FollowUpCheck[];
}

/** variable id → the case's categories (exactly one for a single-valued variable). */
export type CaseFacts = Readonly<Record<string, readonly string[]>>;

export class OutcomeInputError extends Error {}

const routes = ['independent', 'state_avr', 'assisted_ngo', 'enforced_removal', 'deportation', 'refused_entry'];
const genders = ['woman', 'man', 'non_binary', 'self_described'];
const exploitation = [
  'sexual', 'forced_labour', 'domestic_servitude', 'criminal_cannabis', 'criminal_drug_running', 'criminal_other',
  'forced_begging', 'institution', 'forced_marriage', 'other',
];

function choice(answers: Answers, code: string, allowed: readonly string[]): string {
  const a = answers[code];
  return typeof a === 'string' && allowed.includes(a) ? a : NOT_RECORDED;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})/;

/** Full years from a YYYY-MM-DD birth date to the assessment day (the engine's own rule: a written day, no time zone). */
export function ageBand(birth: unknown, now: string): AgeBand | typeof NOT_RECORDED {
  const b = typeof birth === 'string' ? datePattern.exec(birth) : null;
  const n = datePattern.exec(now);
  if (!b || !n) return NOT_RECORDED;
  const [by, bm, bd] = [Number(b[1]), Number(b[2]), Number(b[3])];
  const [ny, nm, nd] = [Number(n[1]), Number(n[2]), Number(n[3])];
  const age = ny - by - (nm < bm || (nm === bm && nd < bd) ? 1 : 0);
  if (age < 0 || age > 120) return NOT_RECORDED;
  const lower = [0, 14, 18, 21, 25, 35];
  let band: AgeBand = ageBands[0];
  lower.forEach((min, i) => { if (age >= min) band = ageBands[i] ?? band; });
  return band;
}

/** Citizenship (asked from v2, A16): the country of return's code for its citizens, else the status. */
function nationality(answers: Answers, country: string): string {
  const a = answers['A16'];
  if (a === 'citizen') return country;
  if (a === 'other_citizenship' || a === 'stateless') return a;
  return NOT_RECORDED;
}

function followUpStatus(answers: Answers, checks: readonly FollowUpCheck[]): FollowUpStatus {
  if (answers['P1'] === 'no') return 'declined_at_assessment';
  if (checks.some((c) => c.outcomes.includes('declined_follow_up'))) return 'declined_later';
  if (checks.length === 0) return 'no_checks';
  const last = [...checks].sort((x, y) => checkPoints.indexOf(x.point) - checkPoints.indexOf(y.point)).at(-1);
  return last?.outcomes.includes('contact_lost') ? 'contact_lost' : 'in_contact';
}

function stableFlags(result: AssessmentResult, pick: (f: AssessmentResult['flags'][number]) => boolean): string[] {
  const { id, version } = result.instrument;
  const codes = new Set<string>();
  for (const flag of result.flags) {
    if (!pick(flag)) continue;
    const code = stableRuleCode(id, version, flag.ruleId);
    if (!code) throw new OutcomeInputError(`rule ${flag.ruleId} of ${id} v${String(version)} has no stable code in this copy of Homeward; update the app.`);
    codes.add(code);
  }
  return [...codes].sort();
}

function followUpFacts(checks: readonly FollowUpCheck[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const ever = new Set<string>();
  for (const point of checkPoints) {
    const at = checks.filter((c) => c.point === point);
    if (at.length > 1) throw new OutcomeInputError(`two follow-up checks at ${point} for one case; keep one.`);
    const found = at[0];
    out[`followup_${point}`] = found ? ['checked', ...found.outcomes] : [];
    found?.outcomes.forEach((o) => ever.add(o));
  }
  out['followup_any'] = [...ever].sort();
  return out;
}

/** Follow-up records come from signed files imported on the device: checked again here. */
function checkedFollowUps(list: readonly unknown[]): FollowUpCheck[] {
  return list.map((raw, i) => {
    const parsed = followUpCheckSchema.safeParse(raw);
    if (!parsed.success) throw new OutcomeInputError(`follow-up check ${String(i + 1)} is not a coded outcome record: ${parsed.error.issues[0]?.message ?? 'wrong shape'}.`);
    return parsed.data;
  });
}

export function caseFacts(c: OutcomeCase): CaseFacts {
  const { answers, result } = c;
  const checks = checkedFollowUps(c.followUps ?? []);
  const country = typeof answers['A2'] === 'string' ? answers['A2'] : '';
  const region = returnRegion(country);
  const types = Array.isArray(answers['C1']) ? answers['C1'].filter((t): t is string => typeof t === 'string' && exploitation.includes(t)) : [];
  const single = (value: string) => [value];
  return {
    all: ['all'],
    instrument_version: single(`${result.instrument.id}@${String(result.instrument.version)}`),
    route: single(choice(answers, 'D5', routes)),
    age_band: single(ageBand(answers['A10'], result.now)),
    gender: single(choice(answers, 'A15', genders)),
    nationality: single(region ? nationality(answers, country) : NOT_RECORDED),
    return_region: single(region ?? NOT_RECORDED),
    exploitation_type: types.length > 0 ? [...new Set(types)].sort() : [NOT_RECORDED],
    initial_rating: single(result.overall.level),
    override: single(result.override.state),
    recommendation: single(result.chosen.recommendation ?? NOT_RECORDED),
    overall_rating: single(result.overall.level),
    assessor_rating: single(result.assessorRating ?? NOT_RECORDED),
    override_state: single(result.override.state),
    signoff_state: single(result.signOff.state),
    flag: stableFlags(result, () => true),
    flag_overridden: stableFlags(result, (f) => f.overridden),
    followup_status: single(followUpStatus(answers, checks)),
    ...followUpFacts(checks),
  };
}
