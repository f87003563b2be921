/**
 * WARNING: replaces the data key and re-encrypts every sealed record. A regression here can make
 * every record unreadable for good (the old key destroyed while a record still needs it), or keep
 * the old key alive when the caseworker was told it is gone. Read docs/adr/0005 first.
 *
 * For a caseworker who fears the old passphrase was seen: "change passphrase" with "also replace
 * the data key". Steps, each leaving every record readable if the page dies right after it:
 *  0. Under the Web Lock 'homeward-data-key' (one rotation at a time, across tabs; an unlock
 *     elsewhere waits for it). Check: every sealed record opens with the current key; if any does
 *     not, refuse (RotationRefusedError) and change nothing: dropping the key would lose it.
 *  1. Tell the other tabs (they save and lock), then keyring.beginRotation: the keyring record,
 *     replaced atomically, holds the current key AND a new random one, both wrapped under the NEW
 *     passphrase, and a rotation mark. From here only the new passphrase opens Homeward.
 *  2. The session holds both keys; the data key marker (IndexedDB) is set to the new generation,
 *     so from now on every write, in every tab, must be sealed under the new key (checked inside
 *     its transaction; a tab without the new key is refused and locks).
 *  3. Re-seal, in batches, every field still under the old key: decrypt, encrypt under the new
 *     key with the same additional data, write only if the row did not change meanwhile.
 *  4. Verify: read every sealed field back; each must name the new generation AND open under the
 *     new key. Fields still under the old key go back to 3; a field that opens under neither stops
 *     the rotation with the old key kept (RotationIncompleteError 'unreadable').
 *  5. keyring.finishRotation: the old key's wrapped copy is removed from the keyring record (the
 *     only place it ever existed); the session drops it too.
 * Interrupted after 1 (tab closed, crash, quota error, quick exit): the keyring still holds both
 * keys, each record names the generation that sealed it, and the next unlock runs 2–5 again
 * (settleDataKey). Every step is idempotent.
 */
import type { IndexableType } from 'dexie';
import type { HomewardDb } from '../db';
import type { DbSource } from '../repositories/drafts';
import { announceDataKeyEvent, type DataKeyEvent } from './data-key-channel';
import { assertSealedUnder, dataKeyMarkerIsMalformed, readDataKeyMarker, writeDataKeyMarker } from './data-key-marker';
import { generationOf, openBytes, reseal, type KeyLookup } from './envelope';
import { EnvelopeError, KeyringError, LockedError, RotationIncompleteError, RotationRefusedError } from './errors';
import type { DataKeys, KdfOptions, Keyring } from './keyring';
import { SEALED_TABLES, type SealedField, type SealedTableName } from './sealed-records';
import type { KeySession } from './session';
import { withWebLock } from './web-lock';

export type RotationPhase = 'checking' | 'keys' | 'sealing' | 'verifying';

/**
 * Honest progress: records (rows) done out of all sealed records, per phase. 'keys' (deriving
 * from both passphrases and storing the new key, a few seconds on a phone) has no count: done 0.
 */
export interface RotationProgress {
  phase: RotationPhase;
  done: number;
  total: number;
}

/** Where a test may stop the rotation as a crash would (after the named step has completed). */
export type RotationStep = 'checked' | 'begun' | 'adopted' | 'marked' | 'batch' | 'verified' | 'finished';

export interface RotationDependencies {
  db: DbSource;
  keyring: Pick<Keyring, 'describe' | 'beginRotation' | 'finishRotation'>;
  session: KeySession;
  onProgress?: (progress: RotationProgress) => void;
  /** Called after each step; unit tests throw here to interrupt the rotation at that point. */
  checkpoint?: (step: RotationStep) => void | Promise<void>;
  /** Records re-sealed per write transaction. */
  batchSize?: number;
  /** Tells the other tabs (BroadcastChannel by default). */
  announce?: (event: DataKeyEvent) => void;
}

export interface RotationResult {
  /** Sealed records now under the new key. */
  records: number;
}

export type SettleResult = { kind: 'ready' } | { kind: 'finished'; records: number };

const DEFAULT_BATCH = 20;
/** Rounds of re-seal + verify before giving up (a second round only runs if a write raced the first). */
const MAX_ROUNDS = 3;
const LOCK_NAME = 'homeward-data-key';

/** One rotation (or unlock-time check) at a time across the origin's tabs. */
function withRotationLock<T>(task: () => Promise<T>): Promise<T> {
  return withWebLock(LOCK_NAME, task);
}

interface SealedRow {
  table: SealedTableName;
  key: IndexableType;
  fields: SealedField[];
}

interface Run {
  database: HomewardDb;
  deps: RotationDependencies;
  from: number;
  to: number;
  oldKey: CryptoKey;
  newKey: CryptoKey;
}

function databaseOf(source: DbSource): HomewardDb {
  return typeof source === 'function' ? source() : source;
}

async function step(deps: RotationDependencies, name: RotationStep): Promise<void> {
  await deps.checkpoint?.(name);
}

/** Stops between steps once the session was locked (quick exit): the keys must not outlive it. */
function ensureUnlocked(session: KeySession): void {
  if (!session.isUnlocked) throw new LockedError();
}

/** Every row of every sealed table that holds at least one sealed field. */
async function readSealedRows(database: HomewardDb): Promise<SealedRow[]> {
  const rows: SealedRow[] = [];
  for (const sealedTable of SEALED_TABLES) {
    const table = database.table(sealedTable.name);
    const [keys, values] = await database.transaction('r', table, () => Promise.all([table.toCollection().primaryKeys(), table.toArray()]));
    values.forEach((value: unknown, i) => {
      const sealed = sealedTable.fields(value);
      const key = keys[i];
      if (sealed.length > 0 && key !== undefined) rows.push({ table: sealedTable.name, key, fields: sealed });
    });
  }
  return rows;
}

/** True if the field opens under `keys` (the plaintext is zeroed at once). */
async function opens(keys: KeyLookup, field: SealedField): Promise<boolean> {
  try {
    (await openBytes(keys, field.stored, field.context)).fill(0);
    return true;
  } catch {
    return false;
  }
}

/** Rows with a sealed field that does not open under `keys`; reports progress as `phase`. */
async function countFailing(rows: SealedRow[], keys: KeyLookup, phase: RotationPhase, deps: RotationDependencies): Promise<number> {
  let failing = 0;
  for (const [i, row] of rows.entries()) {
    let ok = true;
    for (const field of row.fields) if (!(await opens(keys, field))) ok = false;
    if (!ok) failing += 1;
    if ((i + 1) % (deps.batchSize ?? DEFAULT_BATCH) === 0 || i === rows.length - 1) deps.onProgress?.({ phase, done: i + 1, total: rows.length });
  }
  return failing;
}

function sameIv(a: unknown, b: unknown): boolean {
  const iv = (value: unknown) => (typeof value === 'object' && value !== null && 'iv' in value && value.iv instanceof Uint8Array ? value.iv : undefined);
  const x = iv(a);
  const y = iv(b);
  return x !== undefined && y !== undefined && x.length === y.length && x.every((byte, i) => byte === y[i]);
}

/** Re-seals one batch of rows of one table under the new key; a row changed meanwhile is left for the next round. */
async function resealBatch(run: Run, table: SealedTableName, batch: SealedRow[]): Promise<void> {
  const { database, from, to, oldKey, newKey } = run;
  const keys: KeyLookup = (generation) => (generation === from ? oldKey : generation === to ? newKey : undefined);
  const writes: { key: IndexableType; read: SealedField[]; changes: Record<string, unknown> }[] = [];
  for (const row of batch) {
    const read = row.fields.filter((field) => generationOf(field.stored) === from);
    const changes: Record<string, unknown> = {};
    try {
      for (const field of read) changes[field.field] = await reseal(keys, { generation: to, key: newKey }, field.stored, field.context);
    } catch (error) {
      // Damaged since the check before the rotation: left exactly as it is, under the old key,
      // which is therefore kept (the verification counts it as unreadable).
      if (error instanceof EnvelopeError) continue;
      throw error;
    }
    writes.push({ key: row.key, read, changes });
  }
  const target = database.table(table);
  await database.transaction('rw', target, database.keyring, async () => {
    await assertSealedUnder(database, ...writes.flatMap((write) => Object.values(write.changes)));
    for (const { key, read, changes } of writes) {
      const current: unknown = await target.get(key);
      const values = typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : undefined;
      // Deleted, or written since it was read (by then under the new key): nothing to do here.
      if (!values || !read.every((field) => sameIv(values[field.field], field.stored))) continue;
      await target.update(key, changes);
    }
  });
}

/** Step 3 for `stale` (rows with a field under the old key); progress counts every row of `total`. */
async function resealRows(run: Run, stale: SealedRow[], total: number): Promise<void> {
  const size = run.deps.batchSize ?? DEFAULT_BATCH;
  let done = total - stale.length;
  run.deps.onProgress?.({ phase: 'sealing', done, total });
  for (const { name } of SEALED_TABLES) {
    const rows = stale.filter((row) => row.table === name);
    for (let start = 0; start < rows.length; start += size) {
      ensureUnlocked(run.deps.session);
      const batch = rows.slice(start, start + size);
      await resealBatch(run, name, batch);
      done += batch.length;
      run.deps.onProgress?.({ phase: 'sealing', done, total });
      await step(run.deps, 'batch');
    }
  }
}

/**
 * Steps 3–4: re-seal what is under the old key, in rounds while that makes progress (a save made
 * meanwhile is under the new key already; a damaged field cannot move and stays), then verify that
 * every field opens under the new key alone. Resolves to the number of sealed records.
 */
async function sealAndVerify(run: Run): Promise<number> {
  const { database, deps, from, to } = run;
  const onlyNew: KeyLookup = (generation) => (generation === to ? run.newKey : undefined);
  let lastStale = -1;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    ensureUnlocked(deps.session);
    const rows = await readSealedRows(database);
    const stale = rows.filter((row) => row.fields.some((field) => generationOf(field.stored) === from));
    if (stale.length > 0 && stale.length !== lastStale) {
      lastStale = stale.length;
      await resealRows(run, stale, rows.length);
      continue;
    }
    // A field still under the old key here is one that could not be re-sealed: it fails below too.
    const failing = await countFailing(rows, onlyNew, 'verifying', deps);
    if (failing > 0) throw new RotationIncompleteError('unreadable', failing, '');
    return rows.length;
  }
  throw new RotationIncompleteError('interrupted', 0, 'StillChanging');
}

/** Steps 2–5 of a rotation whose keyring record is already written (begun or resumed). */
async function complete(run: Run, keys: DataKeys): Promise<RotationResult> {
  const { database, deps, from, to } = run;
  const { session } = deps;
  ensureUnlocked(session);
  session.adopt(keys);
  await step(deps, 'adopted');
  if ((await readDataKeyMarker(database)) !== to) await writeDataKeyMarker(database, to);
  session.observeGeneration(to);
  await step(deps, 'marked');

  const records = await sealAndVerify(run);
  await step(deps, 'verified');

  ensureUnlocked(session);
  await deps.keyring.finishRotation({ from, to });
  session.adopt({ current: to, keys: new Map([[to, run.newKey]]), rotation: null });
  (deps.announce ?? announceDataKeyEvent)('rotated');
  await step(deps, 'finished');
  return { records };
}

/** A failure after the keyring record was written: the rotation is incomplete, not undone. */
function incomplete(error: unknown): unknown {
  if (error instanceof LockedError || error instanceof RotationIncompleteError) return error;
  return new RotationIncompleteError('interrupted', 0, error instanceof Error ? error.name : 'Error');
}

function runFor(deps: RotationDependencies, keys: DataKeys): Run {
  const rotation = keys.rotation;
  const oldKey = rotation ? keys.keys.get(rotation.from) : undefined;
  const newKey = rotation ? keys.keys.get(rotation.to) : undefined;
  if (!rotation || !oldKey || !newKey) throw new KeyringError('damaged');
  return { database: databaseOf(deps.db), deps, from: rotation.from, to: rotation.to, oldKey, newKey };
}

/**
 * Changes the passphrase AND replaces the data key (steps 0–5 above). The session must be
 * unlocked with the current key. Throws, with nothing changed: WrongPassphraseError,
 * RotationRefusedError, KeyringError ('rotating': finish that one first; 'changed': another tab
 * changed the keyring). Throws RotationIncompleteError (or LockedError after a quick exit) once
 * the new passphrase is in effect but a later step did not complete: resumable.
 */
export function rotateDataKey(deps: RotationDependencies, oldPassphrase: string, newPassphrase: string, options?: KdfOptions): Promise<RotationResult> {
  return withRotationLock(async () => {
    const { session } = deps;
    const database = databaseOf(deps.db);
    const described = await deps.keyring.describe();
    if (described.rotation) throw new KeyringError('rotating');
    if (!session.readKey(described.current)) throw new KeyringError('changed');
    const rows = await readSealedRows(database);
    const failing = await countFailing(rows, readKeysOfSession(session), 'checking', deps);
    if (failing > 0) throw new RotationRefusedError(failing);
    await step(deps, 'checked');
    (deps.announce ?? announceDataKeyEvent)('rotating');
    ensureUnlocked(session);
    deps.onProgress?.({ phase: 'keys', done: 0, total: rows.length });
    const keys = await deps.keyring.beginRotation(oldPassphrase, newPassphrase, options);
    try {
      // At once: from here the keyring opens only with the new passphrase, so this page must
      // hold both keys whatever happens next (LockedError after a quick exit meanwhile).
      session.adopt(keys);
      await step(deps, 'begun');
      return await complete(runFor(deps, keys), keys);
    } catch (error) {
      throw incomplete(error);
    }
  });
}

/**
 * Run after every unlock: finishes an interrupted rotation (steps 2–5), else makes the session
 * and the data key marker agree with the keyring. LockedError (the session is locked) if the
 * session does not hold the keys the keyring now names: another tab changed them meanwhile.
 * RotationIncompleteError if the rotation still cannot finish (the app is usable meanwhile).
 */
export function settleDataKey(deps: RotationDependencies): Promise<SettleResult> {
  return withRotationLock(async () => {
    const { session } = deps;
    const database = databaseOf(deps.db);
    const described = await deps.keyring.describe();
    const needed = described.rotation ? [described.rotation.from, described.rotation.to] : [described.current];
    const held = new Map<number, CryptoKey>();
    for (const generation of needed) {
      const key = session.readKey(generation);
      if (key) held.set(generation, key);
    }
    if (held.size !== needed.length) {
      // Unlocked from a keyring record that has changed since (another tab): ask again.
      session.lock();
      throw new LockedError();
    }
    if (!described.rotation) {
      if (session.rotation() !== null || session.writeKey().generation !== described.current) {
        session.adopt({ current: described.current, keys: held, rotation: null });
      }
      const marker = await readDataKeyMarker(database);
      const wrong = (marker !== undefined && marker !== described.current) || (await dataKeyMarkerIsMalformed(database));
      if (wrong) await writeDataKeyMarker(database, described.current);
      return { kind: 'ready' };
    }
    const { from, to } = described.rotation;
    const keys: DataKeys = { current: to, keys: held, rotation: { from, to } };
    try {
      return { kind: 'finished', ...(await complete(runFor(deps, keys), keys)) };
    } catch (error) {
      throw incomplete(error);
    }
  });
}

function readKeysOfSession(session: KeySession): KeyLookup {
  return (generation) => session.readKey(generation);
}
