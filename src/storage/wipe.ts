/**
 * WARNING: destroys every draft and the key on this device, on purpose and for good.
 *
 * Panic wipe (issue 4). In this order: drop the data key from memory, delete the wrapped key
 * (the keyring file in the Origin Private File System, and any old keyring row in IndexedDB:
 * without it no encrypted draft can ever be read again, even from a copy of the disk), delete
 * the whole IndexedDB database, every other entry of the Origin Private File System, every
 * Cache Storage cache except the service worker's precache and the offline kit, and clear
 * localStorage and sessionStorage (the origin is the app's alone; today they hold only the UI
 * language, which is not personal but shows the app was used).
 *
 * Why the key is a file (docs/adr/0004): Chromium's IndexedDB (LevelDB) keeps deleted rows in
 * its files until a compaction, so deleting the database leaves the sealed drafts on disk. They
 * are ciphertext under a data key whose one wrapped copy was in the OPFS file that step 2
 * unlinked; nothing on the device can open them any more, not even with the passphrase.
 *
 * The precache and the offline kit are kept on purpose: they hold only the app's own files (code,
 * styles, wording, fonts, icons), never case data, and without them the app could not start, or
 * export, again offline. Every step runs
 * even if an earlier one failed; the promise rejects (with the first error) if any step failed.
 */
import type { HomewardDb } from './db';
import type { KeySession } from './crypto/session';
import { KEYRING_ID, type KeyringStore } from './crypto/keyring-store';

/** Workbox names its precache `workbox-precache-v2-<scope>`; nothing personal is ever put there. */
export const PRECACHE_PREFIX = 'workbox-precache';
/**
 * The offline kit's cache (src/features/offline: PDF code, fonts, other languages' strings),
 * saved after the precache. Like the precache it holds only the app's own files; without it a
 * wiped device could no longer export offline until it is online again.
 */
export const OFFLINE_KIT_PREFIX = 'homeward-offline-kit';

export interface WipeTargets {
  db: HomewardDb;
  session: Pick<KeySession, 'lock'>;
  /** Where the wrapped key lives (the app's: OPFS file and old IndexedDB row). */
  keyring?: Pick<KeyringStore, 'destroy'>;
  /** The Origin Private File System root, emptied after the database is gone. */
  fileSystem?: (() => Promise<Pick<FileSystemDirectoryHandle, 'keys' | 'removeEntry'> | undefined>) | undefined;
  /** The origin's Cache Storage; undefined where the browser has none (or in unit tests). */
  caches?: Pick<CacheStorage, 'keys' | 'delete'> | undefined;
  /** localStorage and sessionStorage (those that could be reached). */
  storages?: Pick<Storage, 'clear'>[];
}

export interface WipeReport {
  /** Names of the caches deleted (the precache and the offline kit are kept). */
  deletedCaches: string[];
}

export async function wipeDevice(targets: WipeTargets): Promise<WipeReport> {
  const { db, session, keyring, fileSystem, caches, storages = [] } = targets;
  const errors: unknown[] = [];
  const attempt = async (step: () => Promise<unknown>): Promise<void> => {
    try {
      await step();
    } catch (error) {
      errors.push(error);
    }
  };

  // 1. The key leaves memory first: nothing can be decrypted from here on.
  session.lock();
  // 2. The wrapped key: once gone, the drafts are ciphertext nobody can open.
  if (keyring) await attempt(() => keyring.destroy());
  await attempt(() => db.keyring.delete(KEYRING_ID));
  // 3. The whole database (drafts, settings, keyring). Dexie closes its connection first.
  await attempt(() => db.delete());
  // 3b. Anything else in the private file system (today only the keyring file, gone by now).
  if (fileSystem) {
    await attempt(async () => {
      const root = await fileSystem();
      if (!root) return;
      const names: string[] = [];
      for await (const name of root.keys()) names.push(name);
      for (const name of names) await root.removeEntry(name, { recursive: true });
    });
  }
  // 4. Caches other than the app's own files (there should be none).
  const deletedCaches: string[] = [];
  if (caches) {
    await attempt(async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PRECACHE_PREFIX) || name.startsWith(OFFLINE_KIT_PREFIX)) continue;
        if (await caches.delete(name)) deletedCaches.push(name);
      }
    });
  }
  // 5. Web storage.
  for (const storage of storages) {
    await attempt(() => {
      storage.clear();
      return Promise.resolve();
    });
  }
  if (errors.length > 0) throw errors[0] instanceof Error ? errors[0] : new Error('wipe failed');
  return { deletedCaches };
}

/** The web storages of this page that can be reached (access may throw under some policies). */
export function reachableWebStorages(): Pick<Storage, 'clear'>[] {
  const found: Pick<Storage, 'clear'>[] = [];
  for (const get of [() => globalThis.localStorage, () => globalThis.sessionStorage]) {
    try {
      const storage = get() as Storage | undefined;
      if (storage) found.push(storage);
    } catch {
      // Blocked storage holds nothing of ours.
    }
  }
  return found;
}
