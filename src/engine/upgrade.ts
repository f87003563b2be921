/**
 * Moves a draft's answers to the next version of its instrument by the declared mapping. Pure:
 * the caller decides, shows the note before and after, and keeps the older draft. Nothing is
 * dropped silently: every answer the older draft held is carried, converted or listed as not
 * carried (with the mapping's reason); the new version's questions start empty.
 */
import type { AnswerValue, Answers, Conversion, Instrument, Item, ProvenanceAnswer, Row, UpgradeMapping } from '../instrument/schema';
import { isAnswered } from './answered';
import { rowsOf } from './conditions';
import { validateAnswer } from './validation';

export interface UpgradeResult {
  answers: Answers;
  /** what the move did (not carried: the mapping's reason, or 'incompatible'); written into the new draft */
  note: ProvenanceAnswer;
}

/** A conversion's result, or undefined when the answer cannot be carried. */
function convert(conversion: Conversion, answer: AnswerValue): AnswerValue | undefined {
  switch (conversion.how) {
    case 'to_list':
      return typeof answer === 'string' ? [answer] : undefined;
    case 'drop_if_option':
      return Array.isArray(answer) && answer.some((v) => typeof v === 'string' && conversion.options.includes(v)) ? undefined : answer;
    case 'rows': {
      const rows = rowsOf(answer);
      return rows.length === 0 ? undefined : rows.map((row): Row => ({ ...row, ...conversion.set }));
    }
  }
}

/** Still a valid answer of the newer item, apart from row cells a caseworker must now fill in? */
function fits(item: Item, answer: AnswerValue): boolean {
  return validateAnswer(item, answer).every((e) => e.key === 'validation.required_column');
}

export function upgradeAnswers(
  from: Instrument, to: Instrument, mapping: UpgradeMapping, answers: Answers, date: string,
): UpgradeResult {
  const target = new Map(to.sections.flatMap((s) => s.items.map((i) => [i.code, i] as const)));
  const older = new Set(from.sections.flatMap((s) => s.items.map((i) => i.code)));
  const out: Answers = {};
  const note: ProvenanceAnswer = { from: { id: from.id, version: from.version }, date, carried: [], converted: [], notCarried: {}, added: [] };
  const notCarried = (code: string, reason: string) => {
    note.notCarried[code] = reason;
  };
  for (const section of from.sections) {
    for (const { code } of section.items) {
      const answer = answers[code];
      if (answer === undefined || !isAnswered(answer)) continue;
      const declared = mapping.notCarried[code];
      if (declared !== undefined) {
        notCarried(code, declared);
        continue;
      }
      const item = target.get(code);
      const conversion = mapping.convert[code];
      const next = conversion ? convert(conversion, answer) : answer;
      if (!item || next === undefined || !fits(item, next)) {
        notCarried(code, item && next === undefined && conversion?.how === 'drop_if_option' ? 'split' : 'incompatible');
        continue;
      }
      out[code] = next;
      (conversion ? note.converted : note.carried).push(code);
    }
  }
  for (const section of to.sections) {
    for (const item of section.items) if (!older.has(item.code) && item.code !== mapping.record) note.added.push(item.code);
  }
  out[mapping.record] = note;
  return { answers: out, note };
}
