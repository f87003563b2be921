import { useEffect, useState } from 'react';
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
