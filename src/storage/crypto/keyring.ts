/**
 * WARNING: the data key's only persistent form. A regression here makes EVERY encrypted
 * draft unreadable on every device, with no recovery. Never delete or overwrite a keyring
 * row except in changePassphrase (same data key, re-wrapped) or a deliberate panic wipe.
 *
 * Scheme (reference/reliability-security-performance.md §2.2):
 * - data key (DEK): random AES-GCM-256, generated once by setup(); never re-generated, so
 *   changing the passphrase re-wraps it and no record is re-encrypted.
 * - key-encryption key (KEK): PBKDF2-SHA256 of the passphrase (kdf.ts), never stored.
 * - stored row `keyring['primary']`: the DEK wrapped with AES-GCM under the KEK (12-byte
 *   random IV, additional data binds it to this purpose and row), and the KDF parameters,
 *   which are re-checked on every read (downgrade protection).
 * - unlock = a successful unwrap (GCM tag check); there is no separate passphrase hash that
 *   could be brute-forced faster than the KDF. The unwrapped DEK is NON-extractable.
 * Where the record is kept is keyring-store.ts's job (the app keeps it in OPFS, outside
 * IndexedDB, so a panic wipe leaves no wrapped key on disk: docs/adr/0004). WebCrypto never runs
 * inside a store write: derive and wrap first, then the store replaces the record only if its
 * `rev` is unchanged, so two tabs cannot interleave, and atomically, so an interrupted change
 * leaves the old passphrase working.
 */
import { z } from '../../instrument/schema/zod';
import type { DbSource } from '../repositories/drafts';
import { bytes, copy, randomBytes } from './bytes';
import { indexedDbKeyringStore, isKeyringStore, KEYRING_ID, type KeyringLocation, type KeyringStore } from './keyring-store';
import { KeyringError, WrongPassphraseError } from './errors';
import { checkKdfParams, deriveKek, newKdfParams, type KdfParams } from './kdf';

export { KEYRING_ID };
export const KEYRING_VERSION = 1;
const WRAP_IV_BYTES = 12;
/** 32 key bytes + 16 GCM tag bytes. */
const WRAPPED_KEY_BYTES = 48;

export interface KeyringRow {
  id: string;
  v: typeof KEYRING_VERSION;
  kdf: KdfParams;
  wrap: { alg: 'AES-GCM'; iv: Uint8Array };
  wrappedKey: Uint8Array;
  /** Incremented on every re-wrap; a write whose rev moved underneath it is refused. */
  rev: number;
  createdAt: number;
  updatedAt: number;
}

const timestamp = z.int().nonnegative();
const keyringRowSchema = z.strictObject({
  id: z.literal(KEYRING_ID),
  v: z.literal(KEYRING_VERSION),
  kdf: z.unknown(), // checked by checkKdfParams, which says *why* it refuses
  wrap: z.strictObject({ alg: z.literal('AES-GCM'), iv: bytes({ exact: WRAP_IV_BYTES }) }),
  wrappedKey: bytes({ exact: WRAPPED_KEY_BYTES }),
  rev: z.int().nonnegative(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

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
  /** Creates the data key and stores it wrapped; resolves to the (non-extractable) key, unlocked. */
  setup(passphrase: string, options?: KdfOptions): Promise<CryptoKey>;
  /** Resolves to the non-extractable data key; WrongPassphraseError if the unwrap fails. */
  unlock(passphrase: string): Promise<CryptoKey>;
  /** Re-wraps the same data key under a new passphrase (new salt); records are untouched. */
  changePassphrase(oldPassphrase: string, newPassphrase: string, options?: KdfOptions): Promise<void>;
}

/** Additional data for the wrap: a wrapped key copied into another row or purpose won't unwrap. */
function wrapAad(row: { id: string; v: number }): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`homeward-keyring|${row.id}|${row.v}`);
}

async function wrap(dek: CryptoKey, kek: CryptoKey): Promise<Pick<KeyringRow, 'wrap' | 'wrappedKey'>> {
  const iv = randomBytes(WRAP_IV_BYTES);
  const additionalData = wrapAad({ id: KEYRING_ID, v: KEYRING_VERSION });
  const wrapped = await crypto.subtle.wrapKey('raw', dek, kek, { name: 'AES-GCM', iv, additionalData });
  return { wrap: { alg: 'AES-GCM', iv }, wrappedKey: new Uint8Array(wrapped) };
}

async function unwrap(row: KeyringRow, kek: CryptoKey, extractable: boolean): Promise<CryptoKey> {
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      copy(row.wrappedKey),
      kek,
      { name: 'AES-GCM', iv: copy(row.wrap.iv), additionalData: wrapAad(row) },
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

  /** Reads and checks the stored row; KdfParamsError for refused parameters. */
  async function read(): Promise<KeyringRow> {
    const raw: unknown = await store.read();
    if (raw === undefined) throw new KeyringError('missing');
    const row = keyringRowSchema.safeParse(raw);
    if (!row.success) throw new KeyringError('damaged');
    return { ...row.data, kdf: checkKdfParams(row.data.kdf) };
  }

  async function status(): Promise<KeyringStatus> {
    return (await store.read()) === undefined ? 'none' : 'ready';
  }

  return {
    status,
    location: () => store.location(),

    async setup(passphrase, kdfOptions = {}) {
      requirePassphrase(passphrase);
      // Fail before the slow derivation if a keyring exists: replacing it would orphan every record.
      if ((await status()) === 'ready') throw new KeyringError('exists');
      const kdf = newKdfParams(kdfOptions.iterations);
      const kek = await deriveKek(passphrase, kdf);
      // Extractable only so it can be wrapped; this reference is dropped when setup returns.
      const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
      const time = now();
      const row: KeyringRow = {
        id: KEYRING_ID, v: KEYRING_VERSION, kdf, ...(await wrap(fresh, kek)), rev: 0, createdAt: time, updatedAt: time,
      };
      // Hand back the key as unlock() would: unwrapped from what is stored, non-extractable.
      // This also proves the stored row opens before anything is encrypted under it.
      const dek = await unwrap(row, kek, false);
      await store.create(row);
      return dek;
    },

    async unlock(passphrase) {
      const row = await read();
      return unwrap(row, await deriveKek(passphrase, row.kdf), false);
    },

    async changePassphrase(oldPassphrase, newPassphrase, kdfOptions = {}) {
      requirePassphrase(newPassphrase);
      const row = await read();
      // Extractable only for the re-wrap below; never leaves this function.
      const dek = await unwrap(row, await deriveKek(oldPassphrase, row.kdf), true);
      const kdf = newKdfParams(kdfOptions.iterations ?? row.kdf.iterations);
      const next: KeyringRow = {
        ...row, kdf, ...(await wrap(dek, await deriveKek(newPassphrase, kdf))), rev: row.rev + 1, updatedAt: Math.max(now(), row.updatedAt),
      };
      // Refused (KeyringError 'changed') if another tab re-wrapped meanwhile; atomic either way.
      await store.replace(next, row.rev);
    },
  };
}
