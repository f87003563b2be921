/**
 * A first look at the keyring without loading the storage layer (Dexie, zod, the instrument:
 * about 350 KB of JavaScript that a cheap phone takes half a second to run). It answers only
 * what it can tell for certain from outside:
 * - 'ready': the keyring file in the Origin Private File System holds a record, so the unlock
 *   screen is right (storage/crypto/keyring-store.ts: once the record is in OPFS, the file is
 *   where it is read from, whatever IndexedDB holds);
 * - 'none': there is no record in OPFS and the app's database does not exist, so there is no
 *   record anywhere (nor the pointer row saying the record moved to OPFS): set-up is right;
 * - 'unknown': anything else (no OPFS, a database that exists, an old browser, an error); the
 *   lock controller then waits for the storage layer's own answer, as it always did.
 * The storage layer still gives the authoritative answer right after the first screen is shown
 * (lock-controller.ts); it only ever corrects a guess when storage cannot be opened at all, or
 * when another tab set up a passphrase in the meantime.
 *
 * Read-only: it never creates the database or a file. The two names below must equal the
 * storage layer's DEFAULT_DB_NAME and KEYRING_FILE (keyring-probe.test.ts holds them together);
 * they are repeated because importing them would put the storage layer back in the entry chunk.
 */
export const KEYRING_FILE_NAME = 'homeward-keyring.json';
export const DATABASE_NAME = 'homeward';

export type KeyringGuess = 'ready' | 'none' | 'unknown';

/** What the probe reads; the browser's by default, a fake in unit tests. */
export interface ProbeEnvironment {
  /** The OPFS root where the app keeps its keyring there, else undefined (mirrors storage's opfsRoot). */
  opfsRoot: () => Promise<FileSystemDirectoryHandle | undefined>;
  /** Names of this origin's IndexedDB databases, or undefined where the browser cannot list them. */
  databaseNames: () => Promise<string[] | undefined>;
}

/** Same conditions as storage's opfsRoot(): OPFS and main-thread createWritable. */
async function browserOpfsRoot(): Promise<FileSystemDirectoryHandle | undefined> {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return undefined;
  if (typeof FileSystemFileHandle === 'undefined' || typeof FileSystemFileHandle.prototype.createWritable !== 'function') return undefined;
  return navigator.storage.getDirectory();
}

async function browserDatabaseNames(): Promise<string[] | undefined> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return undefined;
  const list = await indexedDB.databases();
  return list.flatMap((info) => (typeof info.name === 'string' ? [info.name] : []));
}

export const browserProbeEnvironment: ProbeEnvironment = { opfsRoot: browserOpfsRoot, databaseNames: browserDatabaseNames };

/** Size of the keyring file, 0 when it is absent (an empty file is a first write that never completed). */
async function keyringFileSize(root: FileSystemDirectoryHandle): Promise<number> {
  try {
    const handle = await root.getFileHandle(KEYRING_FILE_NAME);
    return (await handle.getFile()).size;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotFoundError') return 0;
    throw error;
  }
}

export async function probeKeyring(env: ProbeEnvironment = browserProbeEnvironment): Promise<KeyringGuess> {
  // Both questions go to the browser at once: each is a round trip to another process, slow on
  // a busy phone, and the first screen waits for the answer.
  const names = env.databaseNames().catch(() => undefined);
  try {
    const root = await env.opfsRoot();
    if (root && (await keyringFileSize(root)) > 0) return 'ready';
    const found = await names;
    if (!found) return 'unknown';
    return found.includes(DATABASE_NAME) ? 'unknown' : 'none';
  } catch {
    return 'unknown';
  }
}
