/**
 * The IndexedDB schema of every declared Dexie version, as IndexedDB actually built it,
 * compared with the committed schema.snapshot.json.
 *
 * A shipped version must never change: devices in the field already hold that schema, and
 * Dexie must see the same declaration to open and upgrade them. So if this test fails:
 * - because you edited an existing version file, revert it and add a new version instead
 *   (see versions/v1.ts);
 * - because you appended a new version, append its entry to schema.snapshot.json (copy
 *   the "received" entry from the diff), never altering the entries before it.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { HomewardDb } from './db';
import { VERSIONS, declareVersions } from './versions';
import snapshot from './schema.snapshot.json';

interface IndexShape {
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}
interface StoreShape {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: Record<string, IndexShape>;
}

function describeSchema(idb: IDBDatabase): Record<string, StoreShape> {
  const names = [...idb.objectStoreNames].sort();
  const tx = idb.transaction(names, 'readonly');
  const stores: Record<string, StoreShape> = {};
  for (const name of names) {
    const store = tx.objectStore(name);
    const indexes: Record<string, IndexShape> = {};
    for (const indexName of [...store.indexNames].sort()) {
      const { keyPath, unique, multiEntry } = store.index(indexName);
      indexes[indexName] = { keyPath, unique, multiEntry };
    }
    stores[name] = { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  }
  return stores;
}

async function schemaUpTo(count: number): Promise<Record<string, StoreShape>> {
  const db = new Dexie('snapshot', { indexedDB: new IDBFactory(), IDBKeyRange });
  declareVersions(db, VERSIONS.slice(0, count));
  await db.open();
  try {
    return describeSchema(db.backendDB());
  } finally {
    db.close();
  }
}

describe('database schema', () => {
  it('declares versions 1, 2, 3… in order, with no gaps', () => {
    expect(VERSIONS.map((v) => v.version)).toEqual(VERSIONS.map((_, i) => i + 1));
  });

  it('matches the committed snapshot for every version', async () => {
    const actual = [];
    for (let count = 1; count <= VERSIONS.length; count++) {
      actual.push({ version: count, stores: await schemaUpTo(count) });
    }
    expect(actual).toEqual(snapshot.versions);
  });

  it('changes, in each version, only the tables that version declares', () => {
    // Catches a new snapshot entry pasted with an unrelated edit to an existing table.
    for (const [i, declaration] of VERSIONS.entries()) {
      if (i === 0) continue;
      const before: Record<string, unknown> = snapshot.versions[i - 1]?.stores ?? {};
      const after: Record<string, unknown> = snapshot.versions[i]?.stores ?? {};
      const untouched = new Set([...Object.keys(before), ...Object.keys(after)]);
      for (const table of Object.keys(declaration.stores)) untouched.delete(table);
      for (const table of untouched) expect(after[table], `v${declaration.version} ${table}`).toEqual(before[table]);
      for (const [table, spec] of Object.entries(declaration.stores)) {
        expect(table in after, `v${declaration.version} ${table}`).toBe(spec !== null);
      }
    }
  });

  it('is what HomewardDb opens', async () => {
    const db = new HomewardDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    try {
      expect(describeSchema(db.backendDB())).toEqual(snapshot.versions.at(-1)?.stores);
    } finally {
      db.close();
    }
  });

  it('indexes no field that can hold personal data', async () => {
    // Index keys are stored in plaintext even once `data` is encrypted.
    const allowed = new Set(['id', 'status', 'updatedAt', 'instrumentVersion', 'instrumentId', 'createdAt', 'key']);
    for (let count = 1; count <= VERSIONS.length; count++) {
      for (const store of Object.values(await schemaUpTo(count))) {
        const paths = [store.keyPath, ...Object.values(store.indexes).map((index) => index.keyPath)].flat();
        for (const path of paths) expect(allowed, `indexed path ${String(path)}`).toContain(path);
      }
    }
  });
});
