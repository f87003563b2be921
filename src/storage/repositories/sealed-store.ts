/**
 * WARNING: reads and writes sealed records. A regression here can make them unreadable.
 *
 * One sealed table of `{ id, schema, data }` rows, `data` an envelope sealed under the data key
 * with additional data `<prefix>:<id>|<schema>` (crypto/envelope.ts), read and written as the
 * other sealed repositories do: every row parsed before use, an unreadable row reported by id
 * and never overwritten, every write checked against the data key marker in its transaction
 * (a rotation elsewhere: docs/adr/0005), nothing personal outside `data`.
 */
import type { Table } from 'dexie';
import { z } from '../../instrument/schema/zod';
import { open, seal } from '../crypto/envelope';
import { LockedError } from '../crypto/errors';
import { readKeysOf, writeKeyOf, type DataKeySource } from '../crypto/session';
import { assertSealedUnder, followDataKeyMarker, withCurrentDataKey } from '../crypto/data-key-marker';
import type { HomewardDb } from '../db';
import type { DbSource } from './drafts';

export interface SealedRow {
  id: string;
  schema: number;
  data: unknown;
}

export interface SealedStore<T> {
  /** Readable records and the ids of rows that cannot be read (kept, never dropped). */
  inspect(): Promise<{ records: { id: string; value: T }[]; unreadable: string[] }>;
  get(id: string): Promise<T | undefined>;
  put(id: string, value: T): Promise<void>;
  remove(id: string): Promise<void>;
}

export function createSealedStore<T>(
  source: DbSource,
  session: DataKeySource,
  table: (db: HomewardDb) => Table<SealedRow, string>,
  recordId: (id: string) => string,
  schemaVersion: number,
  dataSchema: z.ZodType<T>,
): SealedStore<T> {
  const db = typeof source === 'function' ? source : () => source;

  const rowSchema = z.strictObject({ id: z.string().min(1), schema: z.literal(schemaVersion), data: z.unknown() });

  async function decode(raw: unknown): Promise<{ id: string; value: T } | undefined> {
    const keys = readKeysOf(session);
    const row = rowSchema.safeParse(raw);
    if (!row.success) return undefined;
    try {
      const value = dataSchema.parse(await open(keys, row.data.data, { recordId: recordId(row.data.id), schemaVersion }));
      return { id: row.data.id, value };
    } catch (error) {
      if (error instanceof LockedError) throw error;
      await followDataKeyMarker(error, db(), session); // LockedError if another tab rotated the key
      return undefined;
    }
  }

  return {
    async inspect() {
      session.key();
      const database = db();
      const [keys, rows] = await database.transaction('r', table(database), () => Promise.all([table(database).toCollection().primaryKeys(), table(database).toArray()]));
      const decoded = await Promise.all(rows.map((raw: unknown) => decode(raw)));
      const records: { id: string; value: T }[] = [];
      const unreadable: string[] = [];
      decoded.forEach((record, i) => {
        if (record) records.push(record);
        else unreadable.push(String(keys[i]));
      });
      return { records, unreadable };
    },
    async get(id) {
      session.key();
      const raw: unknown = await table(db()).get(id);
      return raw === undefined ? undefined : (await decode(raw))?.value;
    },
    async put(id, value) {
      session.key();
      const checked = dataSchema.parse(value);
      await withCurrentDataKey(session, async () => {
        const envelope = await seal(writeKeyOf(session), checked, { recordId: recordId(id), schemaVersion });
        const database = db();
        await database.transaction('rw', table(database), database.keyring, async () => {
          await assertSealedUnder(database, envelope);
          await table(database).put({ id, schema: schemaVersion, data: envelope });
        });
      });
    },
    async remove(id) {
      session.key();
      const database = db();
      await database.transaction('rw', table(database), () => table(database).delete(id));
    },
  };
}
