/**
 * WARNING: the stored format of every encrypted record. A regression here makes records
 * unreadable. Never change what `v: 1` means; a new format is a new `v` that `open` accepts
 * alongside this one (and `seal` switches to only once every reader knows it).
 *
 * v1: AES-GCM-256 under the data key, 12-byte random IV (crypto.getRandomValues; the random
 * IV bound of ~2^32 messages per key is far above our volume), 128-bit tag appended to `ct`.
 * Plaintext = JSON.stringify(value) as UTF-8. Additional data = `${recordId}|${schemaVersion}`
 * (UTF-8), so an envelope copied to another record, or relabelled with another record schema,
 * fails authentication. A future table sharing the data key must namespace its record ids
 * (e.g. `assessment:<id>`) so envelopes cannot move between tables either.
 *
 * iv and ct are stored as Uint8Array, not base64: IndexedDB's structured clone stores binary
 * natively, which saves a third of the space and the encode/decode work on every autosave,
 * and keeps "encoded" from ever being mistaken for "encrypted". A JSON export/backup will
 * need its own base64 form.
 */
import { z } from '../../instrument/schema/zod';
import { bytes, copy, randomBytes } from './bytes';
import { EnvelopeError } from './errors';

export const ENVELOPE_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Envelope {
  v: typeof ENVELOPE_VERSION;
  iv: Uint8Array;
  ct: Uint8Array;
}

export interface EnvelopeContext {
  recordId: string;
  schemaVersion: number;
}

const envelopeSchema = z.strictObject({
  v: z.literal(ENVELOPE_VERSION),
  iv: bytes({ exact: IV_BYTES }),
  ct: bytes({ min: TAG_BYTES }),
});

function additionalData({ recordId, schemaVersion }: EnvelopeContext): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${recordId}|${schemaVersion}`);
}

/** Encrypts a JSON-serialisable value for one record. */
export async function seal(key: CryptoKey, value: unknown, context: EnvelopeContext): Promise<Envelope> {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('seal: the value is not JSON-serialisable');
  const iv = randomBytes(IV_BYTES);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(context) },
    key,
    new TextEncoder().encode(json),
  );
  return { v: ENVELOPE_VERSION, iv, ct: new Uint8Array(ct) };
}

/**
 * Decrypts a stored (untrusted) envelope for the record it claims to belong to. Resolves to
 * the parsed JSON, still unvalidated: callers parse it with their schema. Throws
 * EnvelopeError naming the record for anything that does not authenticate.
 */
export async function open(key: CryptoKey, stored: unknown, context: EnvelopeContext): Promise<unknown> {
  const envelope = envelopeSchema.safeParse(stored);
  if (!envelope.success) {
    const version = typeof stored === 'object' && stored !== null ? (stored as { v?: unknown }).v : undefined;
    const unknownVersion = version !== undefined && version !== ENVELOPE_VERSION;
    throw new EnvelopeError(context.recordId, unknownVersion ? 'unsupported-version' : 'malformed');
  }
  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: copy(envelope.data.iv), additionalData: additionalData(context) },
      key,
      copy(envelope.data.ct),
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'OperationError') throw new EnvelopeError(context.recordId, 'authentication-failed');
    throw error;
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext)) as unknown;
  } catch {
    throw new EnvelopeError(context.recordId, 'malformed-plaintext');
  }
}
