/**
 * WARNING: decides when case data may be shown. A regression can show a survivor's story on a
 * locked or "exited" phone, or lock a caseworker out of their drafts.
 *
 * The app's lock state as an external store (useSyncExternalStore): 'starting' until the keyring
 * has been looked at, then 'setup' (no passphrase yet), 'locked' or 'unlocked'; 'failed' if
 * storage cannot be opened. `exited` (quick exit) overrides everything until the page reloads.
 * Storage (Dexie, WebCrypto key session) is imported on first use, as the drafts list does, so
 * it stays out of the first screen's bundle. The data key itself never passes through here: it
 * stays in the storage module's key session.
 *
 * Start-up: loading and running the storage layer takes about half a second on a cheap phone, so
 * `start()` first asks keyring-probe.ts, which can often tell without it whether this device has
 * a passphrase. When it can, the set-up or unlock screen shows at once and the storage layer's
 * own answer follows after the first paint (`afterFirstPaint`); that answer still rules: it moves
 * a guessed screen to 'failed' when storage cannot be opened, or to the other screen if another
 * tab changed the keyring meanwhile. When the probe cannot tell, nothing is guessed.
 *
 * Every unlock then runs the storage layer's finishDataKeyRotation (docs/adr/0005): a data key
 * replacement interrupted earlier (tab closed, crash) is finished before the case screens show,
 * with its progress (`finishing`) on the unlock screen. If it still cannot finish, the app opens
 * anyway (every record is readable) with a notice. When another tab starts a replacement, this
 * tab saves what is typed and locks, so it never writes with the key being replaced.
 */
import type * as Storage from '../../storage';
import type { RotationProgress } from '../../storage';
import { LOCK_FLUSH_TIMEOUT_MS, QUICK_EXIT_FLUSH_TIMEOUT_MS } from './lock-settings';
import { probeKeyring, type KeyringGuess } from './keyring-probe';
import { retryDelayMs } from '../../lib/passphrase-rules';

type StorageModule = typeof Storage;

export type LockPhase = 'starting' | 'setup' | 'locked' | 'unlocked' | 'failed';

export interface LockState {
  phase: LockPhase;
  /** Quick exit happened: show only the neutral page until a reload. */
  exited: boolean;
  /** Wrong passphrases in a row (kept while the page lives, so a remount cannot skip the wait). */
  failures: number;
  /** Epoch ms before which the next unlock attempt is refused (0: now). */
  retryAt: number;
  /** While an unlock finishes an interrupted data key replacement: how far it is. */
  finishing: RotationProgress | null;
  /** Shown once unlocked: the interrupted replacement could not be finished yet. */
  notice: 'rotation-incomplete' | null;
}

export type UnlockOutcome = 'unlocked' | 'wrong' | 'wait' | 'tampered' | 'failed' | 'cancelled' | 'changed';

export interface LockControllerOptions {
  /** True if some screen holds input not yet written. */
  hasUnsaved: () => boolean;
  /** Writes pending input; resolves true when nothing is left unsaved. */
  flushUnsaved: () => Promise<boolean>;
  now?: () => number;
  loadStorage?: () => Promise<StorageModule>;
  /** Quick look at the keyring without the storage layer (keyring-probe.ts). */
  probe?: () => Promise<KeyringGuess>;
  /**
   * Runs `task` once the first screen has been painted: the storage layer's check of a guessed
   * phase waits for it, so its half second of script does not delay that paint. Default: at once.
   */
  afterFirstPaint?: (task: () => void) => void;
}

export interface LockController {
  getSnapshot: () => LockState;
  subscribe: (listener: () => void) => () => void;
  /** Looks at the keyring once; later calls do nothing. */
  start: () => void;
  /** Resolves once the phase is no longer 'starting' (set-up, locked, or failed). */
  settled: () => Promise<void>;
  /** First run: creates the keyring, seals drafts written before encryption, unlocks. */
  setup: (passphrase: string) => Promise<'unlocked' | 'failed'>;
  unlock: (passphrase: string) => Promise<UnlockOutcome>;
  /** Flushes unsaved input (bounded), then drops the key; the screens unmount. */
  lock: () => Promise<void>;
  /** Locks at once without waiting (page restored from the back/forward cache). */
  lockNow: () => void;
  /** Shows the neutral page now, then locks (after a short flush of unsaved input). */
  quickExit: () => void;
  /** The caseworker has read the notice. */
  dismissNotice: () => void;
}

function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([promise.catch(() => fallback), new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms))]);
}

/** Only the error's name reaches the console: messages may carry record ids. */
function logName(error: unknown): void {
  console.error(error instanceof Error ? error.name : 'lock error');
}

export function createLockController(options: LockControllerOptions): LockController {
  const {
    hasUnsaved, flushUnsaved, now = Date.now, loadStorage = () => import('../../storage'), probe = probeKeyring,
    afterFirstPaint = (task) => {
      task();
    },
  } = options;
  let state: LockState = { phase: 'starting', exited: false, failures: 0, retryAt: 0, finishing: null, notice: null };
  let storage: StorageModule | undefined;
  let started = false;
  const listeners = new Set<() => void>();

  function set(patch: Partial<LockState>): void {
    state = { ...state, ...patch };
    for (const listener of [...listeners]) listener();
  }

  async function load(): Promise<StorageModule> {
    if (storage) return storage;
    const loaded = await loadStorage();
    if (!storage) {
      storage = loaded;
      // Any lock of the session (ours or another path) takes the app back to the unlock screen.
      loaded.keySession.subscribe((unlocked) => {
        if (!unlocked && state.phase === 'unlocked') set({ phase: 'locked' });
      });
      // Another tab is replacing the data key: save what is typed and lock before the key changes.
      loaded.onDataKeyEvent((event) => {
        if (event === 'rotating') void lockAfterFlush();
      });
    }
    return loaded;
  }

  /**
   * Finishes an interrupted data key replacement, or checks the session against the keyring.
   * 'changed': the keyring changed since this unlock read it (the session was locked again).
   */
  async function finishReplacement(module: StorageModule): Promise<'ok' | 'incomplete' | 'changed'> {
    try {
      await module.finishDataKeyRotation((finishing) => set({ finishing }));
      return 'ok';
    } catch (error) {
      logName(error);
      if (error instanceof Error && error.name === 'RotationIncompleteError') return 'incomplete';
      if (error instanceof Error && error.name === 'LockedError' && !state.exited) return 'changed';
      // Anything else (a quick exit meanwhile is caught below): the records are readable as they are.
      return 'ok';
    } finally {
      set({ finishing: null });
    }
  }

  async function lockAfterFlush(): Promise<void> {
    if (state.phase !== 'unlocked') return;
    if (hasUnsaved()) await within(flushUnsaved(), LOCK_FLUSH_TIMEOUT_MS, false);
    dropKey();
  }

  /** Drafts saved before encryption existed; idempotent, so it runs after every unlock. */
  async function sealPlaintext(module: StorageModule): Promise<void> {
    try {
      await module.encryptPlaintextDrafts(module.openDb, module.keySession);
    } catch (error) {
      // Those drafts stay listed as unreadable (never deleted); the next unlock tries again.
      logName(error);
    }
  }

  function dropKey(): void {
    storage?.keySession.lock();
    if (state.phase === 'unlocked') set({ phase: 'locked' });
  }

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    start() {
      if (started) return;
      started = true;
      // The phase the probe guessed, while the storage layer has not confirmed it.
      let guessed: LockPhase | undefined;
      const check = (): void => {
        load()
          .then((module) => module.keyring.status())
          .then(
            (status) => {
              const phase: LockPhase = status === 'none' ? 'setup' : 'locked';
              // A guess is corrected only while it is still on screen (not after an unlock).
              if (state.phase === 'starting' || (state.phase === guessed && phase !== guessed)) set({ phase });
            },
            (error: unknown) => {
              logName(error);
              if (state.phase === 'starting' || state.phase === guessed) set({ phase: 'failed' });
            },
          );
      };
      void probe()
        .catch((): KeyringGuess => 'unknown')
        .then((guess) => {
          if (guess === 'unknown' || state.phase !== 'starting') {
            check();
            return;
          }
          guessed = guess === 'none' ? 'setup' : 'locked';
          set({ phase: guessed });
          afterFirstPaint(check);
        });
    },

    settled() {
      if (state.phase !== 'starting') return Promise.resolve();
      return new Promise<void>((resolve) => {
        const listener = (): void => {
          if (state.phase === 'starting') return;
          listeners.delete(listener);
          resolve();
        };
        listeners.add(listener);
      });
    },

    async setup(passphrase) {
      try {
        const module = await load();
        await module.keySession.setup(passphrase);
        await sealPlaintext(module);
        if (state.exited || !module.keySession.isUnlocked) return 'failed';
        set({ phase: 'unlocked', failures: 0, retryAt: 0 });
        return 'unlocked';
      } catch (error) {
        logName(error);
        // A keyring may exist now (another tab set one up, or a quick exit interrupted us).
        const status = await storage?.keyring.status().catch(() => undefined);
        if (status === 'ready') set({ phase: 'locked' });
        return 'failed';
      }
    },

    async unlock(passphrase) {
      if (now() < state.retryAt) return 'wait';
      let module: StorageModule;
      try {
        module = await load();
        await module.keySession.unlock(passphrase);
      } catch (error) {
        if (error instanceof Error && error.name === 'WrongPassphraseError') {
          const failures = state.failures + 1;
          set({ failures, retryAt: now() + retryDelayMs(failures) });
          return 'wrong';
        }
        if (error instanceof Error && error.name === 'LockedError') return 'cancelled';
        logName(error);
        if (error instanceof Error && (error.name === 'KdfParamsError' || error.name === 'KeyringError')) return 'tampered';
        return 'failed';
      }
      const replacement = await finishReplacement(module);
      if (replacement === 'changed') return 'changed';
      await sealPlaintext(module);
      if (state.exited || !module.keySession.isUnlocked) return 'cancelled';
      set({ phase: 'unlocked', failures: 0, retryAt: 0, notice: replacement === 'incomplete' ? 'rotation-incomplete' : null });
      return 'unlocked';
    },

    lock: lockAfterFlush,

    lockNow: dropKey,

    quickExit() {
      if (!state.exited) set({ exited: true });
      if (!hasUnsaved()) {
        dropKey();
        return;
      }
      void within(flushUnsaved(), QUICK_EXIT_FLUSH_TIMEOUT_MS, false).then(dropKey);
    },

    dismissNotice() {
      if (state.notice !== null) set({ notice: null });
    },
  };
}
