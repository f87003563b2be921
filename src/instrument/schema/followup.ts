/**
 * A follow-up check after return is an instrument too: sections of items with visibility and flag
 * rules, wording in content/<lang>.json, in the same schema as the pre-return assessment. It has
 * no return decision (no recommendation, override or sign-off); instead it declares, as data:
 * - which item says which scheduled check this is;
 * - where the assessment's follow-up plan recorded the actions to take (escalation steps, the
 *   lost-contact protocol), so that an alert can name them;
 * - its coded outcomes: stable codes, each from a yes and a no condition or from one item's answer;
 * - short scores (economic, social, psychosocial) at the checks that carry them.
 * `kind: "followup"` makes a definition say what it is, so nothing takes it for an assessment.
 */
import { z } from './zod';
import { conditionSchema } from './condition';
import { instrumentSchema } from './instrument';

const code = z.string().regex(/^[A-Z]{1,2}\d{1,2}(\.[a-z][a-z0-9_]*)?$/, 'item code like C1 or C1.kind');
const snake = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a code in snake_case');

/** Where one version range of an assessment keeps its follow-up plan's actions (text items). */
export const planSourceSchema = z.strictObject({
  instrument: z.string().min(1),
  versions: z.array(z.number().int().positive()).min(1),
  /** what to do when a STOP is raised after return (homeward-return: P5) */
  escalation: code,
  /** what to do when the person cannot be reached (homeward-return: P7) */
  lostContact: code,
});

/**
 * A coded outcome: `yes`/`no` conditions (neither holding: unknown, or not asked when none of the
 * items it reads was shown), or `item`: the code of that choice item's answer.
 */
export const outcomeSchema = z.union([
  z.strictObject({ code: snake, yes: conditionSchema, no: conditionSchema }),
  z.strictObject({ code: snake, item: code }),
]);
export type OutcomeDefinition = z.infer<typeof outcomeSchema>;

export const scoredItemSchema = z.strictObject({
  item: code,
  /** points for every option of the item (yes and no for a yes/no item), from 0 (worst) to 1 (best) */
  points: z.record(z.string(), z.number().min(0).max(1)),
});

export const scoresSchema = z.strictObject({
  /** at which checks the scores are asked and computed */
  when: conditionSchema,
  /** the share of a dimension's items that must have a real answer for it to have a score */
  minAnswered: z.number().gt(0).max(1),
  dimensions: z.array(z.strictObject({ id: snake, items: z.array(scoredItemSchema).min(1) })).min(1),
  /** bands by lower bound, the first from 0, ascending */
  bands: z.array(z.strictObject({ id: snake, from: z.number().min(0).max(1) })).min(1),
});
export type ScoresDefinition = z.infer<typeof scoresSchema>;

export const followUpSchema = z.strictObject({
  /** choice item whose options are the scheduled checks (h72, m1, …) */
  check: code,
  plan: z.array(planSourceSchema).min(1),
  /** rules whose flags call for the lost-contact protocol; every other STOP calls for the escalation steps */
  lostContactRules: z.array(z.string()),
  outcomes: z.array(outcomeSchema).min(1),
  scores: scoresSchema,
});

export const followUpInstrumentSchema = instrumentSchema
  .pick({ id: true, version: true, unknowns: true, predicates: true, sections: true, rules: true })
  .extend({ kind: z.literal('followup'), followUp: followUpSchema });
export type FollowUpInstrument = z.infer<typeof followUpInstrumentSchema>;
