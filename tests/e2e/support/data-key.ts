/**
 * What a data key rotation left in the browser's storage, read from outside the app: the keyring
 * file in OPFS and every sealed row in IndexedDB, taken to Node, where the app's own keyring code
 * unwraps a data key from a keyring record and a passphrase, and every stored field is tried
 * against it (docs/adr/0005). Nothing here goes through the app's session.
 */
import type { Page } from 'playwright-core';
import { createKeyring, generationOf, memoryKeyringStore } from '../../../src/storage';
import { deserializeRecord } from '../../../src/storage/crypto/keyring-store';
import { SEALED_TABLES } from '../../../src/storage/crypto/sealed-records';
import { countOpenedBy, sealedFieldsOf } from '../../helpers/sealed-device';

/** The keyring file's text (JSON, bytes as {"$b64": …}). */
export async function keyringFileText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    return (await (await root.getFileHandle('homeward-keyring.json')).getFile()).text();
  });
}

export interface KeyringShape {
  v: number;
  generations: number[];
  rotation: { from: number; to: number } | null;
  /** Every wrapped key in the file, base64. */
  wrapped: string[];
}

export function keyringShape(text: string): KeyringShape {
  const record = JSON.parse(text) as { v: number; wrappedKey?: { $b64: string }; keys?: { k: number; wrappedKey: { $b64: string } }[]; rotation?: { from: number; to: number } | null };
  if (record.v === 1) return { v: 1, generations: [0], rotation: null, wrapped: [record.wrappedKey?.$b64 ?? ''] };
  const keys = record.keys ?? [];
  return { v: record.v, generations: keys.map((k) => k.k).sort(), rotation: record.rotation ? { from: record.rotation.from, to: record.rotation.to } : null, wrapped: keys.map((k) => k.wrappedKey.$b64) };
}

/** The data keys a keyring file and a passphrase unwrap (the app's keyring code, run in Node). */
export async function unwrapDataKeys(text: string, passphrase: string): Promise<Map<number, CryptoKey>> {
  const keys = await createKeyring(memoryKeyringStore(deserializeRecord(text))).unlock(passphrase);
  return new Map(keys.keys);
}

/** Every row of every sealed table, as stored (binary fields as Uint8Array again in Node). */
export async function sealedRows(page: Page): Promise<Record<string, unknown[]>> {
  const names = SEALED_TABLES.map((t) => t.name);
  const json = await page.evaluate(async (tables) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('homeward');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    try {
      const out: Record<string, unknown[]> = {};
      for (const name of tables) {
        out[name] = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        });
      }
      return JSON.stringify(out, (_key, value: unknown) => (value instanceof Uint8Array ? { $bytes: Array.from(value) } : value));
    } finally {
      db.close();
    }
  }, names);
  return JSON.parse(json, (_key, value: unknown) => {
    const bytes = typeof value === 'object' && value !== null ? (value as { $bytes?: unknown }).$bytes : undefined;
    return Array.isArray(bytes) ? new Uint8Array(bytes as number[]) : value;
  }) as Record<string, unknown[]>;
}

/** Stored sealed fields: how many, under which generations, and how many `key` opens. */
export async function fieldReport(rows: Record<string, unknown[]>, key?: CryptoKey): Promise<{ fields: number; generations: number[]; opened: number }> {
  const fields = sealedFieldsOf(rows);
  const generations = [...new Set(fields.map((field) => generationOf(field.stored) ?? -1))].sort();
  return { fields: fields.length, generations, opened: key ? await countOpenedBy(fields, key) : 0 };
}

/**
 * Replaces one byte of the ciphertext of the first draft sealed under `generation`, straight in
 * IndexedDB (a disk fault while the app is closed). Resolves to that draft's id.
 */
export async function damageDraftUnder(page: Page, generation: number): Promise<string> {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('homeward');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    try {
      const rows = await new Promise<{ id: string; data: { v: number; k?: number; ct: Uint8Array } }[]>((resolve, reject) => {
        const request = db.transaction('drafts', 'readonly').objectStore('drafts').getAll();
        request.onsuccess = () => resolve(request.result as { id: string; data: { v: number; k?: number; ct: Uint8Array } }[]);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      const row = rows.find((r) => (r.data.v === 1 ? 0 : r.data.k) === wanted);
      if (!row) throw new Error(`no draft under generation ${String(wanted)}`);
      const ct = row.data.ct.slice();
      ct[0] = (ct[0] ?? 0) ^ 1;
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('drafts', 'readwrite');
        tx.objectStore('drafts').put({ ...row, data: { ...row.data, ct } });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      return row.id;
    } finally {
      db.close();
    }
  }, generation);
}
