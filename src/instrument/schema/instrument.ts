/**
 * The instrument definition schema. An instrument is data: sections of items with answer
 * types, visibility conditions and flag rules, each traceable to a source. Wording lives in
 * content/<lang>.json beside the definition, never here.
 */
import { z } from './zod';
import { answerTypes, columnTypes } from './answer-types';
import { conditionSchema } from './condition';

export const flagLevels = ['STOP', 'ESC', 'RISK', 'INFO'] as const;
export type FlagLevel = (typeof flagLevels)[number];

export const domains = [
  'process', 'debt', 'control', 'legal', 'family', 'economic', 'health', 'reception', 'child',
  'young_adult',
] as const;
export type Domain = (typeof domains)[number];

export const recommendations = [
  'no_impediment', 'proceed_with_conditions', 'defer', 'not_recommended',
] as const;
export type Recommendation = (typeof recommendations)[number];

const code = z.string().regex(/^[A-Z]{1,2}\d{1,2}(\.[a-z][a-z0-9_]*)?$/, 'item code like E2 or E3.amount');
const optionCode = z.string().regex(/^[a-z][a-z0-9_]*$/, 'option code in snake_case');
/** "SEED L2513–2514", "SEED L2513-2514, L3308", "practice", or a named primary instrument. */
const source = z.string().min(3);

export const optionSchema = z.strictObject({ code: optionCode });

export const columnSchema = z.strictObject({
  key: optionCode,
  type: z.enum(columnTypes),
  options: z.array(optionSchema).min(1).optional(),
  required: z.boolean().default(true),
});
export type Column = z.infer<typeof columnSchema>;

export const itemSchema = z.strictObject({
  code,
  type: z.enum(answerTypes),
  source,
  options: z.array(optionSchema).min(1).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  columns: z.array(columnSchema).min(1).optional(),
  /** A required item that is visible and unanswered makes its section incomplete. */
  required: z.boolean().default(true),
  /** Required only while any flag of these levels stands (N5: a mitigation for each RISK/ESC). */
  requiredWhenFlags: z.array(z.enum(flagLevels)).optional(),
  /** Offer one-tap "unknown"/"declined" (yes/no/unknown items always have them). */
  allowUnknown: z.boolean().default(true),
  /** Holds personal data: no autocomplete, no spellcheck, never in titles or file names. */
  personal: z.boolean().default(false),
  visibleIf: conditionSchema.optional(),
});
export type Item = z.infer<typeof itemSchema>;

export const sectionSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{1,2}$/),
  domain: z.enum(domains),
  source,
  visibleIf: conditionSchema.optional(),
  items: z.array(itemSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]{1,2}\d{1,2}(\.[a-z0-9_]+)?-[a-z0-9-]+$/, 'rule id like E2-trafficker'),
  level: z.enum(flagLevels),
  domain: z.enum(domains),
  when: conditionSchema,
  source,
  /**
   * Items whose unknown/declined answer means the rule's danger cannot be ruled out.
   * For a STOP rule the engine raises at least ESC then (or `onUnknown` where the item's
   * own rule says unknown is itself a STOP, clarification 9 of the outline).
   */
  unknownItems: z.array(code).optional(),
  onUnknown: z.enum(['STOP', 'ESC']).optional(),
});
export type Rule = z.infer<typeof ruleSchema>;

/**
 * Which items carry the decision. The engine reads these by role, so the wizard and the
 * engine never hard-code an item code.
 */
export const decisionSchema = z.strictObject({
  /** choice item whose options are exactly the recommendation codes */
  recommendation: code,
  /** choice item low / medium / high / very_high, and its required narrative */
  assessorRating: code,
  narrative: code,
  override: z.strictObject({ reason: code, by: code, role: code, date: code }),
  /** option codes of override.role that may override a STOP */
  seniorRoles: z.array(optionCode).min(1),
  /** signature item: required before sign-off when any ESC or STOP stands, and for every child case */
  supervisorReview: code,
  /** further sign-off requirements, e.g. a child case needs a best-interests assessment */
  signOffRequires: z.array(
    z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), when: conditionSchema, require: conditionSchema, source }),
  ),
});
export type Decision = z.infer<typeof decisionSchema>;

export const instrumentSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.number().int().positive(),
  /** Named conditions, referred to by `{ref}` (e.g. isChild, isYoungAdult). */
  predicates: z.record(z.string(), conditionSchema),
  sections: z.array(sectionSchema).min(1),
  rules: z.array(ruleSchema),
  decision: decisionSchema,
});
export type InstrumentInput = z.input<typeof instrumentSchema>;
export type Instrument = z.infer<typeof instrumentSchema>;
