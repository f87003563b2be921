// @vitest-environment node
/**
 * Encrypted backup and restore (backup.ts). Every file here is made with the real 600,000-iteration
 * PBKDF2 (~0.2 s each): the minimum is enforced, so the tests keep derivations few.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backupFileName, backupLayout, BackupError, createBackup, decryptBackup, encryptBackup, restoreBackup, type BackupProblem } from './backup';
import { createEncryptedCodec } from './codec';
import { HomewardDb } from './db';
import { createDraftsRepository, type DraftsRepository } from './repositories/drafts';
import type { Draft } from './records';

const BACKUP_PASS = 'backup passphrase for tests';

interface Device {
  db: HomewardDb;
  drafts: DraftsRepository;
  codec: ReturnType<typeof createEncryptedCodec>;
}

const opened: HomewardDb[] = [];

/** A device with its own database and its own (non-extractable) data key, unlocked. */
async function device(): Promise<Device> {
  const db = new HomewardDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(db);
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const codec = createEncryptedCodec({ key: () => key });
  return { db, codec, drafts: createDraftsRepository(db, { codec }) };
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function addDraft(d: Device, caseRef: string, answer: string): Promise<Draft> {
  const draft = await d.drafts.create({ caseRef, instrumentId: 'homeward-return', instrumentVersion: 1, workingLanguage: 'en' });
  await d.drafts.saveData(draft.id, { ...draft.data, answers: { A1: answer } });
  const saved = await d.drafts.get(draft.id);
  if (!saved) throw new Error('not saved');
  return saved;
}

/** The BackupError problem, or a description of any other outcome ('accepted', 'Name: message'). */
async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackupError) return error.problem;
    return error instanceof Error ? `${error.name}: ${error.message}` : 'thrown';
  }
  return 'accepted';
}

/** Every stored row of a database (raw), to show a refused restore changed nothing. */
async function snapshot(db: HomewardDb): Promise<unknown[]> {
  return db.drafts.toArray();
}

function headerOf(file: Uint8Array): Record<string, unknown> {
  const length = new DataView(file.buffer, file.byteOffset).getUint32(backupLayout.magic.length, false);
  const start = backupLayout.magic.length + backupLayout.lengthBytes;
  return JSON.parse(new TextDecoder().decode(file.subarray(start, start + length))) as Record<string, unknown>;
}

/** The same file with its header replaced (length field updated), to forge edits. */
function withHeader(file: Uint8Array, header: unknown): Uint8Array {
  const oldLength = new DataView(file.buffer, file.byteOffset).getUint32(backupLayout.magic.length, false);
  const start = backupLayout.magic.length + backupLayout.lengthBytes;
  const body = file.subarray(start + oldLength);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(start + json.length + body.length);
  out.set(backupLayout.magic, 0);
  new DataView(out.buffer).setUint32(backupLayout.magic.length, json.length, false);
  out.set(json, start);
  out.set(body, start + json.length);
  return out;
}

describe('backup file', () => {
  it('round-trips every draft into a fresh device with another data key', async () => {
    const phone = await device();
    const first = await addDraft(phone, 'KA-1', 'first answer');
    const second = await addDraft(phone, 'KA-2', 'second answer');
    const backup = await createBackup({ db: phone.db, codec: phone.codec, passphrase: BACKUP_PASS, now: () => new Date(2026, 10, 27, 23, 30) });
    expect(backup.fileName).toBe('homeward-backup-2026-11-27.hwbk');
    expect(backup.count).toBe(2);
    expect(backup.unreadable).toEqual([]);
    // Nothing readable in the file: no case reference, no answer.
    const asText = new TextDecoder('latin1').decode(backup.bytes);
    for (const secret of ['KA-1', 'first answer', 'second answer']) expect(asText).not.toContain(secret);
    const header = headerOf(backup.bytes);
    expect(header).toMatchObject({ format: 'homeward-backup', v: 1, kdf: { alg: 'PBKDF2-SHA256', iterations: 600_000 }, cipher: { alg: 'AES-GCM' } });

    const fresh = await device();
    expect(await restoreBackup({ db: fresh.db, codec: fresh.codec, file: backup.bytes, passphrase: BACKUP_PASS })).toEqual({ added: 2, copies: 0, alreadyPresent: 0 });
    expect(await fresh.drafts.get(first.id)).toEqual(first);
    expect(await fresh.drafts.get(second.id)).toEqual(second);
  });

  it('names the file by the local date only', () => {
    expect(backupFileName(new Date(2026, 0, 5, 1, 2))).toBe('homeward-backup-2026-01-05.hwbk');
  });

  it('leaves unreadable drafts out and says which; refuses an empty backup and an empty passphrase', async () => {
    const phone = await device();
    await expect(problemOf(createBackup({ db: phone.db, codec: phone.codec, passphrase: BACKUP_PASS }))).resolves.toBe('nothing-to-back-up');
    const kept = await addDraft(phone, 'KA-3', 'kept');
    const broken = await addDraft(phone, 'KA-4', 'broken');
    await phone.db.drafts.update(broken.id, { data: { v: 1, iv: new Uint8Array(12), ct: new Uint8Array(40) } });
    await expect(problemOf(createBackup({ db: phone.db, codec: phone.codec, passphrase: '' }))).resolves.toBe('empty-passphrase');
    const backup = await createBackup({ db: phone.db, codec: phone.codec, passphrase: BACKUP_PASS });
    expect(backup.count).toBe(1);
    expect(backup.unreadable).toEqual([broken.id]);
    expect((await decryptBackup(backup.bytes, BACKUP_PASS)).map((d) => d.id)).toEqual([kept.id]);
  });

  it('refuses each kind of bad file with its own reason', async () => {
    const phone = await device();
    await addDraft(phone, 'KA-5', 'answer');
    const { bytes } = await createBackup({ db: phone.db, codec: phone.codec, passphrase: BACKUP_PASS });
    const header = headerOf(bytes);
    const cases: [string, Uint8Array, BackupProblem][] = [
      ['empty', new Uint8Array(0), 'empty'],
      ['another file', new TextEncoder().encode('%PDF-1.7 not a backup at all'), 'not-a-backup'],
      ['cut inside the magic', bytes.subarray(0, 10), 'truncated'],
      ['cut inside the header', bytes.subarray(0, 40), 'truncated'],
      ['cut inside the ciphertext', bytes.subarray(0, bytes.length - 5), 'truncated'],
      ['bytes appended', new Uint8Array([...bytes, 0]), 'damaged'],
      ['a newer format', withHeader(bytes, { ...header, v: 2 }), 'unsupported-version'],
      ['weaker key settings', withHeader(bytes, { ...header, kdf: { ...(header.kdf as object), iterations: 100_000 } }), 'weak-parameters'],
      ['header not JSON', withHeader(bytes, 'x').map((b, i) => (i === 20 ? 0x7b : b)), 'malformed'],
      ['an unknown header field', withHeader(bytes, { ...header, note: 'hi' }), 'malformed'],
    ];
    for (const [label, file, expected] of cases) {
      expect(await problemOf(decryptBackup(file, BACKUP_PASS)), label).toBe(expected);
    }
    const flipped = Uint8Array.from(bytes);
    flipped[flipped.length - 20] = (flipped[flipped.length - 20] ?? 0) ^ 1;
    expect(await problemOf(decryptBackup(flipped, BACKUP_PASS)), 'a ciphertext byte changed').toBe('damaged');
    // The header is bound as additional data: a different IV (valid base64, right length) fails.
    const otherIv = withHeader(bytes, { ...header, cipher: { alg: 'AES-GCM', iv: btoa('\u0000'.repeat(12)) } });
    expect(await problemOf(decryptBackup(otherIv, BACKUP_PASS)), 'the header changed').toBe('damaged');
    expect(await problemOf(decryptBackup(bytes, 'not the backup passphrase')), 'wrong passphrase').toBe('wrong-passphrase');
  });

  it('refuses a file whose decrypted drafts are not valid (from a newer app, say)', async () => {
    const bad = [{ id: 'x', status: 'archived', data: {} }] as unknown as Draft[];
    const file = await encryptBackup(bad, BACKUP_PASS);
    expect(await problemOf(decryptBackup(file, BACKUP_PASS))).toBe('invalid-content');
  });
});

describe('restore', () => {
  it('changes nothing when the file is refused (wrong passphrase, tampered, truncated)', async () => {
    const phone = await device();
    await addDraft(phone, 'KA-6', 'answer');
    const { bytes } = await createBackup({ db: phone.db, codec: phone.codec, passphrase: BACKUP_PASS });
    const other = await device();
    await addDraft(other, 'KB-1', 'already here');
    const before = await snapshot(other.db);
    const tampered = Uint8Array.from(bytes);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 0x80;
    for (const [file, passphrase] of [[bytes, 'wrong one'], [tampered, BACKUP_PASS], [bytes.subarray(0, 100), BACKUP_PASS]] as const) {
      await expect(restoreBackup({ db: other.db, codec: other.codec, file, passphrase })).rejects.toBeInstanceOf(BackupError);
      expect(await snapshot(other.db)).toEqual(before);
    }
  });

  it('never overwrites: an identical draft is skipped, a different one with the same id is added as a copy', async () => {
    const phone = await device();
    const same = await addDraft(phone, 'KA-7', 'unchanged');
    const changed = await addDraft(phone, 'KA-8', 'version in the backup');
    const { bytes } = await createBackup({ db: phone.db, codec: phone.codec, passphrase: BACKUP_PASS });
    // After the backup, the caseworker keeps working on KA-8 on this phone.
    const laterAt = await phone.drafts.saveData(changed.id, { ...changed.data, answers: { A1: 'newer on the phone' } });

    let n = 0;
    const result = await restoreBackup({ db: phone.db, codec: phone.codec, file: bytes, passphrase: BACKUP_PASS, newId: () => `copy-${++n}` });
    expect(result).toEqual({ added: 0, copies: 1, alreadyPresent: 1 });
    expect(await phone.drafts.get(same.id)).toEqual(same);
    const current = await phone.drafts.get(changed.id);
    expect(current?.data.answers).toEqual({ A1: 'newer on the phone' });
    expect(current?.updatedAt).toBe(laterAt);
    const copy = await phone.drafts.get('copy-1');
    expect(copy?.data).toEqual(changed.data);
    expect((await phone.drafts.list()).drafts).toHaveLength(3);

    // Restoring the same file again adds nothing new but the copy's twin: still never overwrites.
    const again = await restoreBackup({ db: phone.db, codec: phone.codec, file: bytes, passphrase: BACKUP_PASS, newId: () => `copy-${++n}` });
    expect(again).toEqual({ added: 0, copies: 1, alreadyPresent: 1 });
  });
});

describe('tamper property', () => {
  let file: Uint8Array;
  beforeAll(async () => {
    const drafts: Draft[] = [
      {
        id: 'd-1', status: 'draft', createdAt: 1, updatedAt: 2, instrumentId: 'homeward-return', instrumentVersion: 1, schema: 1,
        data: { caseRef: 'KP', answers: { A1: 'x' }, position: { section: null }, workingLanguage: 'en', personLanguage: null },
      },
    ];
    file = await encryptBackup(drafts, BACKUP_PASS);
  });

  it('refuses any single flipped byte anywhere in the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 100_000 }), fc.integer({ min: 1, max: 255 }), async (index, mask) => {
        const mutated = Uint8Array.from(file);
        const at = index % mutated.length;
        mutated[at] = (mutated[at] ?? 0) ^ mask;
        const outcome = await problemOf(decryptBackup(mutated, BACKUP_PASS));
        expect(outcome, `byte ${at} ^ ${mask}`).not.toBe('accepted');
        expect(outcome, `byte ${at} ^ ${mask} refused as a BackupError`).not.toContain(':');
      }),
      { numRuns: 40 },
    );
    await expect(decryptBackup(file, BACKUP_PASS)).resolves.toHaveLength(1);
  }, 120_000);

  it('refuses every truncation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 100_000 }), async (n) => {
        const cut = n % file.length; // 0 .. length-1 bytes kept
        const outcome = await problemOf(decryptBackup(file.subarray(0, cut), BACKUP_PASS));
        expect(['empty', 'truncated'], `cut at ${cut}`).toContain(outcome);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
