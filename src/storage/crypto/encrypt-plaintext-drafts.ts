/**
 * WARNING: rewrites the `data` of existing drafts. A regression here can lose interviews.
 *
 * Devices that ran Homeward before encryption hold plaintext DraftData in `data`. The
 * encrypted codec refuses those rows (they would be listed as unreadable), so after the
 * first unlock the app runs this once: it seals each plaintext row under the session key
 * and writes it back only if the row did not change meanwhile (same updatedAt). Sealing
 * happens outside the transaction (WebCrypto cannot be awaited inside one, see ../codec.ts).
 * updatedAt is left as is: the content is identical, so other tabs' expectedUpdatedAt stays
 * valid. Idempotent: rows already sealed, and rows that do not parse, are left alone.
 *
 * IndexedDB does not erase: the old plaintext may survive in LevelDB files until compaction
 * (see reference §1), so this limits, but does not remove, exposure of pre-encryption drafts.
 */
import { createEncryptedCodec } from '../codec';
import { draftDataSchema, draftRowSchema } from '../records';
import type { HomewardDb } from '../db';
import type { DbSource } from '../repositories/drafts';
import { assertSealedUnder, withCurrentDataKey } from './data-key-marker';
import type { DataKeySource } from './session';

export interface PlaintextEncryptionResult {
  /** Rows now sealed. */
  encrypted: string[];
  /** Rows written by someone else while sealing ran; run again to seal them. */
  changedMeanwhile: string[];
}

export async function encryptPlaintextDrafts(source: DbSource, session: DataKeySource): Promise<PlaintextEncryptionResult> {
  const database = typeof source === 'function' ? source() : source;
  // Sealed and written again under the current key if a rotation switched it meanwhile.
  return withCurrentDataKey(session, () => sealPlaintext(database, session));
}

async function sealPlaintext(database: HomewardDb, session: DataKeySource): Promise<PlaintextEncryptionResult> {
  const codec = createEncryptedCodec(session);
  const rows: unknown[] = await database.transaction('r', database.drafts, () => database.drafts.toArray());

  const sealed: { id: string; updatedAt: number; data: unknown }[] = [];
  for (const raw of rows) {
    const row = draftRowSchema.safeParse(raw);
    if (!row.success) continue;
    const plain = draftDataSchema.safeParse(row.data.data);
    if (!plain.success) continue; // already an envelope, or unreadable: not ours to touch
    const { id, updatedAt, schema } = row.data;
    sealed.push({ id, updatedAt, data: await codec.encode(plain.data, { id, schema }) });
  }

  const result: PlaintextEncryptionResult = { encrypted: [], changedMeanwhile: [] };
  await database.transaction('rw', database.drafts, database.keyring, async () => {
    await assertSealedUnder(database, ...sealed.map((row) => row.data));
    for (const { id, updatedAt, data } of sealed) {
      const current = draftRowSchema.safeParse(await database.drafts.get(id));
      if (!current.success || current.data.updatedAt !== updatedAt || !draftDataSchema.safeParse(current.data.data).success) {
        result.changedMeanwhile.push(id);
        continue;
      }
      await database.drafts.update(id, { data });
      result.encrypted.push(id);
    }
  });
  return result;
}
