/**
 * The written override of STOP rules.
 *
 * Version 1 (four items: reason, by, role, date): a complete override by a senior role lifts
 * every STOP. Kept as it was, so a version-1 draft is judged as it always was.
 *
 * An `override` record (version 2) is a decision about named risks at a point in time, by
 * someone independent of the assessment:
 * - it lifts only the STOP rules it names, and never a hard one (naming one makes it invalid);
 * - it is recorded by someone other than the assessor (by name: the signing identity is the
 *   stronger check, made when the file is countersigned), in a role of `seniorRoles`, on a real
 *   date not after the assessment date, with written reasons;
 * - it lapses when any answer a named rule reads (its gateways included) differs from the answers
 *   it was based on, or when a STOP rule stands that did not stand when it was written.
 */
import { itemLabelKeys, ruleReasonKeys } from './messages';
import type { Instrument, OverrideAnswer, Rule } from '../instrument/schema';
import { asOverride, gatewaysOf } from '../instrument/schema';
import { basisOf, changedSince } from './basis';
import { parseDate } from './dates';
import type { Flag, OverrideStatus, Reason } from './types';
import type { EngineContext } from './visibility';

function text(ctx: EngineContext, code: string): string {
  const answer = ctx.answerOf(code);
  return typeof answer === 'string' ? answer.trim() : '';
}

/**
 * Latin look-alikes in other scripts (Cyrillic, Greek) that a name can be typed with to look
 * like another: a small skeleton in the spirit of Unicode's confusables (UTS #39), enough for
 * the letters a Latin name is made of.
 */
const confusables: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ї: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l',
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe',
};

/** A name as compared: NFKC, look-alikes mapped, case-folded, marks and invisible characters removed, spaces collapsed. */
export function nameKey(s: string): string {
  const mapped = [...s.normalize('NFKC')].map((ch) => confusables[ch] ?? ch).join('');
  const folded = mapped.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  const visible = folded.replace(/[\p{Cf}\u115F\u1160\u3164]/gu, '');
  return [...visible].map((ch) => confusables[ch] ?? ch).join('').replace(/[\s\p{Z}]+/gu, ' ').trim();
}

/**
 * Names compared after normalising: "Amara  okafor", "ＡＭＡＲＡ Okafor", "Amаra Okafor" (a
 * Cyrillic а) and "Ama\u200Bra Okafor" are all Amara Okafor (review 13, finding 11). A name check
 * is still weak; the signing identity, checked when the file is countersigned, is the strong one.
 */
export function sameName(a: string, b: string): boolean {
  const key = nameKey(a);
  return key !== '' && key === nameKey(b);
}

/** Every item a rule reads or that decides whether those are asked. */
export function readsOf(rule: Rule, inst: Instrument): string[] {
  const codes = gatewaysOf(rule.when, inst);
  for (const code of rule.unknownItems ?? []) if (!codes.includes(code)) codes.push(code);
  return codes;
}

function standingStops(flags: readonly Flag[]): string[] {
  return [...new Set(flags.filter((f) => f.level === 'STOP').map((f) => f.ruleId))];
}

function v1Status(ctx: EngineContext, flags: readonly Flag[]): OverrideStatus {
  const o = ctx.instrument.decision.override;
  if ('record' in o) throw new TypeError('not a version-1 override');
  const parts = [o.reason, o.by, o.role, o.date];
  const active = text(ctx, o.reason) !== '' && text(ctx, o.by) !== ''
    && ctx.instrument.decision.seniorRoles.includes(text(ctx, o.role)) && parseDate(ctx.answerOf(o.date)) !== null;
  const stops = standingStops(flags);
  if (active) return { state: 'active', rules: stops, lifted: stops, problems: [] };
  const started = parts.some((code) => ctx.answerOf(code) !== undefined);
  return { state: started ? 'invalid' : 'none', rules: [], lifted: [], problems: started ? [{ key: 'override.incomplete' }] : [] };
}

function validity(ctx: EngineContext, record: OverrideAnswer): Reason[] {
  const { decision, rules } = ctx.instrument;
  const problems: Reason[] = [];
  const unknown = record.rules.filter((id) => !rules.some((r) => r.id === id && r.level === 'STOP'));
  const hard = record.rules.filter((id) => rules.some((r) => r.id === id && r.hard));
  if (record.rules.length === 0) problems.push({ key: 'override.no_rules' });
  if (unknown.length > 0) problems.push({ key: 'override.not_a_stop', params: { rules: unknown.join(', ') } });
  if (hard.length > 0) problems.push({ key: 'override.hard', params: { rules: hard.join(', ') }, contentLists: { rules: ruleReasonKeys(hard) } });
  if (record.reason.trim() === '' || record.by.trim() === '') problems.push({ key: 'override.incomplete' });
  if (!decision.seniorRoles.includes(record.role)) problems.push({ key: 'override.role' });
  const date = parseDate(record.date);
  if (!date || date.day > ctx.today.day) problems.push({ key: 'override.date' });
  if (decision.assessor !== undefined && sameName(record.by, text(ctx, decision.assessor))) {
    problems.push({ key: 'override.same_as_assessor' });
  }
  return problems;
}

function lapses(ctx: EngineContext, record: OverrideAnswer, flags: readonly Flag[]): Reason[] {
  const problems: Reason[] = [];
  const named = ctx.instrument.rules.filter((r) => record.rules.includes(r.id));
  const reads = [...new Set(named.flatMap((r) => readsOf(r, ctx.instrument)))];
  const changed = changedSince(ctx, record.basis, reads);
  if (changed.length > 0) problems.push({ key: 'override.lapsed_changed', params: { items: changed.join(', ') }, contentLists: { items: itemLabelKeys(changed) } });
  const fresh = standingStops(flags).filter((id) => !record.stops.includes(id));
  if (fresh.length > 0) problems.push({ key: 'override.lapsed_new_stop', params: { rules: fresh.join(', ') }, contentLists: { rules: ruleReasonKeys(fresh) } });
  return problems;
}

export function overrideStatus(ctx: EngineContext, flags: readonly Flag[]): OverrideStatus {
  const o = ctx.instrument.decision.override;
  if (!('record' in o)) return v1Status(ctx, flags);
  const raw = ctx.answerOf(o.record);
  if (raw === undefined) return { state: 'none', rules: [], lifted: [], problems: [] };
  const record = asOverride(raw);
  if (!record) return { state: 'invalid', rules: [], lifted: [], problems: [{ key: 'override.malformed' }] };
  const invalid = validity(ctx, record);
  if (invalid.length > 0) return { state: 'invalid', rules: record.rules, lifted: [], problems: invalid };
  const lapsed = lapses(ctx, record, flags);
  if (lapsed.length > 0) return { state: 'lapsed', rules: record.rules, lifted: [], problems: lapsed };
  const lifted = standingStops(flags.filter((f) => !f.hard && record.rules.includes(f.ruleId)));
  return { state: 'active', rules: record.rules, lifted, problems: [] };
}

export interface OverrideInput {
  rules: string[];
  reason: string;
  by: string;
  role: string;
  date: string;
}

/**
 * The record the review screen writes when a senior reviewer overrides named STOP rules: the
 * standing STOPs and the answers the named rules read, as they are now.
 */
export function buildOverrideRecord(ctx: EngineContext, flags: readonly Flag[], input: OverrideInput): OverrideAnswer {
  const named = ctx.instrument.rules.filter((r) => input.rules.includes(r.id));
  const reads = [...new Set(named.flatMap((r) => readsOf(r, ctx.instrument)))];
  return { ...input, stops: standingStops(flags), basis: basisOf(ctx, reads) };
}
