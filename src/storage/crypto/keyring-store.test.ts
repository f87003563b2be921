// @vitest-environment node
/**
 * The keyring on its stores. OPFS does not exist in Node (nor in fake-indexeddb), so an
 * in-memory stand-in for an OPFS directory (FakeDirectory) plays the browser's part here; the
 * real one is exercised in Chromium by tests/e2e/wipe.e2e.ts and tests/e2e/passphrase.e2e.ts.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HomewardDb } from '../db';
import { WrongPassphraseError } from './errors';
import { createKeyring } from './keyring';
import {
  appKeyringStore,
  deserializeRecord,
  KEYRING_FILE,
  KEYRING_ID,
  KEYRING_POINTER_ID,
  memoryKeyringStore,
  opfsKeyringStore,
  serializeRecord,
  type KeyringStore,
} from './keyring-store';

const PASS = 'correct horse battery staple';

/** Just enough of FileSystemDirectoryHandle / FileSystemFileHandle for the keyring store. */
class FakeDirectory {
  files = new Map<string, string>();
  /** Set to make the next close() fail, as a crash or a full disk mid-write would. */
  failNextWrite = false;

  getFileHandle(name: string, options: { create?: boolean } = {}) {
    if (!this.files.has(name)) {
      if (!options.create) return Promise.reject(new DOMException('no such file', 'NotFoundError'));
      this.files.set(name, '');
    }
    return Promise.resolve({
      getFile: () => Promise.resolve({ text: () => Promise.resolve(this.files.get(name) ?? '') }),
      createWritable: () => {
        let swap = ''; // like Chromium: written to a swap file, swapped in on close()
        return Promise.resolve({
          write: (text: string) => {
            swap += text;
            return Promise.resolve();
          },
          close: () => {
            if (this.failNextWrite) {
              this.failNextWrite = false;
              return Promise.reject(new DOMException('disk full', 'QuotaExceededError'));
            }
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

let db: HomewardDb;
let dir: FakeDirectory;

beforeEach(() => {
  db = new HomewardDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  dir = new FakeDirectory();
});

afterEach(() => {
  db.close();
});

const opfs = () => Promise.resolve(dir.asHandle());

describe('keyring record serialisation (OPFS file)', () => {
  it('keeps bytes exact through JSON, and an unparseable file reads as damaged, not as missing', () => {
    const record = { id: 'primary', wrappedKey: new Uint8Array([0, 1, 254, 255]), kdf: { salt: new Uint8Array(16).fill(7) }, rev: 3 };
    const back = deserializeRecord(serializeRecord(record));
    expect(back).toEqual(record);
    expect((back as { wrappedKey: unknown }).wrappedKey).toBeInstanceOf(Uint8Array);
    expect(deserializeRecord('{"id": "primary", "wrapp')).toEqual({ damaged: true });
  });
});

describe('keyring on the in-memory store', () => {
  it('sets up, unlocks, re-wraps on a passphrase change, and refuses the wrong passphrase', async () => {
    const store = memoryKeyringStore();
    const keyring = createKeyring(store);
    expect(await keyring.status()).toBe('none');
    expect(await keyring.location()).toBe('memory');
    await keyring.setup(PASS);
    const before = serializeRecord(store.record);
    await keyring.changePassphrase(PASS, 'a brand new passphrase');
    expect(serializeRecord(store.record)).not.toBe(before);
    await expect(keyring.unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect((await keyring.unlock('a brand new passphrase')).keys.get(0)).toMatchObject({ extractable: false });
  });

  it('an interrupted change (the write fails) leaves the old passphrase working and the new one refused', async () => {
    const inner = memoryKeyringStore();
    let failReplace = false;
    const store: KeyringStore = {
      ...inner,
      replace: (record, rev) => (failReplace ? Promise.reject(new DOMException('disk full', 'QuotaExceededError')) : inner.replace(record, rev)),
    };
    const keyring = createKeyring(store);
    await keyring.setup(PASS);
    failReplace = true;
    await expect(keyring.changePassphrase(PASS, 'never stored')).rejects.toMatchObject({ name: 'QuotaExceededError' });
    await expect(keyring.unlock(PASS)).resolves.toBeDefined();
    await expect(keyring.unlock('never stored')).rejects.toBeInstanceOf(WrongPassphraseError);
  });
});

describe('keyring in OPFS', () => {
  it('an interrupted write to the file keeps the old record (atomic replace)', async () => {
    const keyring = createKeyring(opfsKeyringStore(opfs));
    await keyring.setup(PASS);
    const before = dir.files.get(KEYRING_FILE);
    dir.failNextWrite = true;
    await expect(keyring.changePassphrase(PASS, 'never stored')).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(dir.files.get(KEYRING_FILE)).toBe(before);
    await expect(keyring.unlock(PASS)).resolves.toBeDefined();
  });

  it('refuses the second of two interleaved passphrase changes instead of losing one', async () => {
    await createKeyring(opfsKeyringStore(opfs)).setup(PASS);
    const results = await Promise.allSettled([
      createKeyring(opfsKeyringStore(opfs)).changePassphrase(PASS, 'from tab A'),
      createKeyring(opfsKeyringStore(opfs)).changePassphrase(PASS, 'from tab B'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')?.reason).toMatchObject({ name: 'KeyringError', problem: 'changed' });
    const winner = results[0]?.status === 'fulfilled' ? 'from tab A' : 'from tab B';
    await expect(createKeyring(opfsKeyringStore(opfs)).unlock(winner)).resolves.toBeDefined();
  });
});

describe('the app store: OPFS first, IndexedDB as fallback, and the move between them', () => {
  it('a new device keeps the wrapped key only in OPFS; IndexedDB gets a pointer without any key bytes', async () => {
    const keyring = createKeyring(appKeyringStore(db, { opfs }));
    await keyring.setup(PASS);
    expect(await keyring.location()).toBe('opfs');
    expect(dir.files.get(KEYRING_FILE)).toContain('wrappedKey');
    expect(await db.keyring.get(KEYRING_ID)).toBeUndefined();
    expect(await db.keyring.toArray()).toEqual([{ id: KEYRING_POINTER_ID, store: 'opfs' }]);
  });

  it('moves an existing IndexedDB keyring into OPFS at start, deletes the row, and the passphrase still opens it', async () => {
    await createKeyring(db).setup(PASS); // the old home
    const old = serializeRecord(await db.keyring.get(KEYRING_ID));
    const keyring = createKeyring(appKeyringStore(db, { opfs }));
    expect(await keyring.status()).toBe('ready');
    expect(dir.files.get(KEYRING_FILE)).toBe(old);
    expect(await db.keyring.get(KEYRING_ID)).toBeUndefined();
    await expect(keyring.unlock(PASS)).resolves.toBeDefined();
  });

  it('a move interrupted before the copy is stored keeps the IndexedDB row, and the next start finishes it', async () => {
    await createKeyring(db).setup(PASS);
    dir.failNextWrite = true;
    const keyring = createKeyring(appKeyringStore(db, { opfs }));
    await expect(keyring.status()).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(await db.keyring.get(KEYRING_ID)).toBeDefined();
    expect(dir.files.get(KEYRING_FILE) ?? '').toBe('');
    expect(await keyring.status()).toBe('ready'); // tried again
    expect(await db.keyring.get(KEYRING_ID)).toBeUndefined();
    await expect(keyring.unlock(PASS)).resolves.toBeDefined();
  });

  it('falls back to IndexedDB where there is no OPFS, and says so', async () => {
    const keyring = createKeyring(appKeyringStore(db, { opfs: () => Promise.resolve(undefined) }));
    await keyring.setup(PASS);
    expect(await keyring.location()).toBe('indexeddb');
    expect(await db.keyring.get(KEYRING_ID)).toBeDefined();
  });

  it('refuses to start (never offers a new set-up) when the key moved to OPFS and OPFS cannot be opened now', async () => {
    await createKeyring(appKeyringStore(db, { opfs })).setup(PASS);
    const without = createKeyring(appKeyringStore(db, { opfs: () => Promise.resolve(undefined) }));
    await expect(without.status()).rejects.toMatchObject({ name: 'KeyringError' });
  });

  it('destroy() removes the OPFS file and any IndexedDB row', async () => {
    await createKeyring(db).setup(PASS);
    await db.keyring.put({ ...(await db.keyring.get(KEYRING_ID))! });
    dir.files.set(KEYRING_FILE, serializeRecord({ id: 'primary' }));
    const store = appKeyringStore(db, { opfs });
    await store.destroy();
    expect(dir.files.has(KEYRING_FILE)).toBe(false);
    expect(await db.keyring.get(KEYRING_ID)).toBeUndefined();
    expect(await createKeyring(store).status()).toBe('none');
  });
});
