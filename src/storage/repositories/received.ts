/**
 * WARNING: keeps the signed files this device received. A regression here can lose them.
 *
 * Each file (a summary, or a later countersigned copy of one) is kept whole, sealed under the
 * data key (sealed-store.ts), with when it came and when this device's reviewer last opened it.
 * Nothing is derived and stored: whether a file verifies, who signed it and the case's state are
 * decided afresh each time (the trusted roots may have changed), by src/export/verify and src/case.
 * The same file received twice is kept once (compared by SHA-256).
 */
import { z } from '../../instrument/schema/zod';
import { fromBase64, toBase64 } from '../crypto/bytes';
import type { DataKeySource } from '../crypto/session';
import type { DbSource } from './drafts';
import { createSealedStore } from './sealed-store';

export const RECEIVED_RECORD_SCHEMA = 1;
/** A file bigger than any summary is refused before it is stored (src/export/verify/limits.ts). */
export const MAX_RECEIVED_BYTES = 30 * 1024 * 1024;

const dataSchema = z.strictObject({
  file: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  receivedAt: z.string().min(1),
  seenAt: z.string().min(1).nullable(),
});
type ReceivedData = z.infer<typeof dataSchema>;

export interface ReceivedFile {
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly receivedAt: Date;
  /** When this device's reviewer last opened it; null: not yet. */
  readonly seenAt: Date | null;
}

export interface ReceivedRepository {
  /** Every readable file (newest first) and the ids of rows that cannot be read (kept). */
  list(): Promise<{ files: ReceivedFile[]; unreadable: string[] }>;
  get(id: string): Promise<ReceivedFile | undefined>;
  /** Keeps a file; the same bytes again return the file already kept. */
  add(bytes: Uint8Array): Promise<ReceivedFile>;
  markSeen(id: string): Promise<void>;
  remove(id: string): Promise<void>;
}

/** The record id a received file's envelope is bound to (additional data); also used by the data key rotation. */
export const receivedRecordId = (id: string) => `received:${id}`;

async function sha256(bytes: Uint8Array): Promise<string> {
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function fileOf(id: string, data: ReceivedData): ReceivedFile {
  return { id, bytes: fromBase64(data.file), sha256: data.sha256, receivedAt: new Date(data.receivedAt), seenAt: data.seenAt === null ? null : new Date(data.seenAt) };
}

export function createReceivedRepository(source: DbSource, session: DataKeySource, options: { now?: () => Date; newId?: () => string } = {}): ReceivedRepository {
  const { now = () => new Date(), newId = () => crypto.randomUUID() } = options;
  const store = createSealedStore(source, session, (db) => db.received, receivedRecordId, RECEIVED_RECORD_SCHEMA, dataSchema);

  async function list(): Promise<{ files: ReceivedFile[]; unreadable: string[] }> {
    const { records, unreadable } = await store.inspect();
    const files = records.map(({ id, value }) => fileOf(id, value));
    files.sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || a.id.localeCompare(b.id));
    return { files, unreadable };
  }

  return {
    list,
    async get(id) {
      const data = await store.get(id);
      return data === undefined ? undefined : fileOf(id, data);
    },
    async add(bytes) {
      if (bytes.length > MAX_RECEIVED_BYTES) throw new RangeError('The file is larger than any summary.');
      const hash = await sha256(bytes);
      const existing = (await list()).files.find((file) => file.sha256 === hash);
      if (existing) return existing;
      const id = newId();
      const data: ReceivedData = { file: toBase64(bytes), sha256: hash, receivedAt: now().toISOString(), seenAt: null };
      await store.put(id, data);
      return fileOf(id, data);
    },
    async markSeen(id) {
      const data = await store.get(id);
      if (data !== undefined) await store.put(id, { ...data, seenAt: now().toISOString() });
    },
    remove: (id) => store.remove(id),
  };
}
