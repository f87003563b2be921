/**
 * Autosave without a framework: the wizard calls `schedule(value)` on every change and this
 * decides when to write. Goals (reliability §3): lose at most ~maxWaitMs of typing to a
 * crash, never run two saves at once, never drop a value because a save failed.
 *
 * - Debounced by delayMs, but a save starts at most maxWaitMs after the first unsaved
 *   change even if input never pauses.
 * - One save in flight at a time; values scheduled meanwhile collapse to the latest.
 * - A failed save keeps its value (unless a newer one arrived), reports 'error' with the
 *   error's name and retries with exponential backoff until it succeeds.
 * - A save still unsettled after saveTimeoutMs is reported as 'error' ('SaveTimeoutError'):
 *   Dexie's own promise may never settle when a full disk aborts the transaction (Dexie.js
 *   #776, #840), and "Saving…" forever would hide that nothing is stored. The attempt is not
 *   abandoned: no second write overlaps it, flush() still waits for its real outcome, and the
 *   value stays pending (so nothing reloads or locks it away) until a save succeeds.
 * - flush() saves now; attachLifecycleFlush() calls it when the page is hidden or hidden
 *   for good, because mobile browsers may kill a hidden tab without any further event.
 */

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export type AutosaveState =
  | { status: Exclude<AutosaveStatus, 'error'> }
  | { status: 'error'; errorName: string; attempt: number; retryInMs: number };

export interface AutosaverOptions<T> {
  save: (value: T) => Promise<void>;
  delayMs?: number;
  maxWaitMs?: number;
  /** First retry delay after a failure; doubles per consecutive failure up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A save still unsettled after this long is reported as an error (it keeps running). */
  saveTimeoutMs?: number;
  onStatus?: (state: AutosaveState) => void;
}

export interface Autosaver<T> {
  schedule(value: T): void;
  /** Saves whatever is unsaved now; rejects with the save's error (the value is kept and retried). */
  flush(): Promise<void>;
  /** True while any scheduled value is not yet durably saved (including a save in flight). */
  hasPending(): boolean;
  state(): AutosaveState;
  /**
   * Stops timers and retries. A value still unsaved gets one last save attempt; call
   * `await flush()` first if you need to know whether it succeeded.
   */
  dispose(): void;
}

type Outcome = { ok: true } | { ok: false; error: unknown };
type Timer = ReturnType<typeof setTimeout>;

export function createAutosaver<T>(options: AutosaverOptions<T>): Autosaver<T> {
  const { save, delayMs = 300, maxWaitMs = 1000, retryBaseMs = 1000, retryMaxMs = 30_000, saveTimeoutMs = 15_000, onStatus } = options;

  let pending: { value: T } | null = null;
  let inFlight: Promise<Outcome> | null = null;
  /** A timer fired (or dispose ran) during a save: start the next one as soon as it ends. */
  let saveWhenIdle = false;
  let failures = 0;
  let disposed = false;
  let current: AutosaveState = { status: 'idle' };
  let debounceTimer: Timer | undefined;
  let maxWaitTimer: Timer | undefined;
  let retryTimer: Timer | undefined;

  function emit(next: AutosaveState): void {
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    current = next;
    onStatus?.(next);
  }

  function clearTimers(): void {
    clearTimeout(debounceTimer);
    clearTimeout(maxWaitTimer);
    clearTimeout(retryTimer);
    debounceTimer = maxWaitTimer = retryTimer = undefined;
  }

  function trigger(): void {
    clearTimers();
    if (pending === null) return;
    if (inFlight) saveWhenIdle = true;
    else void startSave(pending);
  }

  /** Precondition: `entry` is the pending value and nothing is in flight. Calls `save` synchronously. */
  function startSave(entry: { value: T }): Promise<Outcome> {
    clearTimers();
    saveWhenIdle = false;
    const { value } = entry;
    pending = null;
    emit({ status: 'saving' });
    const startedAt = performance.now(); // user timing read by `npm run bench` (no data in it)
    const timeout = setTimeout(() => {
      emit({ status: 'error', errorName: errorName(new SaveTimeoutError(saveTimeoutMs)), attempt: failures + 1, retryInMs: 0 });
    }, saveTimeoutMs);
    const attempt = (async (): Promise<Outcome> => {
      try {
        const saving = save(value);
        // The save's own main-thread step (validating and serialising before its first await);
        // the rest (encryption, IndexedDB) runs off the main thread. Read by `npm run bench`.
        try { performance.measure('homeward:autosave:sync', { start: startedAt }); } catch { /* timing is optional */ }
        await saving;
        try { performance.measure('homeward:autosave', { start: startedAt }); } catch { /* timing is optional */ }
        return { ok: true };
      } catch (error) {
        return { ok: false, error };
      } finally {
        clearTimeout(timeout);
      }
    })();
    const settled = attempt.then((outcome) => {
      inFlight = null;
      settle(outcome, value);
      return outcome;
    });
    inFlight = settled;
    return settled;
  }

  function settle(outcome: Outcome, value: T): void {
    if (outcome.ok) {
      failures = 0;
      if (pending === null) emit({ status: 'saved' });
      else if (saveWhenIdle) void startSave(pending);
      else emit({ status: 'pending' }); // its timers are already running
      return;
    }
    pending ??= { value }; // keep it, unless newer input has replaced it
    failures += 1;
    const retryInMs = Math.min(retryBaseMs * 2 ** (failures - 1), retryMaxMs);
    emit({ status: 'error', errorName: errorName(outcome.error), attempt: failures, retryInMs });
    // Back off even if a timer fired during the failed save; new input still saves sooner.
    saveWhenIdle = false;
    if (!disposed) {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(trigger, retryInMs);
    }
  }

  return {
    schedule(value) {
      // Refusing loudly beats accepting a value that no timer will ever save.
      if (disposed) throw new Error('Autosaver used after dispose(); create a new one.');
      pending = { value };
      // 'error' stays visible until a save succeeds; 'saving' ends in settle().
      if (current.status !== 'error' && current.status !== 'saving') emit({ status: 'pending' });
      clearTimeout(debounceTimer);
      debounceTimer = setTimeout(trigger, delayMs);
      maxWaitTimer ??= setTimeout(trigger, maxWaitMs);
    },

    async flush() {
      // No await before startSave when idle: on pagehide the write must begin before the
      // handler returns, as the page may be frozen right after.
      while (inFlight) await inFlight;
      if (pending === null) return;
      const outcome = await startSave(pending);
      if (!outcome.ok) throw outcome.error;
    },

    hasPending: () => pending !== null || inFlight !== null,

    state: () => current,

    dispose() {
      if (disposed) return;
      disposed = true;
      clearTimers();
      if (inFlight) saveWhenIdle = pending !== null;
      else if (pending !== null) void startSave(pending);
    },
  };
}

/** A save has not settled in time (see saveTimeoutMs); it keeps running and the value is kept. */
export class SaveTimeoutError extends Error {
  override name = 'SaveTimeoutError';
  constructor(ms: number) {
    super(`The save did not finish within ${String(ms)} ms.`);
  }
}

/**
 * The name to show for a failed save. Dexie wraps a full disk as AbortError with the
 * QuotaExceededError as `inner`; the UI needs the quota case to say "storage full".
 */
export function errorName(error: unknown): string {
  let cause: unknown = error;
  for (let depth = 0; depth < 5 && typeof cause === 'object' && cause !== null; depth++) {
    if ('name' in cause && cause.name === 'QuotaExceededError') return 'QuotaExceededError';
    cause = 'inner' in cause ? cause.inner : undefined;
  }
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') return error.name;
  return 'Error';
}

export interface LifecycleTargets {
  /** Receives `pagehide`. */
  window: EventTarget;
  /** Receives `visibilitychange`; read for `visibilityState`. */
  document: EventTarget & { readonly visibilityState: DocumentVisibilityState };
}

/**
 * Flushes when the page is hidden (app switch, screen off, tab change: the last moment a
 * mobile browser reliably gives us) and on pagehide (navigation, bfcache). Returns a
 * function that removes the listeners.
 */
export function attachLifecycleFlush(
  autosaver: Pick<Autosaver<unknown>, 'flush'>,
  targets: LifecycleTargets = { window, document },
): () => void {
  const flushNow = (): void => {
    // A failure is already reported through onStatus and the value is kept for retry;
    // nothing more can be done inside an event handler.
    autosaver.flush().catch(() => undefined);
  };
  const onVisibility = (): void => {
    if (targets.document.visibilityState === 'hidden') flushNow();
  };
  targets.document.addEventListener('visibilitychange', onVisibility);
  targets.window.addEventListener('pagehide', flushNow);
  return () => {
    targets.document.removeEventListener('visibilitychange', onVisibility);
    targets.window.removeEventListener('pagehide', flushNow);
  };
}
