/**
 * Case files as reviewers and the golden tests write them: the answers of one assessment, when
 * it took place, which instrument version it uses, and the decisions recorded on it in order.
 *
 *   { "title"?, "now"?, "instrument"?: { "id", "version" }, "answers": { … },
 *     "decisions"?: [ { "override": { "rules", "by", "role", "date", "reason"? } },
 *                     { "answers": { … } },            // answers changed afterwards
 *                     { "signOff": { "by", "role", "date" } } ],
 *     "plan"?: { "escalation"?, "lostContact"? },     // a follow-up check: the plan's actions
 *     "expect"?: … }                                    // read by the golden tests only
 *
 * A file naming a follow-up instrument (homeward-followup) is one check after return: it has no
 * decisions, and its `plan` holds what the assessment's follow-up plan recorded.
 *
 * An override or a sign-off is recorded as the app records it: on the answers given so far, so a
 * later `answers` step shows whether it still holds. A bare answers object is a case file too.
 */
import { z } from 'zod';
import { overrideRecord, signOffRecord, type FollowUpPlan } from '../../src/engine';
import {
  answersSchema, CURRENT, getFollowUpInstrument, getInstrument, kindOf, registry, type Answers, type FollowUpInstrument, type Instrument,
} from '../../src/instrument';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-27');

const decisionSchema = z.union([
  z.strictObject({
    override: z.strictObject({
      rules: z.array(z.string()), by: z.string(), role: z.string(), date, reason: z.string().optional(),
    }),
  }),
  z.strictObject({ signOff: z.strictObject({ by: z.string(), role: z.string(), date }) }),
  z.strictObject({ answers: answersSchema }),
]);
export type DecisionStep = z.infer<typeof decisionSchema>;

export const caseFileSchema = z.strictObject({
  title: z.string().min(1).optional(),
  now: z.string().regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, 'now must be an ISO date, e.g. 2026-11-27').optional(),
  instrument: z.strictObject({ id: z.string().min(1), version: z.number().int().positive() }).optional(),
  answers: answersSchema,
  decisions: z.array(decisionSchema).optional(),
  /** a follow-up check only: the actions the assessment's follow-up plan recorded (P5, P7) */
  plan: z.strictObject({ escalation: z.string().optional(), lostContact: z.string().optional() }).optional(),
  expect: z.unknown().optional(),
});
export type CaseFile = z.infer<typeof caseFileSchema>;

export interface ResolvedCase {
  title: string | undefined;
  now: string;
  instrument: Instrument;
  /** the answers after every decision step */
  answers: Answers;
}

/** Applies the decision steps in order, recording each override and sign-off on the answers so far. */
export function applyDecisions(instrument: Instrument, answers: Answers, steps: readonly DecisionStep[], now: string): Answers {
  let current: Answers = { ...answers };
  for (const step of steps) {
    if ('answers' in step) {
      current = { ...current, ...step.answers };
    } else if ('override' in step) {
      const o = instrument.decision.override;
      if (!('record' in o)) throw new RangeError(`${instrument.id} v${String(instrument.version)} has no override record: write its override items as answers`);
      const { reason = 'Written reasons for the override (fictional).', ...rest } = step.override;
      current = { ...current, [o.record]: overrideRecord(instrument, current, { ...rest, reason }, { now }) };
    } else {
      const config = instrument.decision.signOff;
      if (!config) throw new RangeError(`${instrument.id} v${String(instrument.version)} has no sign-off record`);
      current = { ...current, [config.record]: signOffRecord(instrument, current, step.signOff, { now }) };
    }
  }
  return current;
}

/** A parsed case file, with `now` defaulting to `today` and the instrument to the current version. */
export function resolveCase(file: CaseFile, today: string): ResolvedCase {
  const now = file.now ?? today;
  const instrument = getInstrument(file.instrument?.id ?? CURRENT.id, file.instrument?.version ?? CURRENT.version);
  return { title: file.title, now, instrument, answers: applyDecisions(instrument, file.answers, file.decisions ?? [], now) };
}

/** True when the file names a follow-up instrument (a check after return), not an assessment. */
export function isFollowUpCase(file: CaseFile): boolean {
  const ref = file.instrument;
  const entry = ref && registry.find((e) => e.id === ref.id && e.version === ref.version);
  return entry !== undefined && kindOf(entry) === 'followup';
}

export interface ResolvedFollowUpCase {
  title: string | undefined;
  now: string;
  instrument: FollowUpInstrument;
  answers: Answers;
  plan: FollowUpPlan;
}

/** A parsed follow-up case file: it has no decisions to record (a check has no override or sign-off). */
export function resolveFollowUpCase(file: CaseFile, today: string): ResolvedFollowUpCase {
  if (!file.instrument) throw new RangeError('a follow-up case file names its instrument, e.g. { "id": "homeward-followup", "version": 1 }');
  if ((file.decisions ?? []).length > 0) throw new RangeError('a follow-up check has no override or sign-off: remove "decisions"');
  return {
    title: file.title, now: file.now ?? today, instrument: getFollowUpInstrument(file.instrument.id, file.instrument.version),
    answers: file.answers, plan: file.plan ?? {},
  };
}
