/**
 * Details a caseworker should not retype in every assessment (issue 15, item 5): their own
 * (the instrument's assessor item and its sub-items: name, organisation, role, training) and the
 * interpreters' names, learned from this device's own drafts (sealed, like every answer) and from
 * the answers of the draft open now. Nothing new is stored: what is offered is what this device
 * already holds. Pure; the wizard loads the drafts (use-remembered.ts).
 */
import { verbatimAnswerSchema, type AnswerValue, type Answers, type Instrument, type VerbatimAnswer } from '../../instrument';
import { topicOf } from './pages';

const isVerbatim = (value: AnswerValue | undefined): value is VerbatimAnswer => verbatimAnswerSchema.safeParse(value).success;

export interface Remembered {
  /** the assessor's details from the most recent other draft that has them (code → answer), or null */
  assessor: Readonly<Record<string, string>> | null;
  /** interpreters' names, most recent first, at most MAX_INTERPRETERS */
  interpreters: readonly string[];
}

export const MAX_INTERPRETERS = 3;

/** The assessor item and its sub-items with a plain text (or option) answer. */
function assessorDetails(instrument: Instrument, answers: Answers): Record<string, string> | null {
  const code = instrument.decision.assessor;
  if (!code) return null;
  const name = answers[code];
  if (typeof name !== 'string' || name.trim() === '') return null;
  const items = instrument.sections.flatMap((s) => s.items).filter((i) => topicOf(i.code) === topicOf(code));
  const out: Record<string, string> = {};
  for (const item of items) {
    const value: AnswerValue | undefined = answers[item.code];
    if (typeof value === 'string' && value.trim() !== '') out[item.code] = value;
  }
  return out;
}

/** Every interpreter named in a draft's verbatim answers, in instrument order. */
export function interpretersIn(instrument: Instrument, answers: Answers): string[] {
  const names: string[] = [];
  for (const item of instrument.sections.flatMap((s) => s.items)) {
    if (item.type !== 'verbatim') continue;
    const value = answers[item.code];
    if (isVerbatim(value) && value.translatedBy.trim() !== '') names.push(value.translatedBy.trim());
  }
  return names;
}

/**
 * What to offer in the draft open now: `current` is its answers, `others` the answers of this
 * device's other drafts (same instrument), most recently changed first.
 */
export function rememberedDetails(instrument: Instrument, current: Answers, others: readonly Answers[]): Remembered {
  const assessor = others.map((answers) => assessorDetails(instrument, answers)).find((d) => d !== null) ?? null;
  const interpreters = [...new Set([...interpretersIn(instrument, current).reverse(), ...others.flatMap((a) => interpretersIn(instrument, a))])];
  return { assessor, interpreters: interpreters.slice(0, MAX_INTERPRETERS) };
}
