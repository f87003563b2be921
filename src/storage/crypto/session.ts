/**
 * WARNING: holds the data key while the app is unlocked. A regression can leave the key
 * usable after lock (a seized, "locked" phone that still decrypts) or lock users out.
 *
 * The key lives ONLY in this closure: never in localStorage, sessionStorage, IndexedDB, a
 * URL, React state that outlives lock, or a log. lock() drops the reference (the CryptoKey
 * is non-extractable, so holders of the reference can use it but never read it out).
 * An unlock still deriving when lock() is called (quick exit mid-unlock) never installs its
 * key: it rejects with LockedError instead.
 */
import { LockedError } from './errors';
import type { KdfOptions, Keyring } from './keyring';

export type LockListener = (unlocked: boolean) => void;

export interface KeySession {
  /** Derives and unwraps the data key; WrongPassphraseError if the passphrase is wrong. */
  unlock(passphrase: string): Promise<void>;
  /** First run: creates the keyring and leaves the session unlocked. */
  setup(passphrase: string, options?: KdfOptions): Promise<void>;
  /** Drops the key reference and notifies subscribers. Idempotent, synchronous. */
  lock(): void;
  readonly isUnlocked: boolean;
  /** The data key; throws LockedError when locked. Fetch it per operation, never cache it. */
  key(): CryptoKey;
  /** Called with the new state on every lock/unlock change; returns the unsubscribe function. */
  subscribe(listener: LockListener): () => void;
}

export function createKeySession(keyring: Pick<Keyring, 'setup' | 'unlock'>): KeySession {
  let current: CryptoKey | undefined;
  /** Bumped by lock(), so an unlock that started before it cannot install its key after it. */
  let epoch = 0;
  const listeners = new Set<LockListener>();

  function notify(): void {
    const unlocked = current !== undefined;
    for (const listener of [...listeners]) {
      try {
        listener(unlocked);
      } catch (error) {
        // One failing subscriber must not stop the others from hearing about a lock.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  async function install(obtain: () => Promise<CryptoKey>): Promise<void> {
    const started = epoch;
    const key = await obtain();
    if (epoch !== started) throw new LockedError();
    current = key;
    notify();
  }

  return {
    unlock(passphrase) {
      return install(() => keyring.unlock(passphrase));
    },
    setup(passphrase, options) {
      return install(() => keyring.setup(passphrase, options));
    },
    lock() {
      epoch += 1;
      if (current === undefined) return;
      current = undefined;
      notify();
    },
    get isUnlocked() {
      return current !== undefined;
    },
    key() {
      if (current === undefined) throw new LockedError();
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
