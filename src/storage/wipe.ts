/**
 * WARNING: destroys every draft and the key on this device, on purpose and for good.
 *
 * Panic wipe (issue 4). In this order: drop the data key from memory, delete the wrapped key
 * (the keyring row: without it no encrypted draft can ever be read again, even from a copy of
 * the disk), delete the whole IndexedDB database, delete every Cache Storage cache except the
 * service worker's precache, and clear localStorage and sessionStorage (the origin is the app's
 * alone; today they hold only the UI language, which is not personal but shows the app was used).
 *
 * The precache is kept on purpose: it holds only the app's own files (code, styles, wording,
 * icons), never case data, and without it the app could not start again offline. Every step runs
 * even if an earlier one failed; the promise rejects (with the first error) if any step failed.
 */
import type { HomewardDb } from './db';
import type { KeySession } from './crypto/session';
import { KEYRING_ID } from './crypto/keyring';

/** Workbox names its precache `workbox-precache-v2-<scope>`; nothing personal is ever put there. */
export const PRECACHE_PREFIX = 'workbox-precache';

export interface WipeTargets {
  db: HomewardDb;
  session: Pick<KeySession, 'lock'>;
  /** The origin's Cache Storage; undefined where the browser has none (or in unit tests). */
  caches?: Pick<CacheStorage, 'keys' | 'delete'> | undefined;
  /** localStorage and sessionStorage (those that could be reached). */
  storages?: Pick<Storage, 'clear'>[];
}

export interface WipeReport {
  /** Names of the caches deleted (the precache is kept). */
  deletedCaches: string[];
}

export async function wipeDevice(targets: WipeTargets): Promise<WipeReport> {
  const { db, session, caches, storages = [] } = targets;
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
  await attempt(() => db.keyring.delete(KEYRING_ID));
  // 3. The whole database (drafts, settings, keyring). Dexie closes its connection first.
  await attempt(() => db.delete());
  // 4. Caches other than the precache (there should be none).
  const deletedCaches: string[] = [];
  if (caches) {
    await attempt(async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PRECACHE_PREFIX)) continue;
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
