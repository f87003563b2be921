/**
 * WARNING: the codec turns DraftData into what is stored in a row's `data` field and back.
 * A regression here can make saved drafts unreadable.
 *
 * This is the seam for encryption at rest. Today's codec stores the validated DraftData as
 * is; the encryption issue adds an AES-GCM codec whose `encode` returns `{v, iv, ct}` with
 * the record id and record schema version as additional data (hence `context`).
 *
 * Both methods are async because WebCrypto is. Never call them inside a Dexie transaction:
 * awaiting a non-IndexedDB promise there lets the transaction commit early (Dexie raises
 * TransactionInactiveError). The repositories encode before and decode after their
 * transactions, and check conflicts on the plaintext meta fields only.
 */
import { draftDataSchema, type DraftData } from './records';
import { InvalidDraftDataError } from './errors';

export interface CodecContext {
  id: string;
  schema: number;
}

export interface DraftDataCodec {
  encode(data: DraftData, context: CodecContext): Promise<unknown>;
  /** Throws if `stored` cannot be decoded into valid DraftData. */
  decode(stored: unknown, context: CodecContext): Promise<DraftData>;
}

/**
 * Validates data before it is written, so a bad value (NaN from an empty number field, say)
 * is refused at save time with a visible error instead of being stored and turning the
 * whole draft unreadable at the next read. Unanswered items (`undefined`, as forms produce)
 * are dropped: IndexedDB would keep them, and the stored format does not allow them.
 */
export function validateDraftData(data: DraftData): DraftData {
  const answers = Object.fromEntries(Object.entries(data.answers).filter(([, v]) => v !== undefined));
  const result = draftDataSchema.safeParse({ ...data, answers });
  if (!result.success) {
    throw new InvalidDraftDataError(result.error.issues.map((issue) => issue.path.join('.') || '(root)'));
  }
  return result.data;
}

/** Stores DraftData unencrypted. Replaced by the AES-GCM codec when encryption lands. */
export const plainCodec: DraftDataCodec = {
  encode(data) {
    return Promise.resolve(validateDraftData(data));
  },
  decode(stored) {
    return Promise.resolve(draftDataSchema.parse(stored));
  },
};
