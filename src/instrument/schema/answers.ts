/**
 * The answers format: a plain object keyed by item code. This is what drafts store, what
 * the PDF embeds and what `npm run assess` reads. docs/instrument-authoring.md documents it.
 */
import { z } from './zod';
import { ynuValues } from './answer-types';

export const specialAnswerSchema = z.strictObject({ special: z.enum(['unknown', 'declined']) });
export type SpecialAnswer = z.infer<typeof specialAnswerSchema>;

export const verbatimAnswerSchema = z.strictObject({
  original: z.string(),
  language: z.string(),
  translation: z.string(),
  translatedBy: z.string(),
});
export type VerbatimAnswer = z.infer<typeof verbatimAnswerSchema>;

export const signatureAnswerSchema = z.strictObject({
  name: z.string(),
  role: z.string(),
  date: z.string(),
});
export type SignatureAnswer = z.infer<typeof signatureAnswerSchema>;

export const rowValueSchema = z.union([z.string(), z.number(), z.null()]);
export const rowSchema = z.record(z.string(), rowValueSchema);
export type Row = z.infer<typeof rowSchema>;

/** Answers a person or a caseworker gives; what a record's `basis` copies. */
export const plainAnswerSchema = z.union([
  z.enum(ynuValues),
  z.string(),
  z.number(),
  z.array(z.string()),
  z.array(rowSchema),
  specialAnswerSchema,
  verbatimAnswerSchema,
  signatureAnswerSchema,
]);
export type PlainAnswer = z.infer<typeof plainAnswerSchema>;

/**
 * The answers a decision was based on, by item code; null where the item was hidden or
 * unanswered then. Compared with today's answers to tell whether the decision still holds.
 */
export const basisSchema = z.record(z.string(), z.union([plainAnswerSchema, z.null()]));
export type Basis = z.infer<typeof basisSchema>;

/**
 * A written override of named STOP rules (type `override`): who, in which role, when and why,
 * the STOP rules standing at that moment, and the answers the named rules read then.
 */
export const overrideAnswerSchema = z.strictObject({
  rules: z.array(z.string()),
  reason: z.string(),
  by: z.string(),
  role: z.string(),
  date: z.string(),
  stops: z.array(z.string()),
  basis: basisSchema,
});
export type OverrideAnswer = z.infer<typeof overrideAnswerSchema>;

/**
 * A sign-off (type `signoff`): its date and signer, and for every STOP-relevant item the answer
 * it was based on and the date that answer was last confirmed with the person.
 */
export const signOffAnswerSchema = z.strictObject({
  date: z.string(),
  by: z.string(),
  role: z.string(),
  basis: basisSchema,
  confirmed: z.record(z.string(), z.string()),
  /** The RISK, ESC and STOP flags standing at sign-off: one standing since, or higher, makes it lapse. */
  flags: z.array(z.strictObject({ rule: z.string(), level: z.enum(['STOP', 'ESC', 'RISK', 'INFO']) })).optional(),
});
export type SignOffAnswer = z.infer<typeof signOffAnswerSchema>;

/**
 * Where a draft's answers came from when it was moved to this version on purpose (type
 * `provenance`): the version it left, when, and what the declared mapping did with each answer.
 */
export const provenanceAnswerSchema = z.strictObject({
  from: z.strictObject({ id: z.string(), version: z.number().int().positive() }),
  date: z.string(),
  carried: z.array(z.string()),
  converted: z.array(z.string()),
  /** item code → why it was not carried (the mapping's reason, or 'incompatible') */
  notCarried: z.record(z.string(), z.string()),
  added: z.array(z.string()),
});
export type ProvenanceAnswer = z.infer<typeof provenanceAnswerSchema>;

export const answerValueSchema = z.union([
  plainAnswerSchema,
  overrideAnswerSchema,
  signOffAnswerSchema,
  provenanceAnswerSchema,
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const answersSchema = z.record(z.string(), answerValueSchema);
export type Answers = Record<string, AnswerValue | undefined>;

export function isSpecial(v: unknown): v is SpecialAnswer {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'special' in v;
}

export function asOverride(v: unknown): OverrideAnswer | null {
  const parsed = overrideAnswerSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
}

export function asSignOff(v: unknown): SignOffAnswer | null {
  const parsed = signOffAnswerSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
}

export function asProvenance(v: unknown): ProvenanceAnswer | null {
  const parsed = provenanceAnswerSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
}
