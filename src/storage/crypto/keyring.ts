/**
 * WARNING: the data key's only persistent form. A regression here makes EVERY encrypted
 * record unreadable on every device, with no recovery. Never delete or overwrite a keyring
 * record except in changePassphrase (same data keys, re-wrapped), a data key rotation
 * (beginRotation / finishRotation, docs/adr/0005) or a deliberate panic wipe.
 *
 * Scheme (reference/reliability-security-performance.md §2.2):
 * - data key (DEK): random AES-GCM-256. setup() makes generation 0. Changing the passphrase
 *   re-wraps the same key(s), so no record is re-encrypted. Only a data key rotation makes a
 *   new key (generation + 1); while it runs the record holds both keys, and the old one is
 *   dropped (finishRotation) only after every record was re-sealed and checked under the new one.
 * - key-encryption key (KEK): PBKDF2-SHA256 of the passphrase (kdf.ts), never stored.
 * - stored record: each DEK wrapped with AES-GCM under the KEK (12-byte random IV, additional
 *   data binding it to this purpose, record and generation), and the KDF parameters, which are
 *   re-checked on every read (downgrade protection). Every key of the record is wrapped under
 *   the same KEK: one passphrase opens all of them.
 * - unlock = a successful unwrap (GCM tag check); there is no separate passphrase hash that
 *   could be brute-forced faster than the KDF. The unwrapped DEKs are NON-extractable.
 * Formats: v1 `{ id, v: 1, kdf, wrap, wrappedKey, rev, createdAt, updatedAt }` holds generation
 * 0 alone (what set-up writes, unchanged since it shipped); v2 `{ id, v: 2, kdf, keys: [{ k,
 * wrap, wrappedKey }], rotation: null | { from, to, startedAt }, rev, createdAt, updatedAt }`
 * holds one key, or the two keys of a rotation under way. A record that can be v1 is written
 * as v1.
 * Where the record is kept is keyring-store.ts's job (the app keeps it in OPFS, outside
 * IndexedDB, so a panic wipe leaves no wrapped key on disk: docs/adr/0004). WebCrypto never runs
 * inside a store write: derive and wrap first, then the store replaces the record only if its
 * `rev` is unchanged, so two tabs cannot interleave, and atomically, so an interrupted change
 * leaves the old record (and passphrase) working.
 */
import { z } from '../../instrument/schema/zod';
import type { DbSource } from '../repositories/drafts';
import { bytes, copy, randomBytes } from './bytes';
import { indexedDbKeyringStore, isKeyringStore, KEYRING_ID, type KeyringLocation, type KeyringStore } from './keyring-store';
import { KeyringError, WrongPassphraseError } from './errors';
import { checkKdfParams, deriveKek, newKdfParams, type KdfParams } from './kdf';

export { KEYRING_ID };
export const KEYRING_VERSION = 1;
export const KEYRING_VERSION_2 = 2;
const WRAP_IV_BYTES = 12;
/** 32 key bytes + 16 GCM tag bytes. */
const WRAPPED_KEY_BYTES = 48;

interface Wrapped {
  wrap: { alg: 'AES-GCM'; iv: Uint8Array };
  wrappedKey: Uint8Array;
}

/** One wrapped data key of a v2 record. */
export interface KeySlot extends Wrapped {
  /** The key's generation: 0 for the key made at set-up, +1 for each rotation. */
  k: number;
}

export interface RotationMark {
  from: number;
  to: number;
  startedAt: number;
}

interface RecordBase {
  id: string;
  kdf: KdfParams;
  /** Incremented on every write; a write whose rev moved underneath it is refused. */
  rev: number;
  createdAt: number;
  updatedAt: number;
}

export type KeyringRowV1 = RecordBase & Wrapped & { v: typeof KEYRING_VERSION };
export type KeyringRowV2 = RecordBase & { v: typeof KEYRING_VERSION_2; keys: KeySlot[]; rotation: RotationMark | null };
export type KeyringRow = KeyringRowV1 | KeyringRowV2;

const timestamp = z.int().nonnegative();
const generation = z.int().nonnegative();
const wrapSchema = z.strictObject({ alg: z.literal('AES-GCM'), iv: bytes({ exact: WRAP_IV_BYTES }) });
const wrappedKeySchema = bytes({ exact: WRAPPED_KEY_BYTES });
const common = {
  id: z.literal(KEYRING_ID),
  kdf: z.unknown(), // checked by checkKdfParams, which says *why* it refuses
  rev: z.int().nonnegative(),
  createdAt: timestamp,
  updatedAt: timestamp,
};
const keyringRowSchema = z.discriminatedUnion('v', [
  z.strictObject({ ...common, v: z.literal(KEYRING_VERSION), wrap: wrapSchema, wrappedKey: wrappedKeySchema }),
  z
    .strictObject({
      ...common,
      v: z.literal(KEYRING_VERSION_2),
      keys: z.array(z.strictObject({ k: generation, wrap: wrapSchema, wrappedKey: wrappedKeySchema })).min(1).max(2),
      rotation: z.strictObject({ from: generation, to: generation, startedAt: timestamp }).nullable(),
    })
    .refine((row) => {
      const held = row.keys.map((slot) => slot.k).sort((a, b) => a - b);
      if (row.rotation === null) return held.length === 1;
      const { from, to } = row.rotation;
      return from < to && held.length === 2 && held[0] === from && held[1] === to;
    }),
]);

/** The keyring as the rest of this file sees it, whichever format it is stored in. */
interface KeyringState extends RecordBase {
  slots: KeySlot[];
  rotation: RotationMark | null;
}

/** The unwrapped (non-extractable) data keys of an unlocked keyring. */
export interface DataKeys {
  /** The generation new records are sealed under (during a rotation: the new key). */
  current: number;
  /** Every key the keyring holds, by generation. */
  keys: ReadonlyMap<number, CryptoKey>;
  /** The rotation under way, or null. */
  rotation: { from: number; to: number } | null;
}

/** What the keyring says without a passphrase (no secret): which generations, which rotation. */
export interface KeyringDescription {
  current: number;
  generations: number[];
  rotation: { from: number; to: number } | null;
  rev: number;
}

export type KeyringStatus = 'none' | 'ready';

export interface KeyringOptions {
  now?: () => number;
}

export interface KdfOptions {
  /** PBKDF2 iterations, 600,000 (default) to 2,000,000; calibration may only raise it. */
  iterations?: number;
}

export interface Keyring {
  /** 'none': show the set-up screen; 'ready': show the unlock screen. */
  status(): Promise<KeyringStatus>;
  /** Where the wrapped key is kept: 'opfs' (a file a wipe unlinks) or 'indexeddb' (fallback). */
  location(): Promise<KeyringLocation>;
  /** Generations and rotation state, read without a passphrase; KeyringError('missing') if none. */
  describe(): Promise<KeyringDescription>;
  /** Creates the data key (generation 0) and stores it wrapped; resolves to it, unlocked. */
  setup(passphrase: string, options?: KdfOptions): Promise<DataKeys>;
  /** Resolves to the non-extractable data key(s); WrongPassphraseError if the unwrap fails. */
  unlock(passphrase: string): Promise<DataKeys>;
  /** Re-wraps the same data key(s) under a new passphrase (new salt); records are untouched. */
  changePassphrase(oldPassphrase: string, newPassphrase: string, options?: KdfOptions): Promise<void>;
  /**
   * Starts a data key rotation: a new random key (the next generation) and the current one, both
   * wrapped under the NEW passphrase, with a rotation mark. From here only the new passphrase
   * opens the keyring. KeyringError('rotating') if one is already under way.
   */
  beginRotation(oldPassphrase: string, newPassphrase: string, options?: KdfOptions): Promise<DataKeys>;
  /**
   * Ends the rotation `from → to`: the old key's wrapped copy is deleted from the record. Call it
   * only once every record opens under `to`. KeyringError('changed') if the stored record is not
   * in that rotation (another tab finished it, or it changed meanwhile).
   */
  finishRotation(rotation: { from: number; to: number }): Promise<void>;
}

/** Additional data for a wrap: a wrapped key copied into another record, purpose or slot won't unwrap. */
function wrapAad(v: number, k: number): Uint8Array<ArrayBuffer> {
  const label = v === KEYRING_VERSION ? `homeward-keyring|${KEYRING_ID}|1` : `homeward-keyring|${KEYRING_ID}|2|${String(k)}`;
  return new TextEncoder().encode(label);
}

/** Whether a record with these generations is stored as v1 (generation 0 alone, no rotation) or v2. */
function formatFor(generations: readonly number[], rotation: RotationMark | null): number {
  return rotation === null && generations.length === 1 && generations[0] === 0 ? KEYRING_VERSION : KEYRING_VERSION_2;
}

function formatOf(state: Pick<KeyringState, 'slots' | 'rotation'>): number {
  return formatFor(state.slots.map((slot) => slot.k), state.rotation);
}

async function wrap(dek: CryptoKey, kek: CryptoKey, v: number, k: number): Promise<KeySlot> {
  const iv = randomBytes(WRAP_IV_BYTES);
  const wrapped = await crypto.subtle.wrapKey('raw', dek, kek, { name: 'AES-GCM', iv, additionalData: wrapAad(v, k) });
  return { k, wrap: { alg: 'AES-GCM', iv }, wrappedKey: new Uint8Array(wrapped) };
}

async function unwrap(slot: KeySlot, v: number, kek: CryptoKey, extractable: boolean): Promise<CryptoKey> {
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      copy(slot.wrappedKey),
      kek,
      { name: 'AES-GCM', iv: copy(slot.wrap.iv), additionalData: wrapAad(v, slot.k) },
      { name: 'AES-GCM', length: 256 },
      extractable,
      ['encrypt', 'decrypt'],
    );
  } catch (error) {
    // GCM tag failure: wrong passphrase (or a damaged wrapped key; the two look the same).
    if (error instanceof Error && error.name === 'OperationError') throw new WrongPassphraseError();
    throw error;
  }
}

async function unwrapAll(state: KeyringState, kek: CryptoKey, extractable: boolean): Promise<Map<number, CryptoKey>> {
  const v = formatOf(state);
  const keys = new Map<number, CryptoKey>();
  for (const slot of state.slots) keys.set(slot.k, await unwrap(slot, v, kek, extractable));
  return keys;
}

function currentOf(state: Pick<KeyringState, 'slots' | 'rotation'>): number {
  return state.rotation ? state.rotation.to : (state.slots[0]?.k ?? 0);
}

function dataKeys(state: KeyringState, keys: Map<number, CryptoKey>): DataKeys {
  const { rotation } = state;
  return { current: currentOf(state), keys, rotation: rotation ? { from: rotation.from, to: rotation.to } : null };
}

function toRow(state: KeyringState): KeyringRow {
  const { id, kdf, rev, createdAt, updatedAt, slots, rotation } = state;
  if (formatOf(state) === KEYRING_VERSION) {
    const [slot] = slots;
    if (!slot) throw new KeyringError('damaged');
    return { id, v: KEYRING_VERSION, kdf, wrap: slot.wrap, wrappedKey: slot.wrappedKey, rev, createdAt, updatedAt };
  }
  // Newest key first: the order is not meaningful, but it makes the stored record easy to read.
  const keys = [...slots].sort((a, b) => b.k - a.k);
  return { id, v: KEYRING_VERSION_2, kdf, keys, rotation, rev, createdAt, updatedAt };
}

/** Wraps every key of `keys` under `kek` for a record shaped like `shape`. */
async function wrapAll(keys: Map<number, CryptoKey>, kek: CryptoKey, shape: Pick<KeyringState, 'rotation'>): Promise<KeySlot[]> {
  const v = formatFor([...keys.keys()], shape.rotation);
  const slots: KeySlot[] = [];
  for (const [k, key] of keys) slots.push(await wrap(key, kek, v, k));
  return slots;
}

function requirePassphrase(passphrase: string): void {
  if (passphrase.length === 0) throw new KeyringError('empty-passphrase');
}

/**
 * A keyring on `backend`: a KeyringStore (the app passes appKeyringStore: OPFS), or a database
 * whose `keyring` table then holds the record (tests, and the fallback without OPFS).
 */
export function createKeyring(backend: KeyringStore | DbSource, options: KeyringOptions = {}): Keyring {
  const { now = Date.now } = options;
  const store = isKeyringStore(backend) ? backend : indexedDbKeyringStore(backend);

  /** Reads and checks the stored record; KdfParamsError for refused parameters. */
  async function read(): Promise<KeyringState> {
    const raw: unknown = await store.read();
    if (raw === undefined) throw new KeyringError('missing');
    const parsed = keyringRowSchema.safeParse(raw);
    if (!parsed.success) throw new KeyringError('damaged');
    const row = parsed.data;
    const base = { id: row.id, kdf: checkKdfParams(row.kdf), rev: row.rev, createdAt: row.createdAt, updatedAt: row.updatedAt };
    if (row.v === KEYRING_VERSION) return { ...base, slots: [{ k: 0, wrap: row.wrap, wrappedKey: row.wrappedKey }], rotation: null };
    return { ...base, slots: row.keys, rotation: row.rotation };
  }

  async function status(): Promise<KeyringStatus> {
    return (await store.read()) === undefined ? 'none' : 'ready';
  }

  /** The next record after `state`: same id and creation time, rev + 1, a later updatedAt. */
  function successor(state: KeyringState, change: Pick<KeyringState, 'kdf' | 'slots' | 'rotation'>): KeyringState {
    return { ...state, ...change, rev: state.rev + 1, updatedAt: Math.max(now(), state.updatedAt) };
  }

  /** Replaces the record, unwrapping every key of `next` first: nothing is stored that would not open. */
  async function replaceChecked(previous: KeyringState, next: KeyringState, kek: CryptoKey): Promise<DataKeys> {
    const keys = await unwrapAll(next, kek, false);
    // Refused (KeyringError 'changed') if another tab wrote meanwhile; atomic either way.
    await store.replace(toRow(next), previous.rev);
    return dataKeys(next, keys);
  }

  return {
    status,
    location: () => store.location(),

    async describe() {
      const state = await read();
      const { rotation } = state;
      return {
        current: currentOf(state),
        generations: state.slots.map((slot) => slot.k).sort((a, b) => a - b),
        rotation: rotation ? { from: rotation.from, to: rotation.to } : null,
        rev: state.rev,
      };
    },

    async setup(passphrase, kdfOptions = {}) {
      requirePassphrase(passphrase);
      // Fail before the slow derivation if a keyring exists: replacing it would orphan every record.
      if ((await status()) === 'ready') throw new KeyringError('exists');
      const kdf = newKdfParams(kdfOptions.iterations);
      const kek = await deriveKek(passphrase, kdf);
      // Extractable only so it can be wrapped; this reference is dropped when setup returns.
      const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
      const time = now();
      const state: KeyringState = {
        id: KEYRING_ID, kdf, slots: [await wrap(fresh, kek, KEYRING_VERSION, 0)], rotation: null, rev: 0, createdAt: time, updatedAt: time,
      };
      // Hand back the key as unlock() would: unwrapped from what is stored, non-extractable.
      // This also proves the stored record opens before anything is encrypted under it.
      const keys = await unwrapAll(state, kek, false);
      await store.create(toRow(state));
      return dataKeys(state, keys);
    },

    async unlock(passphrase) {
      const state = await read();
      return dataKeys(state, await unwrapAll(state, await deriveKek(passphrase, state.kdf), false));
    },

    async changePassphrase(oldPassphrase, newPassphrase, kdfOptions = {}) {
      requirePassphrase(newPassphrase);
      const state = await read();
      // Extractable only for the re-wrap below; never leaves this function.
      const keys = await unwrapAll(state, await deriveKek(oldPassphrase, state.kdf), true);
      const kdf = newKdfParams(kdfOptions.iterations ?? state.kdf.iterations);
      const kek = await deriveKek(newPassphrase, kdf);
      const next = successor(state, { kdf, slots: await wrapAll(keys, kek, state), rotation: state.rotation });
      await replaceChecked(state, next, kek);
    },

    async beginRotation(oldPassphrase, newPassphrase, kdfOptions = {}) {
      requirePassphrase(newPassphrase);
      const state = await read();
      if (state.rotation) throw new KeyringError('rotating');
      const from = currentOf(state);
      // The current key, extractable only to be re-wrapped below (it never leaves this function).
      const old = (await unwrapAll(state, await deriveKek(oldPassphrase, state.kdf), true)).get(from);
      if (!old) throw new KeyringError('damaged');
      const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
      const to = from + 1;
      const kdf = newKdfParams(kdfOptions.iterations ?? state.kdf.iterations);
      const kek = await deriveKek(newPassphrase, kdf);
      const rotation: RotationMark = { from, to, startedAt: now() };
      const keys = new Map([[to, fresh], [from, old]]);
      const next = successor(state, { kdf, slots: await wrapAll(keys, kek, { rotation }), rotation });
      return replaceChecked(state, next, kek);
    },

    async finishRotation({ from, to }) {
      const state = await read();
      if (state.rotation?.from !== from || state.rotation.to !== to) throw new KeyringError('changed');
      const kept = state.slots.filter((slot) => slot.k === to);
      if (kept.length !== 1) throw new KeyringError('damaged');
      // The new key's wrapping is kept byte for byte (same KEK, same slot); only the old one goes.
      const next = successor(state, { kdf: state.kdf, slots: kept, rotation: null });
      await store.replace(toRow(next), state.rev);
    },
  };
}
