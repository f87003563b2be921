/**
 * WARNING: keeps the organisation kit this device was set up from. A regression here can lose
 * the organisation's policy settings.
 *
 * One record (id 'current'), sealed under the data key (sealed-store.ts): the kit file as
 * imported (base64), its SHA-256 and when it was imported. What the kit says is read from the
 * signed file afresh each time (src/features/org-kit), never stored apart from it.
 */
import { z } from '../../instrument/schema/zod';
import { fromBase64, toBase64 } from '../crypto/bytes';
import type { DataKeySource } from '../crypto/session';
import type { DbSource } from './drafts';
import { createSealedStore } from './sealed-store';

export const ORG_KIT_RECORD_SCHEMA = 1;
export const ORG_KIT_ID = 'current';
/** A kit is a few certificates and settings; anything bigger is not one. */
export const MAX_ORG_KIT_BYTES = 256 * 1024;

const dataSchema = z.strictObject({
  file: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  importedAt: z.string().min(1),
});

export interface StoredOrgKit {
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly importedAt: Date;
}

export interface OrgKitRepository {
  get(): Promise<StoredOrgKit | undefined>;
  /** Replaces the kit (the caller verified it first). */
  save(bytes: Uint8Array, sha256: string): Promise<StoredOrgKit>;
  remove(): Promise<void>;
}

export const orgKitRecordId = (id: string) => `org-kit:${id}`;

export function createOrgKitRepository(source: DbSource, session: DataKeySource, options: { now?: () => Date } = {}): OrgKitRepository {
  const { now = () => new Date() } = options;
  const store = createSealedStore(source, session, (db) => db.orgKit, orgKitRecordId, ORG_KIT_RECORD_SCHEMA, dataSchema);
  return {
    async get() {
      const data = await store.get(ORG_KIT_ID);
      return data === undefined ? undefined : { bytes: fromBase64(data.file), sha256: data.sha256, importedAt: new Date(data.importedAt) };
    },
    async save(bytes, sha256) {
      if (bytes.length > MAX_ORG_KIT_BYTES) throw new RangeError('The file is larger than any organisation kit.');
      const importedAt = now();
      await store.put(ORG_KIT_ID, { file: toBase64(bytes), sha256, importedAt: importedAt.toISOString() });
      return { bytes, sha256, importedAt };
    },
    remove: () => store.remove(ORG_KIT_ID),
  };
}
