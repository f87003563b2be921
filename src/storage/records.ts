/**
 * WARNING: this is the stored format. A regression here can make every saved draft
 * unreadable. Change a shape only by adding a new record `schema` version that readers
 * still accept alongside the old one; never edit what a shipped version accepts.
 *
 * A draft row is split in two:
 * - the meta fields (id, status, timestamps, instrument id/version, schema) are plaintext,
 *   indexed or needed without a key, and hold NO personal data;
 * - `data` holds everything else. Today it is the plain DraftData; a later issue replaces it
 *   with an AES-GCM envelope `{v, iv, ct}` (see codec.ts), so nothing personal may ever be
 *   added outside `data`.
 * Stored rows are untrusted (other app versions, devtools, disk corruption): every read is
 * parsed with these schemas before use.
 */
import { z } from '../instrument/schema/zod';
import { answersSchema, type Answers } from '../instrument';

export const DRAFT_RECORD_SCHEMA = 1;

export const draftStatusSchema = z.enum(['draft', 'signed_off']);
export type DraftStatus = z.infer<typeof draftStatusSchema>;

const timestampSchema = z.int().nonnegative();

export const draftDataSchema = z.strictObject({
  /** A caseworker-chosen reference; personal enough to live only inside `data`. */
  caseRef: z.string(),
  answers: answersSchema,
  position: z.strictObject({ section: z.string().nullable() }),
  workingLanguage: z.string().min(1),
  personLanguage: z.string().min(1).nullable(),
});

export interface DraftData {
  caseRef: string;
  answers: Answers;
  position: { section: string | null };
  workingLanguage: string;
  personLanguage: string | null;
}

/** The plaintext part of a stored row; `data` is left opaque for the codec to decode. */
export const draftRowSchema = z.strictObject({
  id: z.string().min(1),
  status: draftStatusSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  instrumentId: z.string().min(1),
  instrumentVersion: z.int().positive(),
  schema: z.literal(DRAFT_RECORD_SCHEMA),
  data: z.unknown(),
});
export type DraftRow = z.infer<typeof draftRowSchema>;
export type DraftMeta = Omit<DraftRow, 'data'>;

/** A draft as the app sees it: meta plus decoded data. */
export type Draft = DraftMeta & { data: DraftData };

/** What the drafts list may show: no answers, no languages, nothing else from `data`. */
export interface DraftSummary {
  id: string;
  caseRef: string;
  status: DraftStatus;
  createdAt: number;
  updatedAt: number;
  instrumentId: string;
  instrumentVersion: number;
}

/** A settings row: one per setting, keyed by its name. Settings hold no personal data. */
export interface SettingRow {
  key: string;
  value: unknown;
}
export const settingRowSchema = z.strictObject({ key: z.string(), value: z.unknown() });
