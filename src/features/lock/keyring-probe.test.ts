// @vitest-environment node
/**
 * The start-up probe must never contradict the storage layer: whenever it answers 'ready' or
 * 'none', the storage layer's own keyring.status() (appKeyringStore over IndexedDB + OPFS, here
 * fake-indexeddb and an in-memory OPFS directory) must say the same. The real OPFS is exercised
 * in Chromium by the e2e specs (every start goes through the probe).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HomewardDb, DEFAULT_DB_NAME } from '../../storage/db';
import { createKeyring } from '../../storage/crypto/keyring';
import { appKeyringStore, KEYRING_FILE, KEYRING_ID } from '../../storage/crypto/keyring-store';
import { DATABASE_NAME, KEYRING_FILE_NAME, probeKeyring, type ProbeEnvironment } from './keyring-probe';

/** Just enough of an OPFS directory for the keyring store and the probe. */
class FakeDirectory {
  files = new Map<string, string>();

  getFileHandle(name: string, options: { create?: boolean } = {}) {
    if (!this.files.has(name)) {
      if (!options.create) return Promise.reject(new DOMException('no such file', 'NotFoundError'));
      this.files.set(name, '');
    }
    const text = () => this.files.get(name) ?? '';
    return Promise.resolve({
      getFile: () => Promise.resolve({ size: new TextEncoder().encode(text()).length, text: () => Promise.resolve(text()) }),
      createWritable: () => {
        let swap = '';
        return Promise.resolve({
          write: (chunk: string) => {
            swap += chunk;
            return Promise.resolve();
          },
          close: () => {
            this.files.set(name, swap);
            return Promise.resolve();
          },
          abort: () => Promise.resolve(),
        });
      },
    });
  }

  removeEntry(name: string) {
    if (!this.files.delete(name)) return Promise.reject(new DOMException('no such file', 'NotFoundError'));
    return Promise.resolve();
  }

  asHandle(): FileSystemDirectoryHandle {
    return this as unknown as FileSystemDirectoryHandle;
  }
}

let factory: IDBFactory;
let dir: FakeDirectory;
let opened: HomewardDb[];

beforeEach(() => {
  factory = new IDBFactory();
  dir = new FakeDirectory();
  opened = [];
});
afterEach(() => {
  for (const db of opened) db.close();
});

/** The storage layer as the app builds it, on this test's IndexedDB and OPFS (or none). */
function storageKeyring(withOpfs: boolean) {
  let db: HomewardDb | undefined;
  const source = () => {
    if (!db) {
      db = new HomewardDb({ indexedDB: factory, IDBKeyRange });
      opened.push(db);
    }
    return db;
  };
  const store = appKeyringStore(source, { opfs: () => Promise.resolve(withOpfs ? dir.asHandle() : undefined) });
  return { store, keyring: createKeyring(store), source };
}

function env(withOpfs: boolean): ProbeEnvironment {
  return {
    opfsRoot: () => Promise.resolve(withOpfs ? dir.asHandle() : undefined),
    databaseNames: async () => (await factory.databases()).flatMap((d) => (d.name ? [d.name] : [])),
  };
}

const RECORD = { id: KEYRING_ID, v: 1, rev: 0 };

describe('keyring probe', () => {
  it('uses the storage layer’s database and keyring file names', () => {
    expect(DATABASE_NAME).toBe(DEFAULT_DB_NAME);
    expect(KEYRING_FILE_NAME).toBe(KEYRING_FILE);
  });

  it('a new device: "none", as storage says, and the probe creates no database', async () => {
    for (const withOpfs of [true, false]) {
      factory = new IDBFactory();
      expect(await probeKeyring(env(withOpfs))).toBe('none');
      expect(await factory.databases()).toEqual([]);
      expect(await storageKeyring(withOpfs).keyring.status()).toBe('none');
    }
  });

  it('a record in OPFS: "ready", as storage says', async () => {
    const { store, keyring } = storageKeyring(true);
    await store.create(RECORD);
    expect(dir.files.get(KEYRING_FILE)).not.toBe('');
    expect(await probeKeyring(env(true))).toBe('ready');
    expect(await keyring.status()).toBe('ready');
  });

  it('cannot tell when the record may be in IndexedDB (no OPFS, or a database without an OPFS record)', async () => {
    const { store, keyring } = storageKeyring(false);
    await store.create(RECORD);
    expect(await keyring.status()).toBe('ready');
    expect(await probeKeyring(env(false))).toBe('unknown');
    // OPFS exists but the record is still in its old home (not yet moved): the database decides.
    expect(await probeKeyring(env(true))).toBe('unknown');
  });

  it('an existing database without an OPFS record is not enough to say "none"', async () => {
    const { keyring, source } = storageKeyring(true);
    await source().open();
    expect(await probeKeyring(env(true))).toBe('unknown');
    expect(await keyring.status()).toBe('none');
  });

  it('an empty keyring file (a first write that never completed) is no record', async () => {
    dir.files.set(KEYRING_FILE, '');
    expect(await probeKeyring(env(true))).toBe('none');
    expect(await storageKeyring(true).keyring.status()).toBe('none');
  });

  it('says "unknown" when the browser cannot list databases or a read fails', async () => {
    expect(await probeKeyring({ opfsRoot: () => Promise.resolve(undefined), databaseNames: () => Promise.resolve(undefined) })).toBe('unknown');
    expect(await probeKeyring({ opfsRoot: () => Promise.reject(new DOMException('denied', 'SecurityError')), databaseNames: () => Promise.resolve([]) })).toBe('unknown');
    const broken = {
      getFileHandle: () => Promise.reject(new DOMException('broken', 'InvalidStateError')),
    } as unknown as FileSystemDirectoryHandle;
    expect(await probeKeyring({ opfsRoot: () => Promise.resolve(broken), databaseNames: () => Promise.resolve([]) })).toBe('unknown');
  });
});
