/**
 * WARNING: reads and writes every draft. A regression here can lose or corrupt interviews.
 *
 * Rules this file keeps:
 * - Every row read is parsed (draftRowSchema, then the codec) before use; a row that fails
 *   is reported as unreadable by id, never crashes the list and is never overwritten.
 * - Conflict and status checks use the plaintext meta fields only, inside the transaction;
 *   the codec (future WebCrypto) runs outside transactions (see codec.ts).
 * - Every write awaits its transaction, not just the request: on a full disk the transaction
 *   aborts (AbortError with an inner QuotaExceededError) while the request's own promise may
 *   never settle (Dexie.js#776), which would hang autosave.
 * - updatedAt strictly increases on every write, even if the clock goes back, so
 *   `expectedUpdatedAt` reliably detects any write the caller has not seen.
 * - Every write of sealed data checks the data key marker inside its transaction (which
 *   therefore includes the keyring table): data sealed under a key a rotation has replaced is
 *   refused, sealed again under the current key, or the stale session locks (docs/adr/0005).
 */
import type { HomewardDb } from '../db';
import { plainCodec, validateDraftData, type DraftDataCodec } from '../codec';
import {
  DRAFT_RECORD_SCHEMA,
  draftRowSchema,
  type Draft,
  type DraftData,
  type DraftMeta,
  type DraftRow,
  type DraftStatus,
  type DraftSummary,
} from '../records';
import { DraftConflictError, DraftNotFoundError, DraftSignedOffError, DraftUnreadableError } from '../errors';
import { LockedError } from '../crypto/errors';
import { assertSealedUnder, followDataKeyMarker, withCurrentDataKey } from '../crypto/data-key-marker';

export interface CreateDraftInput {
  caseRef: string;
  instrumentId: string;
  instrumentVersion: number;
  workingLanguage: string;
  /** The person's language for side-by-side interviews; null or absent: none chosen yet. */
  personLanguage?: string | null;
}

export interface WriteOptions {
  /** The updatedAt the caller last read or wrote; a newer stored one throws DraftConflictError. */
  expectedUpdatedAt?: number | undefined;
}

export interface DraftList {
  /** Newest first (updatedAt descending). */
  drafts: DraftSummary[];
  /** Ids of rows that could not be read; show them, never drop them silently. */
  unreadable: string[];
}

export interface DraftsRepository {
  create(input: CreateDraftInput): Promise<Draft>;
  list(): Promise<DraftList>;
  /** undefined if there is no such draft; throws DraftUnreadableError if it cannot be read. */
  get(id: string): Promise<Draft | undefined>;
  /** Replaces the draft's data; resolves to the new updatedAt (pass it as expectedUpdatedAt next time). */
  saveData(id: string, data: DraftData, options?: WriteOptions): Promise<number>;
  /** A new draft with the same instrument, languages and answers; new id, timestamps, status 'draft'. */
  duplicate(id: string, caseRef: string): Promise<Draft>;
  remove(id: string): Promise<void>;
  /** Resolves to the new updatedAt. */
  setStatus(id: string, status: DraftStatus, options?: WriteOptions): Promise<number>;
}

export interface DraftsRepositoryOptions {
  codec?: DraftDataCodec;
  now?: () => number;
  newId?: () => string;
}

/** A database, or a function returning one so the app's singleton opens lazily. */
export type DbSource = HomewardDb | (() => HomewardDb);

export function createDraftsRepository(source: DbSource, options: DraftsRepositoryOptions = {}): DraftsRepository {
  const { codec = plainCodec, now = Date.now, newId = () => crypto.randomUUID() } = options;
  const db = typeof source === 'function' ? source : () => source;

  /**
   * undefined if the row cannot be read. A locked session is not damage: LockedError is
   * rethrown (the app then asks for the passphrase) instead of listing every draft unreadable.
   */
  async function decode(raw: unknown): Promise<Draft | undefined> {
    const row = draftRowSchema.safeParse(raw);
    if (!row.success) return undefined;
    const { data: stored, ...meta } = row.data;
    try {
      return { ...meta, data: await codec.decode(stored, { id: meta.id, schema: meta.schema }) };
    } catch (error) {
      if (error instanceof LockedError) throw error;
      await followDataKeyMarker(error, db(), codec.keys); // LockedError if another tab rotated the key
      return undefined;
    }
  }

  /** Reads and validates the meta fields; call inside a transaction. */
  async function readMeta(id: string): Promise<DraftMeta> {
    const raw: unknown = await db().drafts.get(id);
    if (raw === undefined) throw new DraftNotFoundError(id);
    const row = draftRowSchema.safeParse(raw);
    if (!row.success) throw new DraftUnreadableError(id);
    const { status, createdAt, updatedAt, instrumentId, instrumentVersion, schema } = row.data;
    return { id: row.data.id, status, createdAt, updatedAt, instrumentId, instrumentVersion, schema };
  }

  /** Writes meta (and optionally new encoded data) after the conflict check, atomically. */
  function update(
    id: string,
    options: WriteOptions,
    change: (meta: DraftMeta) => Partial<Pick<DraftRow, 'status' | 'data'>>,
  ): Promise<number> {
    const database = db();
    return database.transaction('rw', database.drafts, database.keyring, async () => {
      const meta = await readMeta(id);
      const expected = options.expectedUpdatedAt;
      if (expected !== undefined && meta.updatedAt > expected) {
        throw new DraftConflictError(id, expected, meta.updatedAt);
      }
      const updatedAt = Math.max(now(), meta.updatedAt + 1);
      const changed = change(meta);
      if ('data' in changed) await assertSealedUnder(database, changed.data);
      // update() leaves the stored `data` untouched when only meta changes, so a status
      // change never needs the encryption key.
      await database.drafts.update(id, { ...changed, updatedAt });
      return updatedAt;
    });
  }

  async function insert(meta: Omit<DraftMeta, 'id' | 'createdAt' | 'updatedAt' | 'schema'>, data: DraftData): Promise<Draft> {
    const id = newId();
    const time = now();
    const full: DraftMeta = { ...meta, id, createdAt: time, updatedAt: time, schema: DRAFT_RECORD_SCHEMA };
    const checked = validateDraftData(data);
    await withCurrentDataKey(codec.keys, async () => {
      const stored = await codec.encode(checked, { id, schema: DRAFT_RECORD_SCHEMA });
      const database = db();
      await database.transaction('rw', database.drafts, database.keyring, async () => {
        await assertSealedUnder(database, stored);
        await database.drafts.add({ ...full, data: stored });
      });
    });
    return { ...full, data: checked };
  }

  async function get(id: string): Promise<Draft | undefined> {
    const raw: unknown = await db().drafts.get(id);
    if (raw === undefined) return undefined;
    const draft = await decode(raw); // LockedError passes through: the app asks to unlock

    if (!draft) throw new DraftUnreadableError(id);
    return draft;
  }

  return {
    get,

    create(input) {
      const { caseRef, instrumentId, instrumentVersion, workingLanguage, personLanguage = null } = input;
      const data: DraftData = { caseRef, answers: {}, position: { section: null }, workingLanguage, personLanguage };
      return insert({ status: 'draft', instrumentId, instrumentVersion }, data);
    },

    async list() {
      // Read every row by primary key, not through the updatedAt index: a row whose
      // updatedAt is damaged is missing from that index and would vanish without a trace.
      // Keys and values come from one transaction, so they line up.
      const database = db();
      const [keys, rows] = await database.transaction('r', database.drafts, () =>
        Promise.all([database.drafts.toCollection().primaryKeys(), database.drafts.toArray()]),
      );
      const drafts: DraftSummary[] = [];
      const unreadable: string[] = [];
      const decoded = await Promise.all(rows.map((raw: unknown) => decode(raw)));
      decoded.forEach((draft, i) => {
        if (draft) drafts.push(summarise(draft));
        else unreadable.push(String(keys[i]));
      });
      drafts.sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
      return { drafts, unreadable };
    },

    saveData(id, data, options = {}) {
      return withCurrentDataKey(codec.keys, async () => {
        // Encode (which validates) before the transaction (see codec.ts); the checks happen inside it.
        // Validated once: this runs on every autosave, on the main thread.
        const stored = await codec.encode(data, { id, schema: DRAFT_RECORD_SCHEMA });
        return update(id, options, (meta) => {
          if (meta.status === 'signed_off') throw new DraftSignedOffError(id);
          return { data: stored };
        });
      });
    },

    async duplicate(id, caseRef) {
      const source = await get(id);
      if (!source) throw new DraftNotFoundError(id);
      const { instrumentId, instrumentVersion, data } = source;
      return insert(
        { status: 'draft', instrumentId, instrumentVersion },
        { ...data, caseRef, position: { section: null } },
      );
    },

    async remove(id) {
      const database = db();
      await database.transaction('rw', database.drafts, () => database.drafts.delete(id));
    },

    setStatus(id, status, options = {}) {
      return update(id, options, () => ({ status }));
    },
  };
}

/** Only these fields leave the repository in a list; answers never do. */
function summarise(draft: Draft): DraftSummary {
  const { id, status, createdAt, updatedAt, instrumentId, instrumentVersion } = draft;
  return { id, caseRef: draft.data.caseRef, status, createdAt, updatedAt, instrumentId, instrumentVersion };
}
