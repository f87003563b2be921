import { useEffect, useState } from 'react';
// persistence.ts directly: tiny, no Dexie, and src/storage/index.ts does not re-export the durability check.
import type { StorageDurability, StorageEstimateResult } from '../../storage/persistence';
import type { DraftStore, PersistenceOutcome } from './draft-store';

// Asked once per page load: browsers may show a prompt, and the answer does not change
// while the page is open. Also keeps StrictMode's double effect from asking twice.
let asked: Promise<PersistenceOutcome> | null = null;

/** Requests persistent storage on first use; null until the browser has answered. */
export function usePersistence(store: DraftStore): PersistenceOutcome | null {
  const [outcome, setOutcome] = useState<PersistenceOutcome | null>(null);
  useEffect(() => {
    let live = true;
    asked ??= store.requestPersistence().catch((): PersistenceOutcome => 'unsupported');
    void asked.then((result) => {
      if (live) setOutcome(result);
    });
    return () => {
      live = false;
    };
  }, [store]);
  return outcome;
}

export interface StorageHealth {
  durability: StorageDurability;
  estimate: StorageEstimateResult | null;
}

/**
 * Whether drafts will outlive this window (private/incognito detection) and how full storage
 * is, read once per page load. Imported on first use so it stays out of the first screen's
 * bundle. Null until known.
 */
export function useStorageHealth(): StorageHealth | null {
  const [health, setHealth] = useState<StorageHealth | null>(null);
  useEffect(() => {
    let live = true;
    import('../../storage/persistence')
      .then(async (storage) => {
        const [durability, estimate] = await Promise.all([storage.assessStorageDurability(), storage.estimateStorage()]);
        if (live) setHealth({ durability, estimate });
      })
      .catch(() => {
        // The list itself reports storage that cannot be opened; nothing more to say here.
      });
    return () => {
      live = false;
    };
  }, []);
  return health;
}
