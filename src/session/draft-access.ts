/**
 * One writer per draft across tabs (reliability §3.1 "Multiple tabs"). A tab that opens a draft
 * asks the Web Locks API for `homeward-draft-<id>`; holding it means "this tab writes". Another
 * tab on the same draft is a reader: it shows the draft read-only, never autosaves, and queues
 * for the lock. When the writer leaves the draft or its tab closes (the browser frees the lock
 * with the document), the next reader is granted the lock and reloads the draft from storage
 * before it allows any edit, so it never overwrites the other tab's newer save.
 *
 * "Edit here instead" never steals the lock ({steal: true} would let the old writer's unsaved
 * input race the new writer). The reader asks over a BroadcastChannel; the writer saves its
 * unsaved input first (the open session's flusher), and only then releases and queues again as
 * a reader. If that save fails (storage full), the writer refuses and keeps the lock; if the
 * writer does not answer (frozen, discarded tab), the reader says so and keeps waiting.
 *
 * Leaving a draft (wizard ↔ review is one draft, so a release is deferred by RELEASE_GRACE_MS
 * to let the next screen retain it) waits for the unmounting session's last save (holdUntil),
 * so a waiting tab never loads a draft with a write still on its way.
 *
 * Without navigator.locks (old browsers, tests without it) every tab writes, as before; the
 * repository's expectedUpdatedAt check still refuses a stale overwrite (DraftConflictError).
 */

export type TakeOverRequest = 'idle' | 'asking' | 'refused' | 'no-answer';

export type DraftAccess =
  | { readonly mode: 'none' }
  /** Asking for the lock: show nothing editable yet. */
  | { readonly mode: 'checking'; readonly draftId: string }
  /** `generation` grows with every grant, so a session reloads when it (re)gains the lock. */
  | { readonly mode: 'writer'; readonly draftId: string; readonly generation: number }
  | { readonly mode: 'reader'; readonly draftId: string; readonly request: TakeOverRequest };

/** The part of LockManager used here (injectable for tests). */
export interface LocksLike {
  request<T>(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<T> | T): Promise<T>;
}

export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export interface DraftAccessStore {
  get: () => DraftAccess;
  subscribe: (listener: () => void) => () => void;
  /** The screen showing `draftId` needs it; returns the release function (deferred, idempotent). */
  retain(draftId: string): () => void;
  /** A release of `draftId` waits for this (e.g. the unmounting session's last save). */
  holdUntil(draftId: string, promise: Promise<unknown>): void;
  /** The open session's "save what is unsaved now"; called before the lock is handed over. */
  setFlusher(draftId: string, flush: (() => Promise<void>) | null): void;
  /** As a reader: ask the writer tab to save and hand over. */
  askToTakeOver(): void;
}

export interface DraftAccessOptions {
  locks?: LocksLike | undefined;
  channel?: ChannelLike | undefined;
  /** How long a reader waits for the writer's answer before saying it did not answer. */
  answerTimeoutMs?: number;
  /** Delay before a released draft's lock is let go (another screen may retain it meanwhile). */
  releaseGraceMs?: number;
}

export const DRAFT_LOCK_PREFIX = 'homeward-draft-';
export const ACCESS_CHANNEL = 'homeward-draft-access';

type Message =
  | { type: 'take-over'; draftId: string }
  | { type: 'refused'; draftId: string };

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { type, draftId } = value as Record<string, unknown>;
  return (type === 'take-over' || type === 'refused') && typeof draftId === 'string';
}

/** One open draft's claim on its lock. */
interface Claim {
  readonly draftId: string;
  readonly abort: AbortController;
  /** Resolves the held lock's callback: the browser frees the lock. */
  release: (() => void) | null;
  holds: Promise<unknown>[];
  flusher: (() => Promise<void>) | null;
  closed: boolean;
  answerTimer: ReturnType<typeof setTimeout> | undefined;
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError';
}

export function createDraftAccessStore(options: DraftAccessOptions = {}): DraftAccessStore {
  const { locks, channel, answerTimeoutMs = 4_000, releaseGraceMs = 50 } = options;
  let state: DraftAccess = { mode: 'none' };
  let claim: Claim | null = null;
  let retains = 0;
  let releaseTimer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const listeners = new Set<() => void>();

  function set(next: DraftAccess): void {
    state = next;
    for (const listener of [...listeners]) listener();
  }

  function setFor(current: Claim, next: DraftAccess): void {
    if (claim === current && !current.closed) set(next);
  }

  /** Holds the lock until release() is called; the claim becomes the writer meanwhile. */
  function hold(current: Claim): Promise<void> {
    generation += 1;
    clearTimeout(current.answerTimer);
    setFor(current, { mode: 'writer', draftId: current.draftId, generation });
    return new Promise<void>((resolve) => {
      current.release = () => {
        current.release = null;
        resolve();
      };
      // Closed while the grant was on its way: give it straight back.
      if (current.closed) current.release();
    });
  }

  function waitForLock(current: Claim): void {
    if (!locks || current.closed) return;
    locks
      .request(DRAFT_LOCK_PREFIX + current.draftId, { signal: current.abort.signal }, () => hold(current))
      .catch((error: unknown) => {
        if (!isAbort(error)) console.error('draft lock: wait failed');
      });
  }

  function open(draftId: string): void {
    const current: Claim = {
      draftId, abort: new AbortController(), release: null, holds: [], flusher: null, closed: false, answerTimer: undefined,
    };
    claim = current;
    if (!locks) {
      generation += 1;
      set({ mode: 'writer', draftId, generation });
      return;
    }
    set({ mode: 'checking', draftId });
    locks
      .request(DRAFT_LOCK_PREFIX + draftId, { ifAvailable: true }, (lock) => (lock ? hold(current).then(() => true) : false))
      .then(
        (granted) => {
          if (granted || current.closed) return;
          setFor(current, { mode: 'reader', draftId, request: 'idle' });
          waitForLock(current);
        },
        () => {
          // The lock manager itself failed: fall back to the repository's conflict check.
          generation += 1;
          setFor(current, { mode: 'writer', draftId, generation });
        },
      );
  }

  async function close(current: Claim): Promise<void> {
    current.closed = true;
    clearTimeout(current.answerTimer);
    current.abort.abort();
    if (claim === current) {
      claim = null;
      set({ mode: 'none' });
    }
    // The last save of the screen that left must land before another tab may read the draft.
    await Promise.allSettled(current.holds);
    current.release?.();
  }

  /** The writer was asked to hand over: save, then release and queue again as a reader. */
  async function handOver(current: Claim): Promise<void> {
    if (!current.release || current.closed) return;
    try {
      await current.flusher?.();
      await Promise.allSettled(current.holds);
    } catch {
      channel?.postMessage({ type: 'refused', draftId: current.draftId } satisfies Message);
      return;
    }
    if (!current.release || current.closed) return;
    setFor(current, { mode: 'reader', draftId: current.draftId, request: 'idle' });
    current.release();
    waitForLock(current);
  }

  channel?.addEventListener('message', (event) => {
    const message = event.data;
    const current = claim;
    if (!isMessage(message) || !current || current.draftId !== message.draftId) return;
    if (message.type === 'take-over') void handOver(current);
    else if (state.mode === 'reader' && state.draftId === message.draftId) {
      clearTimeout(current.answerTimer);
      set({ ...state, request: 'refused' });
    }
  });

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retain(draftId) {
      clearTimeout(releaseTimer);
      if (claim && claim.draftId !== draftId) void close(claim);
      if (!claim) open(draftId);
      retains += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        retains -= 1;
        if (retains > 0) return;
        const current = claim;
        clearTimeout(releaseTimer);
        releaseTimer = setTimeout(() => {
          if (retains === 0 && current && claim === current) void close(current);
        }, releaseGraceMs);
      };
    },
    holdUntil(draftId, promise) {
      if (claim?.draftId !== draftId) return;
      claim.holds.push(promise);
    },
    setFlusher(draftId, flush) {
      if (claim?.draftId === draftId) claim.flusher = flush;
    },
    askToTakeOver() {
      const current = claim;
      if (!current || state.mode !== 'reader') return;
      if (!channel) {
        set({ ...state, request: 'no-answer' });
        return;
      }
      set({ ...state, request: 'asking' });
      channel.postMessage({ type: 'take-over', draftId: current.draftId } satisfies Message);
      clearTimeout(current.answerTimer);
      current.answerTimer = setTimeout(() => {
        if (claim === current && state.mode === 'reader' && state.request === 'asking') set({ ...state, request: 'no-answer' });
      }, answerTimeoutMs);
    },
  };
}

/** The app's one store: real Web Locks and BroadcastChannel where the browser has them. */
export const draftAccess: DraftAccessStore = createDraftAccessStore({
  locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined,
  channel: typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(ACCESS_CHANNEL) : undefined,
});
