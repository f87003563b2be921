/**
 * Canary scans for encryption at rest: what the page can read back from its storage (every
 * IndexedDB database and store, Cache Storage, localStorage, sessionStorage) and every file of a
 * browser profile on disk, searched for a marker in UTF-8 and UTF-16LE.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Runs in the page: a text dump of all storage the origin has; binary as latin1 (one char per byte). */
async function dumpInPage(): Promise<string> {
  const latin1 = (bytes: Uint8Array): string => {
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return s;
  };
  // Bytes go beside the JSON, not into it: JSON would escape a UTF-16 marker's zero bytes.
  const out: string[] = [];
  const replacer = (_key: string, value: unknown): unknown => {
    if (value instanceof ArrayBuffer) out.push(`bytes: ${latin1(new Uint8Array(value))}`);
    else if (ArrayBuffer.isView(value)) out.push(`bytes: ${latin1(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))}`);
    else return value;
    return '(bytes listed separately)';
  };
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const name = info.name;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    for (const store of [...db.objectStoreNames]) {
      const tx = db.transaction(store, 'readonly');
      const read = <T,>(request: IDBRequest<T>): Promise<T> =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        });
      const keys = await read(tx.objectStore(store).getAllKeys());
      const values: unknown = await read(tx.objectStore(store).getAll());
      out.push(`idb ${name}/${store}: ${JSON.stringify({ keys, values }, replacer)}`);
    }
    db.close();
  }
  for (const cacheName of await caches.keys()) {
    const cache = await caches.open(cacheName);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      out.push(`cache ${cacheName} ${request.url}: ${response ? latin1(new Uint8Array(await response.arrayBuffer())) : ''}`);
    }
  }
  for (const [label, storage] of [['local', localStorage], ['session', sessionStorage]] as const) {
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i) ?? '';
      out.push(`${label}Storage ${key}: ${storage.getItem(key) ?? ''}`);
    }
  }
  return out.join('\n');
}

export async function dumpOriginStorage(page: Page): Promise<string> {
  return page.evaluate(dumpInPage);
}

/** The marker as it would appear in the dump: UTF-8 bytes or UTF-16LE bytes read as latin1, or as text. */
export function dumpContains(dump: string, marker: string): boolean {
  const forms = [marker, Buffer.from(marker, 'utf8').toString('latin1'), Buffer.from(marker, 'utf16le').toString('latin1')];
  return forms.some((form) => dump.includes(form));
}

export interface ProfileScan {
  files: string[];
  hits: string[];
}

/** Reads every regular file under `dir` as bytes and lists those holding `marker` (UTF-8 or UTF-16LE). */
export function scanDirectory(dir: string, marker: string): ProfileScan {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];
  const files: string[] = [];
  const hits: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) {
        files.push(path);
        const bytes = readFileSync(path);
        if (needles.some((needle) => bytes.includes(needle))) hits.push(path);
      }
    }
  };
  walk(dir);
  return { files, hits };
}
