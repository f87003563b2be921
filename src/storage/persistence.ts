/**
 * Persistent storage. Without it IndexedDB is "best effort" and the browser may evict every
 * draft under disk pressure (reliability §3.1). Chrome grants by engagement without asking,
 * Firefox shows a prompt, so call requestPersistence after a user gesture such as creating
 * the first draft, and show the result.
 */

export type PersistenceResult = 'granted' | 'denied' | 'unsupported';

export interface StorageEstimateResult {
  usage: number;
  quota: number;
  /** usage / quota, 0..1 */
  ratio: number;
  /** At or above 80 % of quota: warn before writes start failing. */
  nearlyFull: boolean;
}

/** The part of StorageManager used here; injectable for tests. */
export type StorageLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

export const NEARLY_FULL_RATIO = 0.8;

function defaultStorage(): StorageLike | undefined {
  // `navigator` is absent in some workers and in Node; its `storage` outside secure contexts.
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

export async function requestPersistence(storage: StorageLike | undefined = defaultStorage()): Promise<PersistenceResult> {
  if (!storage?.persist) return 'unsupported';
  try {
    // Asking again when already granted could show a needless prompt in some browsers.
    if (storage.persisted && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    // Thrown in some embedded/insecure contexts: treat as not available here.
    return 'unsupported';
  }
}

/** Current state without asking the user; for a status display. */
export async function isPersisted(storage: StorageLike | undefined = defaultStorage()): Promise<PersistenceResult> {
  if (!storage?.persisted) return 'unsupported';
  try {
    return (await storage.persisted()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}

/** null when the browser cannot tell (no StorageManager, or no usage/quota figures). */
export async function estimateStorage(storage: StorageLike | undefined = defaultStorage()): Promise<StorageEstimateResult | null> {
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    if (usage === undefined || quota === undefined || quota <= 0) return null;
    const ratio = usage / quota;
    return { usage, quota, ratio, nearlyFull: ratio >= NEARLY_FULL_RATIO };
  } catch {
    return null;
  }
}
