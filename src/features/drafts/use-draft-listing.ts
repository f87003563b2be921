import { useCallback, useEffect, useState } from 'react';
import type { DraftListing, DraftStore } from './draft-store';

export type ListingState =
  | { kind: 'loading' }
  | { kind: 'ready'; listing: DraftListing }
  | { kind: 'failed' };

/** The drafts on this device, newest save first, and a way to read them again after a change. */
export function useDraftListing(store: DraftStore): { state: ListingState; reload: () => void } {
  const [state, setState] = useState<ListingState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    store.list().then(
      (listing) => {
        if (!live) return;
        const drafts = [...listing.drafts].sort((a, b) => b.updatedAt - a.updatedAt);
        setState({ kind: 'ready', listing: { drafts, unreadable: listing.unreadable } });
      },
      () => {
        if (live) setState({ kind: 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [store, generation]);

  const reload = useCallback(() => {
    setGeneration((g) => g + 1);
  }, []);
  return { state, reload };
}
