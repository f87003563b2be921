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

export const answerValueSchema = z.union([
  z.enum(ynuValues),
  z.string(),
  z.number(),
  z.array(z.string()),
  z.array(rowSchema),
  specialAnswerSchema,
  verbatimAnswerSchema,
  signatureAnswerSchema,
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const answersSchema = z.record(z.string(), answerValueSchema);
export type Answers = Record<string, AnswerValue | undefined>;

export function isSpecial(v: unknown): v is SpecialAnswer {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'special' in v;
}
