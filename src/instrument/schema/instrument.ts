/**
 * The instrument definition schema. An instrument is data: sections of items with answer
 * types, visibility conditions and flag rules, each traceable to a source. Wording lives in
 * content/<lang>.json beside the definition, never here.
 */
import { z } from './zod';
import { answerTypes, columnTypes } from './answer-types';
import { conditionSchema, rowConditionSchema } from './condition';

export const flagLevels = ['STOP', 'ESC', 'RISK', 'INFO'] as const;
export type FlagLevel = (typeof flagLevels)[number];

export const domains = [
  'process', 'debt', 'control', 'legal', 'family', 'economic', 'health', 'reception', 'child',
  'young_adult',
] as const;
export type Domain = (typeof domains)[number];

/** What a flag alone makes of its area's rating (the same words as the engine's rating levels). */
export const severities = ['low', 'medium', 'high', 'very_high'] as const;
export type Severity = (typeof severities)[number];

/** Who must look at a standing flag before sign-off: separate from how much it raises the rating. */
export const reviewRoutes = ['none', 'supervisor', 'multi_agency'] as const;
export type ReviewRoute = (typeof reviewRoutes)[number];

/**
 * What the caseworker should do next about a flag. The wording of each is in the engine's
 * locale (`next.<code>`); a rule may add its own (`rule.<id>.next` in the instrument's wording).
 */
export const nextSteps = [
  'legal_referral', 'new_determination', 'child_protection', 'clinical_review', 'confirm_reception',
  'safety_plan', 'debt_plan', 'supervisor_review', 'multi_agency_review', 'explain_and_reconsent',
  'interview_again', 'arrange_services', 'gather_information', 'record_and_monitor',
] as const;
export type NextStep = (typeof nextSteps)[number];

/**
 * How far the assessment itself can be relied on. A process-quality rule caps it instead of
 * raising the survivor's risk rating; `unreliable` means findings of low risk are unconfirmed.
 */
export const confidenceLevels = ['high', 'moderate', 'low', 'unreliable'] as const;
export type ConfidenceLevel = (typeof confidenceLevels)[number];

/** Whom a question is for: asked of the person, the assessor's own judgement, or taken from records. */
export const audiences = ['person', 'assessor', 'records'] as const;
export type Audience = (typeof audiences)[number];

/** Kinds of information the person may agree to share with a recipient (per recipient). */
export const shareCategories = [
  'identity', 'contact', 'reception_plan', 'health', 'history', 'risk_summary', 'follow_up_plan',
] as const;
export type ShareCategory = (typeof shareCategories)[number];

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
  /** Required only in rows where this holds (e.g. an owner only for a measure, not an accepted risk). */
  requiredIf: rowConditionSchema.optional(),
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
  /** Required while any RISK, ESC or STOP flag of these areas stands (a safety plan for control, debt, family). */
  requiredWhenFlagDomains: z.array(z.enum(domains)).optional(),
  /** Rows the wizard may prefill from the standing flags of `requiredWhenFlagDomains` (safety plan). */
  seedFromFlags: z.boolean().optional(),
  /** Whom the question is for; the person's half of a side-by-side interview shows only `person`. */
  audience: z.enum(audiences).optional(),
  /** Re-asked in the pre-departure re-check (a STOP-relevant answer that can change before travel). */
  recheck: z.boolean().optional(),
  /** The kind of information this answer is, for sharing only what the person agreed to per recipient. */
  share: z.enum(shareCategories).optional(),
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
  /** A STOP no override can lift: only a new answer or a new determination clears it. */
  hard: z.boolean().optional(),
  /** The area rating this flag alone sets; by default from the level (STOP very high … INFO low). */
  severity: z.enum(severities).optional(),
  /** Who must review it before sign-off; by default a supervisor for STOP and ESC, nobody for RISK and INFO. */
  review: z.enum(reviewRoutes).optional(),
  /** What to do next about it. */
  next: z.enum(nextSteps).optional(),
  /** A process-quality rule: caps the confidence in the assessment instead of raising a rating. */
  confidence: z.enum(['moderate', 'low', 'unreliable']).optional(),
  /**
   * While this flag stands the assessment did not take place (the person refused it): no rating
   * is a finding of low risk and the confidence is none; each says "not assessed" instead.
   */
  notAssessed: z.boolean().optional(),
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
  /**
   * The written override of a STOP: four items (reason, by, role, date) that lift every STOP
   * (version 1), or one `override` record naming the STOP rules it lifts, which lapses when an
   * answer those rules read changes or a new STOP appears.
   */
  override: z.union([
    z.strictObject({ reason: code, by: code, role: code, date: code }),
    z.strictObject({ record: code }),
  ]),
  /** option codes of override.role (or of the override record's item) that may override a STOP */
  seniorRoles: z.array(optionCode).min(1),
  /** The assessor's name: an override or supervisor signature in the same name is not independent. */
  assessor: code.optional(),
  /**
   * Mitigation rows that name the flags they answer (a `flags` column) and whether each is a
   * measure or an accepted risk. Every standing RISK and ESC (and every overridden STOP) needs a
   * complete row naming it; a RISK so covered no longer blocks "no impediment".
   */
  mitigation: z.strictObject({
    item: code,
    flags: optionCode,
    /**
     * The cell that marks a row as an accepted risk rather than a measure. An accepted risk
     * answers a RISK or an ESC; a STOP lifted by an override needs a measure.
     */
    accepted: z.strictObject({ column: optionCode, value: optionCode }).optional(),
  }).optional(),
  /** A yes/no/unknown item: has the multi-agency review that `review: multi_agency` flags need been held? */
  multiAgencyReview: code.optional(),
  /**
   * Sign-off with a date: the `signoff` record item, the planned departure date item, and how
   * many days after sign-off a departure may be before the sign-off lapses to "pending re-check".
   */
  signOff: z.strictObject({ record: code, departure: code, validDays: z.number().int().positive() }).optional(),
  /** signature item: required before sign-off when any ESC or STOP stands, and for every child case */
  supervisorReview: code,
  /** further sign-off requirements, e.g. a child case needs a best-interests assessment */
  signOffRequires: z.array(
    z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), when: conditionSchema, require: conditionSchema, source }),
  ),
});
export type Decision = z.infer<typeof decisionSchema>;

/** Per recipient: the consent item that allows sharing, and the item listing what may be shared. */
export const sharingSchema = z.strictObject({
  recipients: z.array(z.strictObject({
    id: optionCode,
    /** yes/no/unknown item: nothing goes to this recipient unless it is yes */
    consent: code,
    /** multi item whose options are share categories; absent: the whole record */
    scope: code.optional(),
  })).min(1),
});
export type Sharing = z.infer<typeof sharingSchema>;

export const instrumentSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.number().int().positive(),
  /**
   * How unknown and declined answers reach STOP rules. `listed` (version 1): the rule's
   * `unknownItems`, or the items it names. `derived`: every item a STOP rule reads, through
   * predicates, and every item that controls their visibility (section gates included), found
   * from the conditions; the loader refuses a STOP rule with a gateway that could be left blank.
   */
  unknowns: z.enum(['listed', 'derived']).optional(),
  /** Named conditions, referred to by `{ref}` (e.g. isChild, isYoungAdult). */
  predicates: z.record(z.string(), conditionSchema),
  sections: z.array(sectionSchema).min(1),
  rules: z.array(ruleSchema),
  decision: decisionSchema,
  sharing: sharingSchema.optional(),
});
export type InstrumentInput = z.input<typeof instrumentSchema>;
export type Instrument = z.infer<typeof instrumentSchema>;

/**
 * What every kind of instrument has: its questions, named conditions and rules. The engine's
 * visibility, flags, progress and validation read only these, so they serve a pre-return
 * assessment and a follow-up check (followup.ts) alike.
 */
export type RuleBook = Pick<Instrument, 'id' | 'version' | 'unknowns' | 'predicates' | 'sections' | 'rules'>;
