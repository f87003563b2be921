/**
 * WARNING: the stored format of every encrypted record. A regression here makes records
 * unreadable. Never change what `v: 1` or `v: 2` means; a new format is a new `v` that `open`
 * accepts alongside these (and `seal` switches to only once every reader knows it).
 *
 * v1 `{ v: 1, iv, ct }`: sealed under the data key of generation 0 (the key made at set-up).
 * v2 `{ v: 2, k, iv, ct }`: sealed under the data key of generation `k` (an integer ≥ 1; a new
 *   generation is made by each data key rotation, docs/adr/0005). `k` only says which key to try:
 *   it is not additional data, because the key itself authenticates (a changed `k` picks a key that
 *   fails the tag check), and so that a rotation can move a record to another key by decrypting
 *   and re-encrypting the same bytes with the same additional data.
 * Both: AES-GCM-256, 12-byte random IV (crypto.getRandomValues; the random-IV bound of ~2^32
 * messages per key is far above our volume), 128-bit tag appended to `ct`. Additional data =
 * `${recordId}|${schemaVersion}` (UTF-8), so an envelope copied to another record, or relabelled
 * with another record schema, fails authentication. A table sharing the data key must namespace
 * its record ids (e.g. `identity:<id>`) so envelopes cannot move between tables either.
 * `seal`/`open` carry JSON (plaintext = JSON.stringify(value) as UTF-8); `sealBytes`/`openBytes`
 * carry raw bytes (a PKCS#8 private key, which the caller can then zero) in the same format.
 *
 * iv and ct are stored as Uint8Array, not base64: IndexedDB's structured clone stores binary
 * natively, which saves a third of the space and the encode/decode work on every autosave,
 * and keeps "encoded" from ever being mistaken for "encrypted". A JSON export/backup will
 * need its own base64 form.
 */
import { z } from '../../instrument/schema/zod';
import { bytes, copy, randomBytes } from './bytes';
import { EnvelopeError } from './errors';

/** The version `seal` writes for generation 0; generations ≥ 1 are written as SEALED_V2. */
export const ENVELOPE_VERSION = 1;
export const SEALED_V2 = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type Envelope =
  | { v: typeof ENVELOPE_VERSION; iv: Uint8Array; ct: Uint8Array }
  | { v: typeof SEALED_V2; k: number; iv: Uint8Array; ct: Uint8Array };

export interface EnvelopeContext {
  recordId: string;
  schemaVersion: number;
}

/** The data key that seals new records, and its generation (0: the key made at set-up). */
export interface WriteKey {
  generation: number;
  key: CryptoKey;
}

/** The data key of a generation, or undefined when this session does not hold it. */
export type KeyLookup = (generation: number) => CryptoKey | undefined;

const generationSchema = z.int().positive();

function envelopeSchema(minCiphertext: number) {
  return z.discriminatedUnion('v', [
    z.strictObject({ v: z.literal(ENVELOPE_VERSION), iv: bytes({ exact: IV_BYTES }), ct: bytes({ min: minCiphertext }) }),
    z.strictObject({ v: z.literal(SEALED_V2), k: generationSchema, iv: bytes({ exact: IV_BYTES }), ct: bytes({ min: minCiphertext }) }),
  ]);
}
const anyEnvelope = envelopeSchema(TAG_BYTES);

function additionalData({ recordId, schemaVersion }: EnvelopeContext): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${recordId}|${schemaVersion}`);
}

/**
 * The generation of the key a stored value was sealed under, or undefined when it is not a
 * well-formed envelope (plaintext, damaged, or a format this app does not know).
 */
export function generationOf(stored: unknown): number | undefined {
  const envelope = anyEnvelope.safeParse(stored);
  if (!envelope.success) return undefined;
  return envelope.data.v === SEALED_V2 ? envelope.data.k : 0;
}

/** Encrypts raw bytes for one record under the write key (WebCrypto copies them: the caller may zero them after). */
export async function sealBytes(writeKey: WriteKey, plaintext: Uint8Array<ArrayBuffer>, context: EnvelopeContext): Promise<Envelope> {
  const { generation, key } = writeKey;
  if (!Number.isSafeInteger(generation) || generation < 0) throw new RangeError('seal: not a key generation');
  const iv = randomBytes(IV_BYTES);
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(context) }, key, plaintext));
  return generation === 0 ? { v: ENVELOPE_VERSION, iv, ct } : { v: SEALED_V2, k: generation, iv, ct };
}

/**
 * Decrypts a stored (untrusted) envelope for the record it claims to belong to, with the key of
 * the generation it names. Resolves to the plaintext bytes (zero them when done if they are
 * secret). Throws EnvelopeError naming the record: 'unknown-key' when `keys` has no key of that
 * generation, 'authentication-failed' when the tag does not verify.
 */
export async function openBytes(keys: KeyLookup, stored: unknown, context: EnvelopeContext, minPlaintext = 0): Promise<Uint8Array<ArrayBuffer>> {
  const envelope = envelopeSchema(TAG_BYTES + minPlaintext).safeParse(stored);
  if (!envelope.success) {
    const version = typeof stored === 'object' && stored !== null ? (stored as { v?: unknown }).v : undefined;
    const unknownVersion = version !== undefined && version !== ENVELOPE_VERSION && version !== SEALED_V2;
    throw new EnvelopeError(context.recordId, unknownVersion ? 'unsupported-version' : 'malformed');
  }
  const generation = envelope.data.v === SEALED_V2 ? envelope.data.k : 0;
  const key = keys(generation);
  if (key === undefined) throw new EnvelopeError(context.recordId, 'unknown-key');
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: copy(envelope.data.iv), additionalData: additionalData(context) }, key, copy(envelope.data.ct)),
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'OperationError') throw new EnvelopeError(context.recordId, 'authentication-failed');
    throw error;
  }
}

/** Encrypts a JSON-serialisable value for one record. */
export async function seal(writeKey: WriteKey, value: unknown, context: EnvelopeContext): Promise<Envelope> {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('seal: the value is not JSON-serialisable');
  return sealBytes(writeKey, new TextEncoder().encode(json), context);
}

/**
 * Decrypts a stored (untrusted) envelope for the record it claims to belong to. Resolves to
 * the parsed JSON, still unvalidated: callers parse it with their schema. Throws
 * EnvelopeError naming the record for anything that does not authenticate.
 */
export async function open(keys: KeyLookup, stored: unknown, context: EnvelopeContext): Promise<unknown> {
  const plaintext = await openBytes(keys, stored, context);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext)) as unknown;
  } catch {
    throw new EnvelopeError(context.recordId, 'malformed-plaintext');
  }
}

/**
 * Moves a stored envelope to the write key: the same plaintext bytes and additional data, a fresh
 * IV. The plaintext never leaves this function and is zeroed. EnvelopeError as openBytes.
 */
export async function reseal(keys: KeyLookup, writeKey: WriteKey, stored: unknown, context: EnvelopeContext): Promise<Envelope> {
  const plaintext = await openBytes(keys, stored, context);
  try {
    return await sealBytes(writeKey, plaintext, context);
  } finally {
    plaintext.fill(0);
  }
}

/** One key, generation 0: what a device that never rotated its data key holds. */
export function singleKey(key: CryptoKey): { write: WriteKey; read: KeyLookup } {
  return { write: { generation: 0, key }, read: (generation) => (generation === 0 ? key : undefined) };
}
