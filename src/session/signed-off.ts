/**
 * Which drafts this tab loaded as signed off. A signed-off draft is the record of what a reviewer
 * approved: every tab shows it read only (the storage layer refuses to change it too,
 * DraftSignedOffError); a change needs a new version, started from the drafts list.
 */
type Listener = () => void;

const ids = new Set<string>();
const listeners = new Set<Listener>();

export const signedOffDrafts = {
  mark: (draftId: string, signedOff: boolean): void => {
    if (ids.has(draftId) === signedOff) return;
    if (signedOff) ids.add(draftId);
    else ids.delete(draftId);
    for (const listener of listeners) listener();
  },
  has: (draftId: string): boolean => ids.has(draftId),
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
