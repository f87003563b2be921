/**
 * WARNING: the encrypted backup file. A regression here can make backups unreadable (the one way
 * back after a lost or wiped phone) or let a damaged file overwrite drafts. Never change what
 * format v1 means; a new format is a new `v` that readBackup accepts alongside this one.
 *
 * File (binary, name `homeward-backup-YYYY-MM-DD.hwbk`, nothing personal in it):
 *   MAGIC (16 bytes, ASCII "HOMEWARD-BACKUP\n") | header length (uint32, big-endian) |
 *   header (UTF-8 JSON, at most 4 KiB) | ciphertext (AES-GCM-256, 16-byte tag at the end)
 * header = { format: 'homeward-backup', v: 1,
 *            kdf: { alg: 'PBKDF2-SHA256', iterations, salt: base64 (16 bytes) },
 *            cipher: { alg: 'AES-GCM', iv: base64 (12 bytes) },
 *            check: base64 (32 bytes), length: ciphertext bytes }
 * Keys: PBKDF2-HMAC-SHA256(backup passphrase NFC, salt, iterations ≥ 600,000) → 32 bytes →
 * HKDF-SHA256 (no salt) → AES-GCM key (info "homeward-backup|v1|key") and a 32-byte check value
 * (info "homeward-backup|v1|check"). The check value lets a wrong passphrase be told apart from a
 * damaged file; it costs an attacker the same full PBKDF2 per guess as the ciphertext would.
 * Additional data = every byte before the ciphertext (magic, length, header), so no header field
 * can be changed without the file being refused. Iterations are re-checked on read (600,000 to
 * 2,000,000), as the keyring does: a file cannot lower them.
 * Plaintext = JSON { v: 1, drafts: [ { id, status, createdAt, updatedAt, instrumentId,
 * instrumentVersion, schema, data: DraftData } ] }.
 *
 * Restore validates and decrypts EVERYTHING first and only then writes, in one transaction:
 * a file that is refused changes nothing. A backup draft whose id is already on the device is
 * never written over: identical (same status, updatedAt and data) → skipped; different → added
 * as a copy under a new id, so both versions are kept and the caseworker chooses.
 * Only drafts are backed up (signing identities are not: they belong to the device).
 */
import { z } from '../instrument/schema/zod';
import type { DraftDataCodec } from './codec';
import { copy, randomBytes } from './crypto/bytes';
import { assertSealedUnder, followDataKeyMarker, withCurrentDataKey } from './crypto/data-key-marker';
import { KdfParamsError } from './crypto/errors';
import { checkKdfParams, DEFAULT_ITERATIONS, KDF_ALG, KDF_VERSION, SALT_BYTES, type KdfParams } from './crypto/kdf';
import { StorageError } from './errors';
import { DRAFT_RECORD_SCHEMA, draftDataSchema, draftRowSchema, type Draft, type DraftRow } from './records';
import type { HomewardDb } from './db';
import type { DbSource } from './repositories/drafts';

export const BACKUP_FORMAT = 'homeward-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_EXTENSION = '.hwbk';
const MAGIC = new TextEncoder().encode('HOMEWARD-BACKUP\n');
const LENGTH_BYTES = 4;
const MAX_HEADER_BYTES = 4096;
/** Far above any real set of drafts; refuses files that would only exhaust a phone's memory. */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const CHECK_BYTES = 32;

export type BackupProblem =
  | 'empty'
  | 'too-large'
  | 'not-a-backup'
  | 'truncated'
  | 'malformed'
  | 'unsupported-version'
  | 'weak-parameters'
  | 'wrong-passphrase'
  | 'damaged'
  | 'invalid-content'
  | 'empty-passphrase'
  | 'nothing-to-back-up';

const MESSAGES: Record<BackupProblem, string> = {
  empty: 'The file is empty.',
  'too-large': 'The file is too large to be a Homeward backup.',
  'not-a-backup': 'This file is not a Homeward backup.',
  truncated: 'The backup file is incomplete (cut short, for example by an interrupted copy).',
  malformed: 'The backup file\'s header is damaged.',
  'unsupported-version': 'The backup was made by a newer version of Homeward; update the app first.',
  'weak-parameters': 'The backup\'s key settings are weaker than Homeward allows; the file may have been tampered with.',
  'wrong-passphrase': 'This passphrase does not open this backup.',
  damaged: 'The backup file was changed or damaged after it was made.',
  'invalid-content': 'The backup opened, but its drafts are not in a form this version of Homeward can read.',
  'empty-passphrase': 'The backup passphrase must not be empty.',
  'nothing-to-back-up': 'There are no drafts to back up.',
};

/** A backup could not be made or was refused; `problem` says why. Nothing was changed. */
export class BackupError extends StorageError {
  constructor(readonly problem: BackupProblem) {
    super('BackupError', MESSAGES[problem]);
  }
}

// ---------------------------------------------------------------------------------------------

function toBase64(data: Uint8Array): string {
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const base64Bytes = (length: number) =>
  z.string().transform((text, ctx) => {
    try {
      const binary = atob(text);
      const out = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
      if (out.length !== length) throw new Error('length');
      return out;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'bad base64' });
      return z.NEVER;
    }
  });

const headerSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  v: z.int(),
  kdf: z.strictObject({ alg: z.string(), iterations: z.number(), salt: base64Bytes(SALT_BYTES) }),
  cipher: z.strictObject({ alg: z.literal('AES-GCM'), iv: base64Bytes(IV_BYTES) }),
  check: base64Bytes(CHECK_BYTES),
  length: z.int().min(TAG_BYTES),
});

const backupDraftSchema = draftRowSchema.extend({ data: draftDataSchema });
const payloadSchema = z.strictObject({ v: z.literal(BACKUP_VERSION), drafts: z.array(backupDraftSchema) });

interface BackupKeys {
  key: CryptoKey;
  check: Uint8Array;
}

async function deriveBackupKeys(passphrase: string, kdf: KdfParams): Promise<BackupKeys> {
  const params = checkKdfParams(kdf);
  const secret = new TextEncoder().encode(passphrase.normalize('NFC'));
  const base = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveBits']);
  secret.fill(0);
  const master = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: copy(params.salt), iterations: params.iterations },
    base,
    256,
  );
  const hkdf = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveKey', 'deriveBits']);
  const info = (label: string) => new TextEncoder().encode(`homeward-backup|v1|${label}`);
  const salt = new Uint8Array(0);
  const key = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: info('key') },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const check = new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info: info('check') }, hkdf, CHECK_BYTES * 8));
  return { key, check };
}

/** Constant-time enough for a 32-byte value compared once per attempt. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

function requirePassphrase(passphrase: string): void {
  if (passphrase.length === 0) throw new BackupError('empty-passphrase');
}

/** The neutral file name for a backup made on `date` (local calendar date). */
export function backupFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `homeward-backup-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}${BACKUP_EXTENSION}`;
}

/** Encrypts `drafts` into one backup file. */
export async function encryptBackup(drafts: readonly Draft[], passphrase: string, options: { iterations?: number } = {}): Promise<Uint8Array<ArrayBuffer>> {
  requirePassphrase(passphrase);
  const kdf: KdfParams = checkKdfParams({ alg: KDF_ALG, iterations: options.iterations ?? DEFAULT_ITERATIONS, salt: randomBytes(SALT_BYTES), v: KDF_VERSION });
  const { key, check } = await deriveBackupKeys(passphrase, kdf);
  const iv = randomBytes(IV_BYTES);
  const plaintext = new TextEncoder().encode(JSON.stringify({ v: BACKUP_VERSION, drafts }));
  const length = plaintext.byteLength + TAG_BYTES;
  const header = new TextEncoder().encode(
    JSON.stringify({
      format: BACKUP_FORMAT,
      v: BACKUP_VERSION,
      kdf: { alg: kdf.alg, iterations: kdf.iterations, salt: toBase64(kdf.salt) },
      cipher: { alg: 'AES-GCM', iv: toBase64(iv) },
      check: toBase64(check),
      length,
    }),
  );
  const prefix = new Uint8Array(MAGIC.length + LENGTH_BYTES + header.length);
  prefix.set(MAGIC, 0);
  new DataView(prefix.buffer).setUint32(MAGIC.length, header.length, false);
  prefix.set(header, MAGIC.length + LENGTH_BYTES);
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: prefix }, key, plaintext));
  plaintext.fill(0);
  const file = new Uint8Array(prefix.length + ct.length);
  file.set(prefix, 0);
  file.set(ct, prefix.length);
  return file;
}

/**
 * Opens a backup file (untrusted bytes) and validates every draft in it. Throws BackupError
 * saying why it was refused; reads and writes nothing else.
 */
export async function decryptBackup(file: Uint8Array, passphrase: string): Promise<Draft[]> {
  requirePassphrase(passphrase);
  if (file.byteLength === 0) throw new BackupError('empty');
  if (file.byteLength > MAX_BACKUP_BYTES) throw new BackupError('too-large');
  const magicSeen = file.subarray(0, Math.min(file.length, MAGIC.length));
  if (!sameBytes(magicSeen, MAGIC.subarray(0, magicSeen.length))) throw new BackupError('not-a-backup');
  if (file.byteLength < MAGIC.length + LENGTH_BYTES) throw new BackupError('truncated');
  const headerLength = new DataView(file.buffer, file.byteOffset, file.byteLength).getUint32(MAGIC.length, false);
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) throw new BackupError('malformed');
  const headerEnd = MAGIC.length + LENGTH_BYTES + headerLength;
  if (file.byteLength < headerEnd) throw new BackupError('truncated');

  let rawHeader: unknown;
  try {
    rawHeader = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(MAGIC.length + LENGTH_BYTES, headerEnd)));
  } catch {
    throw new BackupError('malformed');
  }
  const version = typeof rawHeader === 'object' && rawHeader !== null ? (rawHeader as { v?: unknown }).v : undefined;
  if (typeof version === 'number' && version !== BACKUP_VERSION) throw new BackupError('unsupported-version');
  const header = headerSchema.safeParse(rawHeader);
  if (!header.success) throw new BackupError('malformed');
  if (header.data.kdf.alg !== KDF_ALG) throw new BackupError('unsupported-version');
  const ciphertext = file.subarray(headerEnd);
  if (ciphertext.byteLength < header.data.length) throw new BackupError('truncated');
  if (ciphertext.byteLength > header.data.length) throw new BackupError('damaged');

  let keys: BackupKeys;
  try {
    keys = await deriveBackupKeys(passphrase, { alg: KDF_ALG, v: KDF_VERSION, iterations: header.data.kdf.iterations, salt: header.data.kdf.salt });
  } catch (error) {
    if (error instanceof KdfParamsError) throw new BackupError(error.problem === 'too-weak' ? 'weak-parameters' : 'malformed');
    throw error;
  }
  if (!sameBytes(keys.check, header.data.check)) throw new BackupError('wrong-passphrase');

  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: copy(header.data.cipher.iv), additionalData: copy(file.subarray(0, headerEnd)) },
      keys.key,
      copy(ciphertext),
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'OperationError') throw new BackupError('damaged');
    throw error;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch {
    throw new BackupError('invalid-content');
  }
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) throw new BackupError('invalid-content');
  const ids = new Set(parsed.data.drafts.map((d) => d.id));
  if (ids.size !== parsed.data.drafts.length) throw new BackupError('invalid-content');
  return parsed.data.drafts;
}

// ---------------------------------------------------------------------------------------------

export interface BackupOptions {
  db: DbSource;
  /** The encrypted codec of the unlocked session (LockedError while locked). */
  codec: DraftDataCodec;
  passphrase: string;
  now?: () => Date;
  iterations?: number;
}

export interface BackupResult {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  /** Drafts in the file. */
  count: number;
  /** Ids of stored drafts that could not be read and so are NOT in the file. */
  unreadable: string[];
}

/** Reads and decrypts every draft in memory and encrypts them all into one backup file. */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const { codec, passphrase, now = () => new Date(), iterations } = options;
  requirePassphrase(passphrase);
  const db = typeof options.db === 'function' ? options.db() : options.db;
  const rows: unknown[] = await db.transaction('r', db.drafts, () => db.drafts.toArray());
  const drafts: Draft[] = [];
  const unreadable: string[] = [];
  for (const raw of rows) {
    const row = draftRowSchema.safeParse(raw);
    if (!row.success) {
      const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
      unreadable.push(typeof id === 'string' ? id : '?');
      continue;
    }
    const { data: stored, ...meta } = row.data;
    try {
      drafts.push({ ...meta, data: await codec.decode(stored, { id: meta.id, schema: meta.schema }) });
    } catch (error) {
      if (error instanceof Error && error.name === 'LockedError') throw error;
      await followDataKeyMarker(error, db, codec.keys); // LockedError if another tab rotated the key
      unreadable.push(meta.id);
    }
  }
  if (drafts.length === 0) throw new BackupError('nothing-to-back-up');
  drafts.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const bytes = await encryptBackup(drafts, passphrase, iterations === undefined ? {} : { iterations });
  return { bytes, fileName: backupFileName(now()), count: drafts.length, unreadable };
}

export interface RestoreOptions {
  db: DbSource;
  codec: DraftDataCodec;
  file: Uint8Array;
  passphrase: string;
  newId?: () => string;
}

export interface RestoreResult {
  /** Drafts added under their own id. */
  added: number;
  /** Drafts whose id was taken by a different version here: added under a new id. */
  copies: number;
  /** Drafts already here exactly as in the backup: left alone. */
  alreadyPresent: number;
}

function sameDraft(a: Draft, b: Draft): boolean {
  return a.status === b.status && a.updatedAt === b.updatedAt && JSON.stringify(a.data) === JSON.stringify(b.data);
}

/**
 * Restores a backup: decrypts and validates the whole file, compares with what is here, seals
 * every draft to add, and only then writes them all in ONE transaction. Any refusal (BackupError)
 * or failure leaves the drafts exactly as they were. Nothing is ever overwritten.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { codec, file, passphrase, newId = () => crypto.randomUUID() } = options;
  const db = typeof options.db === 'function' ? options.db() : options.db;
  const incoming = await decryptBackup(file, passphrase);

  const existingRows = await db.transaction('r', db.drafts, () => db.drafts.bulkGet(incoming.map((d) => d.id)));
  const toWrite: { meta: Omit<Draft, 'data'>; data: Draft['data'] }[] = [];
  const result: RestoreResult = { added: 0, copies: 0, alreadyPresent: 0 };
  for (const [i, draft] of incoming.entries()) {
    const raw: unknown = existingRows[i];
    const { data, ...meta } = draft;
    if (raw === undefined) {
      toWrite.push({ meta, data });
      result.added += 1;
      continue;
    }
    let here: Draft | undefined;
    const row = draftRowSchema.safeParse(raw);
    if (row.success) {
      const { data: stored, ...hereMeta } = row.data;
      try {
        here = { ...hereMeta, data: await codec.decode(stored, { id: hereMeta.id, schema: hereMeta.schema }) };
      } catch (error) {
        if (error instanceof Error && error.name === 'LockedError') throw error;
        await followDataKeyMarker(error, db, codec.keys);
        here = undefined; // unreadable here: keep it untouched, add the backup's as a copy
      }
    }
    if (here && sameDraft(here, draft)) {
      result.alreadyPresent += 1;
      continue;
    }
    toWrite.push({ meta: { ...meta, id: newId() }, data });
    result.copies += 1;
  }

  // Seal outside the transaction (WebCrypto would let it commit early: codec.ts), again under the
  // current data key if a rotation switched it meanwhile (crypto/data-key-marker.ts).
  if (toWrite.length > 0) await withCurrentDataKey(codec.keys, () => writeRestored(db, codec, toWrite));
  return result;
}

/** Seals the drafts to restore and adds them all in ONE transaction, or none. */
async function writeRestored(db: HomewardDb, codec: DraftDataCodec, toWrite: { meta: Omit<Draft, 'data'>; data: Draft['data'] }[]): Promise<void> {
  const rows: DraftRow[] = [];
  for (const { meta, data } of toWrite) {
    const schema = DRAFT_RECORD_SCHEMA;
    rows.push({ ...meta, schema, data: await codec.encode(data, { id: meta.id, schema }) });
  }
  await db.transaction('rw', db.drafts, db.keyring, async () => {
    await assertSealedUnder(db, ...rows.map((row) => row.data));
    // Ids taken since the comparison (another tab) abort the whole restore: nothing written.
    const taken = await db.drafts.bulkGet(rows.map((r) => r.id));
    if (taken.some((r) => r !== undefined)) throw new StorageError('RestoreConflictError', 'Drafts changed while the backup was being restored; nothing was restored. Try again.');
    await db.drafts.bulkAdd(rows);
  });
}

/** For tests: the bytes a check needs. */
export const backupLayout = { magic: MAGIC, lengthBytes: LENGTH_BYTES, tagBytes: TAG_BYTES } as const;
