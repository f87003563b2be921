/**
 * WARNING: the codec turns DraftData into what is stored in a row's `data` field and back.
 * A regression here can make saved drafts unreadable.
 *
 * This is the seam for encryption at rest. `plainCodec` (still the default, until the UI
 * has an unlock screen) stores the validated DraftData as is; `createEncryptedCodec(session)`
 * stores an AES-GCM envelope `{v, iv, ct}` (crypto/envelope.ts) with the record id and record
 * schema version as additional data (hence `context`). The two formats are NOT mixed: the
 * encrypted codec refuses a plaintext row (it is reported unreadable, never overwritten);
 * existing plaintext drafts are sealed once after the first unlock (encryptPlaintextDrafts).
 *
 * Both methods are async because WebCrypto is. Never call them inside a Dexie transaction:
 * awaiting a non-IndexedDB promise there lets the transaction commit early (Dexie raises
 * TransactionInactiveError). The repositories encode before and decode after their
 * transactions, and check conflicts on the plaintext meta fields only.
 */
import { draftDataSchema, type DraftData } from './records';
import { InvalidDraftDataError } from './errors';
import { open, seal } from './crypto/envelope';
import { readKeysOf, writeKeyOf, type DataKeySource } from './crypto/session';

export interface CodecContext {
  id: string;
  schema: number;
}

export interface DraftDataCodec {
  /** Validates `data` (InvalidDraftDataError), then encodes it; callers need not validate first. */
  encode(data: DraftData, context: CodecContext): Promise<unknown>;
  /** Throws if `stored` cannot be decoded into valid DraftData. */
  decode(stored: unknown, context: CodecContext): Promise<DraftData>;
  /**
   * Sealing codecs: the session whose data key they use. The drafts repository checks every
   * sealed write against the data key marker and, after a rotation elsewhere, lets this session
   * follow it (crypto/data-key-marker.ts). Absent for plainCodec.
   */
  readonly keys?: DataKeySource;
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

/**
 * Seals each draft's data under the session's write key, bound to the record id and schema,
 * and opens it with the key of the generation the envelope names (crypto/envelope.ts).
 * Throws LockedError while the session is locked; a record that does not authenticate
 * (tampered, moved from another id, other key) throws EnvelopeError naming it, which the
 * drafts repository reports as that one id being unreadable while the others still open.
 */
export function createEncryptedCodec(session: DataKeySource): DraftDataCodec {
  return {
    keys: session,
    async encode(data, context) {
      const checked = validateDraftData(data);
      return seal(writeKeyOf(session), checked, { recordId: context.id, schemaVersion: context.schema });
    },
    async decode(stored, context) {
      const value = await open(readKeysOf(session), stored, { recordId: context.id, schemaVersion: context.schema });
      return draftDataSchema.parse(value);
    },
  };
}
