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

/**
 * Will drafts outlive this window? Private (incognito) and guest windows keep IndexedDB in
 * memory and erase it when the window closes (reliability §3.1 "Private/incognito mode"), and no
 * API says so directly. What can be seen:
 * - no IndexedDB at all (some private modes, locked-down embedded browsers): nothing is kept;
 * - a small quota: Chromium gives an incognito profile a pool of 15–20 % of RAM
 *   (storage/browser/quota/quota_settings.cc), while a normal profile gets a share of the whole
 *   disk. navigator.deviceMemory rounds RAM down to a power of two, so incognito quotas stay
 *   below 0.4 × deviceMemory. A normal profile on a nearly full disk can look the same; it is
 *   worth the same warning (little room left), so the message names both causes.
 * The bound is capped at SMALL_QUOTA_CAP_BYTES so a desktop with plenty of RAM is not flagged
 * for an ordinary quota; incognito on such machines is then missed (a false negative, not a
 * false alarm). Without deviceMemory (Firefox, Safari) only the cap is used.
 */
export type StorageDurability =
  | { kind: 'durable' }
  | { kind: 'ephemeral'; reason: 'no-indexeddb' | 'small-quota' }
  /** The browser gives no figures: nothing to say. */
  | { kind: 'unknown' };

export interface DurabilitySignals {
  hasIndexedDb: boolean;
  /** navigator.deviceMemory (GiB, rounded down by the browser), if exposed. */
  deviceMemoryGb?: number | undefined;
  estimate: StorageEstimateResult | null;
}

const GIB = 1024 ** 3;
/** Incognito pools are at most 20 % of RAM; deviceMemory may be half the real RAM. */
export const SMALL_QUOTA_RAM_RATIO = 0.4;
export const SMALL_QUOTA_CAP_BYTES = 2 * GIB;

export function smallQuotaBound(deviceMemoryGb: number | undefined): number {
  if (deviceMemoryGb === undefined || !Number.isFinite(deviceMemoryGb) || deviceMemoryGb <= 0) return SMALL_QUOTA_CAP_BYTES;
  return Math.min(SMALL_QUOTA_RAM_RATIO * deviceMemoryGb * GIB, SMALL_QUOTA_CAP_BYTES);
}

export function judgeDurability(signals: DurabilitySignals): StorageDurability {
  if (!signals.hasIndexedDb) return { kind: 'ephemeral', reason: 'no-indexeddb' };
  if (!signals.estimate) return { kind: 'unknown' };
  if (signals.estimate.quota < smallQuotaBound(signals.deviceMemoryGb)) return { kind: 'ephemeral', reason: 'small-quota' };
  return { kind: 'durable' };
}

/** judgeDurability on this browser's figures. */
export async function assessStorageDurability(
  storage: StorageLike | undefined = defaultStorage(),
  env: { hasIndexedDb: boolean; deviceMemoryGb?: number | undefined } = browserEnv(),
): Promise<StorageDurability> {
  return judgeDurability({ ...env, estimate: await estimateStorage(storage) });
}

function browserEnv(): { hasIndexedDb: boolean; deviceMemoryGb?: number | undefined } {
  const memory: unknown = typeof navigator === 'undefined' ? undefined : Reflect.get(navigator, 'deviceMemory');
  return { hasIndexedDb: typeof indexedDB !== 'undefined', deviceMemoryGb: typeof memory === 'number' ? memory : undefined };
}
