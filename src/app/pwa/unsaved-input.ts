/**
 * Lets the update prompt (and a closing tab) ask whether any screen holds input that is not
 * yet stored. The wizard registers a check while it is mounted:
 *
 *   useEffect(() => registerUnsavedCheck(() => ({ hasUnsaved: saver.pending, flush: saver.flush })), [saver]);
 *
 * Rule it enforces: never reload a tab that holds unsaved input (see architecture.md, PWA).
 */
export interface UnsavedState {
  hasUnsaved: boolean;
  /** Writes pending input to storage; resolves when done, rejects if it could not. */
  flush: () => Promise<void>;
}

export type UnsavedCheck = () => UnsavedState;

const checks = new Set<UnsavedCheck>();

function anyUnsaved(): boolean {
  for (const check of checks) if (check().hasUnsaved) return true;
  return false;
}

// Last line of defence for reloads the app does not control (the browser's reload button,
// or another tab activating a new service worker): ask the browser to confirm leaving.
function guardUnload(event: BeforeUnloadEvent): void {
  if (anyUnsaved()) event.preventDefault();
}

/** Registers a check; returns the function that unregisters it (fits useEffect cleanup). */
export function registerUnsavedCheck(check: UnsavedCheck): () => void {
  if (checks.size === 0) window.addEventListener('beforeunload', guardUnload);
  checks.add(check);
  return () => {
    checks.delete(check);
    if (checks.size === 0) window.removeEventListener('beforeunload', guardUnload);
  };
}

/** True if any registered screen reports unsaved input right now. */
export function hasUnsavedInput(): boolean {
  return anyUnsaved();
}

/**
 * Flushes every screen with unsaved input, then asks again.
 * Resolves true only if nothing is left unsaved; a failing flush counts as unsaved.
 */
export async function flushUnsavedInput(): Promise<boolean> {
  const pending = [...checks].map((check) => check()).filter((state) => state.hasUnsaved);
  const results = await Promise.allSettled(pending.map((state) => state.flush()));
  if (results.some((r) => r.status === 'rejected')) return false;
  return !anyUnsaved();
}
