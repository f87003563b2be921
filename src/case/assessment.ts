/**
 * The embedded assessment (assessment.json) of a verified summary, read defensively: it came in a
 * file, so every field is checked and the instrument version it names must be one this copy of
 * Homeward ships, with the same definition (sha256), or the case cannot be judged here.
 */
import { z } from '../instrument/schema/zod';
import { answersSchema, getInstrument, kindOf, registry, type Answers, type Instrument } from '../instrument';

const embeddedSchema = z.object({
  format: z.literal('homeward-assessment'),
  version: z.literal(1),
  instrument: z.object({ id: z.string(), version: z.number().int().positive(), sha256: z.string() }),
  metadata: z.object({
    caseReference: z.string(),
    assessmentDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    createdAt: z.string().optional(),
    assessor: z.object({ name: z.string(), role: z.string(), organisation: z.string() }),
    /** Which earlier version of this case the file replaces (its fingerprint), when it does. */
    supersedes: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  }),
  languages: z.object({ working: z.object({ code: z.string() }) }).optional(),
  answers: z.unknown(),
});

export interface EmbeddedAssessment {
  readonly instrument: Instrument;
  readonly answers: Answers;
  readonly caseReference: string;
  /** The assessment date the engine computes ages and windows from. */
  readonly assessedOn: string;
  readonly assessorName: string;
  readonly workingLanguage: string | null;
  readonly supersedes: string | null;
}

export type AssessmentProblem = 'unreadable' | 'unknown-instrument' | 'instrument-changed' | 'answers';

/** The embedded assessment, or why it cannot be judged. */
export function readEmbedded(value: unknown): EmbeddedAssessment | { readonly problem: AssessmentProblem } {
  const parsed = embeddedSchema.safeParse(value);
  if (!parsed.success) return { problem: 'unreadable' };
  const { instrument: named, metadata } = parsed.data;
  const entry = registry.find((item) => item.id === named.id && item.version === named.version);
  // A follow-up check is not a pre-return assessment: a file that says it is one is not judged as one.
  if (entry === undefined || kindOf(entry) !== 'assessment') return { problem: 'unknown-instrument' };
  if (entry.sha256 !== named.sha256) return { problem: 'instrument-changed' };
  const answers = answersSchema.safeParse(parsed.data.answers);
  if (!answers.success) return { problem: 'answers' };
  return {
    instrument: getInstrument(named.id, named.version),
    answers: answers.data,
    caseReference: metadata.caseReference,
    assessedOn: metadata.assessmentDate,
    assessorName: metadata.assessor.name,
    workingLanguage: parsed.data.languages?.working.code ?? null,
    supersedes: metadata.supersedes ?? null,
  };
}
