import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DB_NAME, drafts, keyring, keySession, openDb, panicWipe } from './index';
import { wipeDevice } from './wipe';
import { HomewardDb } from './db';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

class MemoryStorage {
  items = new Map<string, string>([['homeward.uiLanguage', 'vi']]);
  clear(): void {
    this.items.clear();
  }
}

describe('panic wipe', () => {
  it('drops the key, deletes the keyring and the whole database; set-up is offered again', async () => {
    await keySession.setup('a passphrase for this test only', { iterations: 600_000 });
    const draft = await drafts.create({ caseRef: 'KA-9', instrumentId: 'homeward-return', instrumentVersion: 1, workingLanguage: 'en' });
    expect(await openDb().drafts.count()).toBe(1);
    expect(await keyring.status()).toBe('ready');
    const before = openDb();

    await panicWipe();

    expect(keySession.isUnlocked).toBe(false);
    expect(await databaseNames()).not.toContain(DEFAULT_DB_NAME);
    expect(openDb()).not.toBe(before);
    // The app asks for a new passphrase, and nothing of the old drafts is there.
    expect(await keyring.status()).toBe('none');
    expect(await openDb().drafts.count()).toBe(0);
    expect(await openDb().drafts.get(draft.id)).toBeUndefined();
    expect(await openDb().keyring.count()).toBe(0);
  });

  it('keeps the precache and the offline kit, deletes other caches, clears web storage, and deletes the keyring row first', async () => {
    const factory = new IDBFactory();
    const db = new HomewardDb({ name: 'wipe-test', indexedDB: factory, IDBKeyRange });
    await db.keyring.put({ id: 'primary' } as never);
    let locked = 0;
    const deleted: string[] = [];
    const names = ['workbox-precache-v2-http://localhost/', 'homeward-offline-kit-v1', 'canary', 'other'];
    const storage = new MemoryStorage();
    const report = await wipeDevice({
      db,
      session: { lock: () => (locked += 1) },
      caches: {
        keys: () => Promise.resolve(names),
        delete: (name: string) => {
          deleted.push(name);
          return Promise.resolve(true);
        },
      },
      storages: [storage],
    });
    expect(locked).toBe(1);
    expect(deleted).toEqual(['canary', 'other']);
    expect(report.deletedCaches).toEqual(['canary', 'other']);
    expect(storage.items.size).toBe(0);
    expect((await factory.databases()).map((d) => d.name)).not.toContain('wipe-test');
  });

  it('deletes the wrapped key first, so a database that cannot be deleted (blocked) holds no key', async () => {
    const db = new HomewardDb({ name: 'wipe-blocked', indexedDB: new IDBFactory(), IDBKeyRange });
    await db.keyring.put({ id: 'primary' } as never);
    const blocked = new Error('blocked');
    vi.spyOn(db, 'delete').mockImplementation(() => Dexie.Promise.reject(blocked));
    const storage = new MemoryStorage();
    await expect(wipeDevice({ db, session: { lock: () => undefined }, storages: [storage] })).rejects.toBe(blocked);
    expect(await db.keyring.count()).toBe(0);
    // Every other step still ran.
    expect(storage.items.size).toBe(0);
    db.close();
  });

  it('runs every step even if one fails, then rejects', async () => {
    const db = new HomewardDb({ name: 'wipe-fail', indexedDB: new IDBFactory(), IDBKeyRange });
    const storage = new MemoryStorage();
    const failure = new Error('cache broken');
    await expect(
      wipeDevice({ db, session: { lock: () => undefined }, caches: { keys: () => Promise.reject(failure), delete: () => Promise.resolve(false) }, storages: [storage] }),
    ).rejects.toBe(failure);
    expect(storage.items.size).toBe(0);
  });

  it('destroys the keyring file before the database goes, then empties the private file system', async () => {
    const db = new HomewardDb({ name: 'wipe-opfs', indexedDB: new IDBFactory(), IDBKeyRange });
    const steps: string[] = [];
    vi.spyOn(db, 'delete').mockImplementation(() => {
      steps.push('database');
      return Dexie.Promise.resolve();
    });
    const entries = new Set(['homeward-keyring.json', 'left-over']);
    const root = {
      async *keys() {
        await Promise.resolve();
        yield* [...entries];
      },
      removeEntry: (name: string) => {
        steps.push(`file ${name}`);
        entries.delete(name);
        return Promise.resolve();
      },
    };
    await wipeDevice({
      db,
      session: { lock: () => steps.push('lock') },
      keyring: {
        destroy: () => {
          steps.push('keyring');
          entries.delete('homeward-keyring.json');
          return Promise.resolve();
        },
      },
      fileSystem: () => Promise.resolve(root as unknown as FileSystemDirectoryHandle),
    });
    expect(steps).toEqual(['lock', 'keyring', 'database', 'file left-over']);
    expect(entries.size).toBe(0);
  });

  it('a failing keyring destroy still runs the rest, then rejects', async () => {
    const factory = new IDBFactory();
    const db = new HomewardDb({ name: 'wipe-keyring-fail', indexedDB: factory, IDBKeyRange });
    await db.open();
    const failure = new DOMException('busy', 'NoModificationAllowedError');
    const storage = new MemoryStorage();
    await expect(
      wipeDevice({ db, session: { lock: () => undefined }, keyring: { destroy: () => Promise.reject(failure) }, storages: [storage] }),
    ).rejects.toBe(failure);
    expect((await factory.databases()).map((d) => d.name)).not.toContain('wipe-keyring-fail');
    expect(storage.items.size).toBe(0);
  });
});
