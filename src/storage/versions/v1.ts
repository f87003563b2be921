/**
 * WARNING: shipped schema. A regression here can make data unreadable. Never edit this
 * file once released: devices in the field have this schema, and Dexie must still see the
 * exact declaration to upgrade them. schema.snapshot.test.ts fails if it changes.
 *
 * Indexed fields hold NO personal data: only the random id, the status, timestamps and the
 * instrument version. Everything personal lives inside a draft's `data` (see records.ts).
 *
 * To add version 2:
 * 1. Create versions/v2.ts exporting
 *      export const v2 = {
 *        version: 2,
 *        stores: { drafts: '&id, status, updatedAt, instrumentVersion, instrumentId' },
 *        upgrade: (tx) => tx.table('drafts').toCollection().modify((row) => { ... }),
 *      } satisfies VersionDeclaration;
 *    listing only the tables that change (`null` deletes one).
 * 2. Append it to VERSIONS in versions/index.ts (append only; never reorder or remove).
 * 3. Add its entry to schema.snapshot.json and a migration test that opens a v1 database
 *    holding drafts, upgrades it, and asserts every draft still reads back intact.
 * An upgrade function runs inside the versionchange transaction, so it can touch only the
 * plaintext meta fields: `data` will be encrypted, and WebCrypto cannot be awaited inside an
 * IndexedDB transaction. Reshape `data` with a new record `schema` version that the reader
 * migrates on read and the next save writes back, not in an upgrade function.
 */
import type { VersionDeclaration } from './types';

export const v1 = {
  version: 1,
  stores: {
    drafts: '&id, status, updatedAt, instrumentVersion',
    settings: '&key',
  },
} as const satisfies VersionDeclaration;
