/**
 * "What this device trusts changed": an identity was created or verified, a root trusted, an
 * organisation kit imported. Settings sections that show trust (identity, roots, address book, kit)
 * reload on it, so one section's change is never shown stale by another. Same tab only; nothing
 * personal travels with the event.
 */
const EVENT = 'homeward:trust-changed';

export function announceTrustChange(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(EVENT));
}

/** Calls `listener` on every change; returns the unsubscribe function (for an effect's cleanup). */
export function onTrustChange(listener: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
