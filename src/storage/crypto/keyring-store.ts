/**
 * WARNING: where the wrapped data key lives. A regression here can make every encrypted draft
 * unreadable (a lost or unreadable keyring record), or leave the wrapped key recoverable from
 * the disk after a panic wipe.
 *
 * Why not IndexedDB (docs/adr/0004-keyring-outside-indexeddb.md): Chromium's IndexedDB is
 * LevelDB, which keeps deleted rows in its table files until a compaction that a page cannot
 * trigger. A wrapped key deleted from IndexedDB can therefore still be read from the profile on
 * disk, and with the passphrase it opens every sealed draft left in those same files. The
 * Origin Private File System (OPFS) stores each file as one file of the profile; deleting it
 * unlinks that file, and a rewrite (createWritable → close) replaces the file as a whole. So the
 * app keeps the keyring record in OPFS, and IndexedDB holds only ciphertext under a data key
 * whose only wrapped copy is gone after a wipe.
 *
 * Stores (all hold ONE record; values are untrusted and validated by keyring.ts on read):
 * - `opfsKeyringStore`: the file `homeward-keyring.json` in the OPFS root, JSON with the bytes
 *   as base64 (`{"$b64": "..."}`). Writes are serialised across tabs with a Web Lock and each
 *   write is atomic: Chromium writes to a swap file and swaps it in on close(), so the old
 *   record stays valid until the new one is completely stored.
 * - `indexedDbKeyringStore`: the Dexie `keyring` table, row 'primary' (the old home; the
 *   fallback where OPFS is missing).
 * - `memoryKeyringStore`: unit tests.
 * - `appKeyringStore`: OPFS when the browser has it, else IndexedDB; moves an IndexedDB record
 *   into OPFS on first use (copy, read back and compare, then delete the row). Once the record
 *   lives in OPFS a pointer row in IndexedDB says so, so a later start where OPFS fails refuses
 *   to start instead of offering "set up a new passphrase" over drafts it could not then read.
 */
import type { DbSource } from '../repositories/drafts';
import { KeyringError } from './errors';
import { withWebLock } from './web-lock';

export const KEYRING_ID = 'primary';
/** Row of the IndexedDB keyring table that says the record moved to OPFS (holds no secret). */
export const KEYRING_POINTER_ID = 'location';

export interface KeyringPointerRow {
  id: typeof KEYRING_POINTER_ID;
  store: 'opfs';
}
export const KEYRING_FILE = 'homeward-keyring.json';
const LOCK_NAME = 'homeward-keyring';

export type KeyringLocation = 'opfs' | 'indexeddb' | 'memory';

export interface KeyringStore {
  /** Where the record is kept (the settings screen says so when it is not OPFS). */
  location(): Promise<KeyringLocation>;
  /** The stored record as found (untrusted), or undefined when there is none. */
  read(): Promise<unknown>;
  /** Stores the first record; KeyringError('exists') if one is there. */
  create(record: unknown): Promise<void>;
  /**
   * Replaces the record, atomically, if the stored one's `rev` is still `expectedRev`;
   * KeyringError('changed') otherwise (another tab changed it meanwhile).
   */
  replace(record: unknown, expectedRev: number): Promise<void>;
  /** Deletes the record for good (panic wipe). Succeeds if there is none. */
  destroy(): Promise<void>;
}

export function isKeyringStore(value: unknown): value is KeyringStore {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof KeyringStore, unknown>>;
  return ['location', 'read', 'create', 'replace', 'destroy'].every((name) => typeof candidate[name as keyof KeyringStore] === 'function');
}

function revOf(record: unknown): unknown {
  return typeof record === 'object' && record !== null ? (record as { rev?: unknown }).rev : undefined;
}

// ---------------------------------------------------------------------------------------------
// Serialisation for OPFS: JSON, Uint8Array as {"$b64": "..."}.

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function serializeRecord(record: unknown): string {
  return JSON.stringify(record, (_key, value: unknown) => (value instanceof Uint8Array ? { $b64: toBase64(value) } : value));
}

/** Parses a stored file; anything unparseable comes back as a value the keyring calls damaged. */
export function deserializeRecord(text: string): unknown {
  try {
    return JSON.parse(text, (_key, value: unknown) => {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const keys = Object.keys(value);
        const b64 = (value as { $b64?: unknown }).$b64;
        if (keys.length === 1 && typeof b64 === 'string') return fromBase64(b64);
      }
      return value;
    }) as unknown;
  } catch {
    return { damaged: true };
  }
}

// ---------------------------------------------------------------------------------------------

/** Runs `task` holding the keyring's Web Lock (all tabs of the origin), where the browser has one. */
function withLock<T>(task: () => Promise<T>): Promise<T> {
  return withWebLock(LOCK_NAME, task);
}

export function memoryKeyringStore(initial?: unknown): KeyringStore & { record: unknown } {
  const store = {
    record: initial,
    location: () => Promise.resolve<KeyringLocation>('memory'),
    read: () => Promise.resolve(store.record),
    create(record: unknown) {
      if (store.record !== undefined) return Promise.reject(new KeyringError('exists'));
      store.record = record;
      return Promise.resolve();
    },
    replace(record: unknown, expectedRev: number) {
      if (store.record === undefined || revOf(store.record) !== expectedRev) return Promise.reject(new KeyringError('changed'));
      store.record = record;
      return Promise.resolve();
    },
    destroy() {
      store.record = undefined;
      return Promise.resolve();
    },
  };
  return store;
}

export function indexedDbKeyringStore(source: DbSource): KeyringStore {
  const db = typeof source === 'function' ? source : () => source;
  return {
    location: () => Promise.resolve('indexeddb'),
    read: () => db().keyring.get(KEYRING_ID),
    async create(record) {
      const database = db();
      await database.transaction('rw', database.keyring, async () => {
        if ((await database.keyring.get(KEYRING_ID)) !== undefined) throw new KeyringError('exists');
        await database.keyring.add(record as never);
      });
    },
    async replace(record, expectedRev) {
      const database = db();
      await database.transaction('rw', database.keyring, async () => {
        const current: unknown = await database.keyring.get(KEYRING_ID);
        if (current === undefined || revOf(current) !== expectedRev) throw new KeyringError('changed');
        await database.keyring.put(record as never);
      });
    },
    async destroy() {
      await db().keyring.delete(KEYRING_ID);
    },
  };
}

export type DirectorySource = () => Promise<FileSystemDirectoryHandle>;

/** The OPFS root, or undefined where the browser has no OPFS or cannot write files there. */
export async function opfsRoot(): Promise<FileSystemDirectoryHandle | undefined> {
  try {
    if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return undefined;
    // Main-thread writes need createWritable (Chromium has it; older Safari only in workers).
    if (typeof FileSystemFileHandle === 'undefined' || typeof FileSystemFileHandle.prototype.createWritable !== 'function') return undefined;
    return await navigator.storage.getDirectory();
  } catch {
    return undefined;
  }
}

async function readKeyringFile(dir: FileSystemDirectoryHandle): Promise<unknown> {
  let handle: FileSystemFileHandle;
  try {
    handle = await dir.getFileHandle(KEYRING_FILE);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return undefined;
    throw error;
  }
  const text = await (await handle.getFile()).text();
  // getFileHandle({ create: true }) makes an empty file before the first write is swapped in:
  // empty means that first write never completed, i.e. no record (the old home still has it).
  if (text === '') return undefined;
  return deserializeRecord(text);
}

/** Atomic: the new content goes to a swap file that replaces the stored file only on close(). */
async function writeKeyringFile(dir: FileSystemDirectoryHandle, record: unknown): Promise<void> {
  const handle = await dir.getFileHandle(KEYRING_FILE, { create: true });
  const writable = await handle.createWritable({ keepExistingData: false });
  try {
    await writable.write(serializeRecord(record));
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

export function opfsKeyringStore(directory: DirectorySource): KeyringStore {
  return {
    location: () => Promise.resolve('opfs'),
    read: async () => readKeyringFile(await directory()),
    create(record) {
      return withLock(async () => {
        const dir = await directory();
        if ((await readKeyringFile(dir)) !== undefined) throw new KeyringError('exists');
        await writeKeyringFile(dir, record);
      });
    },
    replace(record, expectedRev) {
      return withLock(async () => {
        const dir = await directory();
        const current = await readKeyringFile(dir);
        if (current === undefined || revOf(current) !== expectedRev) throw new KeyringError('changed');
        await writeKeyringFile(dir, record);
      });
    },
    destroy() {
      return withLock(async () => {
        const dir = await directory();
        try {
          await dir.removeEntry(KEYRING_FILE);
        } catch (error) {
          if (error instanceof DOMException && error.name === 'NotFoundError') return;
          throw error;
        }
      });
    },
  };
}

/** Thrown at start when the record moved to OPFS but OPFS cannot be reached now. */
export class KeyringUnreachableError extends KeyringError {
  constructor() {
    super('damaged');
    this.message = 'The key record is kept in this browser\'s private files, which cannot be opened now; try again, do not set up a new passphrase.';
  }
}

export interface AppKeyringStoreOptions {
  /** The OPFS root (undefined: none); defaults to the browser's. */
  opfs?: () => Promise<FileSystemDirectoryHandle | undefined>;
}

/**
 * The app's store: OPFS with migration from IndexedDB, or IndexedDB where OPFS is missing.
 * `destroy()` deletes the record from both places (panic wipe).
 */
export function appKeyringStore(source: DbSource, options: AppKeyringStoreOptions = {}): KeyringStore {
  const db = typeof source === 'function' ? source : () => source;
  const legacy = indexedDbKeyringStore(db);
  const getRoot = options.opfs ?? opfsRoot;
  let chosen: Promise<KeyringStore> | undefined;

  async function putPointer(removeLegacyRow: boolean): Promise<void> {
    const database = db();
    await database.transaction('rw', database.keyring, async () => {
      const pointer: KeyringPointerRow = { id: KEYRING_POINTER_ID, store: 'opfs' };
      await database.keyring.put(pointer);
      if (removeLegacyRow) await database.keyring.delete(KEYRING_ID);
    });
  }

  async function choose(): Promise<KeyringStore> {
    const root = await getRoot();
    if (!root) {
      if ((await db().keyring.get(KEYRING_POINTER_ID)) !== undefined) throw new KeyringUnreachableError();
      return legacy;
    }
    await withLock(async () => {
      const old = await legacy.read();
      if (old === undefined) return;
      const existing = await readKeyringFile(root);
      if (existing === undefined) {
        // Copy, then read back and compare before the only other copy goes.
        await writeKeyringFile(root, old);
        if (serializeRecord(await readKeyringFile(root)) !== serializeRecord(old)) throw new KeyringError('damaged');
      } else if (serializeRecord(existing) !== serializeRecord(old)) {
        // Both exist and differ (cannot happen through the app): never guess, delete neither.
        return;
      }
      await putPointer(true);
    });
    return opfsKeyringStore(() => Promise.resolve(root));
  }

  function store(): Promise<KeyringStore> {
    chosen ??= choose().catch((error: unknown) => {
      chosen = undefined; // a later call tries again
      throw error;
    });
    return chosen;
  }

  return {
    location: async () => (await store()).location(),
    read: async () => (await store()).read(),
    async create(record) {
      const target = await store();
      await target.create(record);
      if ((await target.location()) === 'opfs') await putPointer(false);
    },
    replace: async (record, expectedRev) => (await store()).replace(record, expectedRev),
    async destroy() {
      const errors: unknown[] = [];
      const root = await getRoot().catch(() => undefined);
      if (root) await opfsKeyringStore(() => Promise.resolve(root)).destroy().catch((e: unknown) => errors.push(e));
      await legacy.destroy().catch((e: unknown) => errors.push(e));
      chosen = undefined;
      if (errors.length > 0) throw errors[0] instanceof Error ? errors[0] : new Error('keyring not destroyed');
    },
  };
}
