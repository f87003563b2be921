/**
 * WARNING: holds the data key(s) while the app is unlocked. A regression can leave a key
 * usable after lock (a seized, "locked" phone that still decrypts), lock users out, or seal
 * records under a key that is about to be destroyed.
 *
 * The keys live ONLY in this closure: never in localStorage, sessionStorage, IndexedDB, a
 * URL, React state that outlives lock, or a log. lock() drops the references (the CryptoKeys
 * are non-extractable, so holders of a reference can use it but never read it out).
 * An unlock still deriving when lock() is called (quick exit mid-unlock) never installs its
 * keys: it rejects with LockedError instead.
 *
 * Usually the session holds one key (generation 0 on a device that never rotated). While a data
 * key rotation is under way it holds two (docs/adr/0005): records are opened with the key of
 * the generation they name, and new records are sealed with the write key, whose generation
 * follows the data key marker in IndexedDB (crypto/data-key-marker.ts). When storage says
 * writes now use a generation newer than any this session holds, another tab rotated the key:
 * observeGeneration() locks this session, so it asks for the (new) passphrase instead of ever
 * sealing under a key that is about to be destroyed.
 */
import { LockedError } from './errors';
import type { KeyLookup, WriteKey } from './envelope';
import type { DataKeys, KdfOptions } from './keyring';

export type LockListener = (unlocked: boolean) => void;

export interface KeySession {
  /** Derives and unwraps the data key(s); WrongPassphraseError if the passphrase is wrong. */
  unlock(passphrase: string): Promise<void>;
  /** First run: creates the keyring and leaves the session unlocked. */
  setup(passphrase: string, options?: KdfOptions): Promise<void>;
  /** Drops the key references and notifies subscribers. Idempotent, synchronous. */
  lock(): void;
  readonly isUnlocked: boolean;
  /** The key new records are sealed with; LockedError when locked. Fetch it per operation, never cache it. */
  key(): CryptoKey;
  /** The same key with its generation (what `seal` needs); LockedError when locked. */
  writeKey(): WriteKey;
  /** The key of a generation, undefined if not held; LockedError when locked. */
  readKey(generation: number): CryptoKey | undefined;
  /** The rotation the held keys belong to, or null; LockedError when locked. */
  rotation(): { from: number; to: number } | null;
  /** Replaces the held keys (the rotation engine, crypto/rotation.ts); LockedError when locked. */
  adopt(keys: DataKeys): void;
  /**
   * Storage says writes now use `generation`: switch to it if this session holds it; lock the
   * session if it is newer than every key held (another tab rotated the data key).
   */
  observeGeneration(generation: number): void;
  /** Called with the new state on every lock/unlock change; returns the unsubscribe function. */
  subscribe(listener: LockListener): () => void;
}

/** A keyring as the session uses it; a bare CryptoKey stands for generation 0 alone. */
export interface SessionKeyring {
  unlock(passphrase: string): Promise<DataKeys | CryptoKey>;
  setup(passphrase: string, options?: KdfOptions): Promise<DataKeys | CryptoKey>;
}

interface Held {
  write: number;
  keys: ReadonlyMap<number, CryptoKey>;
  rotation: { from: number; to: number } | null;
}

function toHeld(keys: DataKeys | CryptoKey): Held {
  if (keys instanceof CryptoKey) return { write: 0, keys: new Map([[0, keys]]), rotation: null };
  if (!keys.keys.has(keys.current)) throw new TypeError('session: the current data key is not among the keys');
  return { write: keys.current, keys: new Map(keys.keys), rotation: keys.rotation };
}

/**
 * What a repository needs from a session: at least `key()` (a bare key is generation 0, as in
 * tests and older callers); the app's KeySession also gives generations and staleness.
 */
export type DataKeySource = Pick<KeySession, 'key'> & Partial<Pick<KeySession, 'writeKey' | 'readKey' | 'observeGeneration'>>;

export function writeKeyOf(source: DataKeySource): WriteKey {
  return source.writeKey ? source.writeKey() : { generation: 0, key: source.key() };
}

/** The lookup `open` needs; asks the session first, so a locked session throws LockedError now. */
export function readKeysOf(source: DataKeySource): KeyLookup {
  if (source.readKey) {
    source.key();
    const readKey = source.readKey.bind(source);
    return (generation) => readKey(generation);
  }
  const key = source.key();
  return (generation) => (generation === 0 ? key : undefined);
}

export function createKeySession(keyring: SessionKeyring): KeySession {
  let held: Held | undefined;
  /** Bumped by lock(), so an unlock that started before it cannot install its key after it. */
  let epoch = 0;
  const listeners = new Set<LockListener>();

  function notify(): void {
    const unlocked = held !== undefined;
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

  async function install(obtain: () => Promise<DataKeys | CryptoKey>): Promise<void> {
    const started = epoch;
    const keys = await obtain();
    if (epoch !== started) throw new LockedError();
    held = toHeld(keys);
    notify();
  }

  function current(): Held {
    if (held === undefined) throw new LockedError();
    return held;
  }

  function writeKey(): WriteKey {
    const { write, keys } = current();
    const key = keys.get(write);
    if (key === undefined) throw new LockedError();
    return { generation: write, key };
  }

  const session: KeySession = {
    unlock(passphrase) {
      return install(() => keyring.unlock(passphrase));
    },
    setup(passphrase, options) {
      return install(() => keyring.setup(passphrase, options));
    },
    lock() {
      epoch += 1;
      if (held === undefined) return;
      held = undefined;
      notify();
    },
    get isUnlocked() {
      return held !== undefined;
    },
    key: () => writeKey().key,
    writeKey,
    readKey: (generation) => current().keys.get(generation),
    rotation: () => current().rotation,
    adopt(keys) {
      current();
      held = toHeld(keys);
    },
    observeGeneration(generation) {
      if (held === undefined) return;
      if (held.keys.has(generation)) {
        held = { ...held, write: generation };
        return;
      }
      if (generation > Math.max(...held.keys.keys())) session.lock();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return session;
}
