/**
 * WARNING: decides which data key may seal a record that is written. A regression here can let
 * a tab seal records under a key that a rotation then destroys: those records would be lost.
 *
 * The data key marker is the row `keyring['data-key'] = { id: 'data-key', generation }` of the
 * IndexedDB keyring table (no secret: a small integer). It says which generation of the data key
 * every write must be sealed under. A rotation (rotation.ts, docs/adr/0005) sets it to the new
 * generation before it re-seals anything; from then on every sealed write, in every tab, checks
 * it INSIDE its own write transaction (`assertSealedUnder`), so a tab still holding only the old
 * key is refused atomically (DataKeyChangedError, nothing written) instead of writing a record
 * the old key alone can open. The wrapped keys themselves live in the keyring record (OPFS,
 * docs/adr/0004), which cannot join an IndexedDB transaction: hence a row of its own here.
 *
 * No marker (a device that never rotated) or a malformed one: every generation may write. The
 * keyring then holds generation 0 only, so that is the only key any tab can have; the next
 * unlock writes a malformed marker back from the keyring (rotation.ts, settleDataKey).
 */
import { z } from '../../instrument/schema/zod';
import type { HomewardDb } from '../db';
import { generationOf } from './envelope';
import { DataKeyChangedError, EnvelopeError } from './errors';
import type { DataKeySource } from './session';

export const DATA_KEY_MARKER_ID = 'data-key';

export interface DataKeyMarkerRow {
  id: typeof DATA_KEY_MARKER_ID;
  generation: number;
}

const markerSchema = z.strictObject({ id: z.literal(DATA_KEY_MARKER_ID), generation: z.int().nonnegative() });

/** The generation writes must use, or undefined (no marker, or a malformed one). Works inside or outside a transaction. */
export async function readDataKeyMarker(database: HomewardDb): Promise<number | undefined> {
  const row = markerSchema.safeParse(await database.keyring.get(DATA_KEY_MARKER_ID));
  return row.success ? row.data.generation : undefined;
}

/** True when a marker row exists but cannot be read (tampered or damaged). */
export async function dataKeyMarkerIsMalformed(database: HomewardDb): Promise<boolean> {
  const raw: unknown = await database.keyring.get(DATA_KEY_MARKER_ID);
  return raw !== undefined && !markerSchema.safeParse(raw).success;
}

export async function writeDataKeyMarker(database: HomewardDb, generation: number): Promise<void> {
  const row: DataKeyMarkerRow = { id: DATA_KEY_MARKER_ID, generation };
  await database.transaction('rw', database.keyring, () => database.keyring.put(row));
}

/**
 * Call INSIDE a read-write transaction whose scope includes `database.keyring`, before writing
 * `stored`: throws DataKeyChangedError (so the transaction aborts, nothing written) when a sealed
 * value among them was sealed under another generation than the marker's. Values that are not
 * envelopes (plaintext drafts of the plain codec) are not checked.
 */
export async function assertSealedUnder(database: HomewardDb, ...stored: unknown[]): Promise<void> {
  const current = await readDataKeyMarker(database);
  if (current === undefined) return;
  for (const value of stored) {
    const generation = generationOf(value);
    if (generation !== undefined && generation !== current) throw new DataKeyChangedError(generation, current);
  }
}

/**
 * Runs a sealed write (`attempt` seals with the session's write key, then writes in a transaction
 * that calls assertSealedUnder). If it was refused because the data key changed, the session
 * follows the marker (switches to the key it names, or locks itself if it does not hold it) and
 * the write is tried once more: sealed again under the current key, or LockedError.
 */
export async function withCurrentDataKey<T>(session: DataKeySource | undefined, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof DataKeyChangedError) || !session?.observeGeneration) throw error;
    session.observeGeneration(error.current);
    return attempt();
  }
}

/**
 * After a read failed with `error`: a record sealed under a generation this session does not
 * hold ('unknown-key') means either that another tab rotated the data key (the marker names a
 * newer generation: the session locks itself and this throws LockedError, so the app asks for the
 * passphrase instead of calling records unreadable) or that the record is damaged (returns; the
 * caller reports it unreadable).
 */
export async function followDataKeyMarker(error: unknown, database: HomewardDb, session: DataKeySource | undefined): Promise<void> {
  if (!(error instanceof EnvelopeError) || error.problem !== 'unknown-key' || !session?.observeGeneration) return;
  const current = await readDataKeyMarker(database);
  if (current !== undefined) session.observeGeneration(current);
  session.key(); // LockedError if the session locked itself
}
