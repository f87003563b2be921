import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HomewardDb } from '../db';
import { createEncryptedCodec } from '../codec';
import { createDraftsRepository } from '../repositories/drafts';
import { KdfParamsError, KeyringError, WrongPassphraseError } from './errors';
import { createKeyring, KEYRING_ID, type Keyring } from './keyring';
import { createKeySession } from './session';

// Each setup/unlock runs the real 600,000-iteration PBKDF2 (~0.2 s here): the minimum is
// enforced, so tests cannot make it cheaper, and they keep derivations few.
const PASS = 'correct horse battery staple';

let db: HomewardDb;
let keyring: Keyring;

beforeEach(() => {
  db = new HomewardDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  keyring = createKeyring(db, { now: () => 1_000 });
});

afterEach(() => {
  db.close();
});

async function storedRow(): Promise<Record<string, unknown>> {
  const row: unknown = await db.table('keyring').get(KEYRING_ID);
  if (typeof row !== 'object' || row === null) throw new Error('no keyring row');
  return row as Record<string, unknown>;
}

async function expectRefused(problem: string): Promise<void> {
  const error: unknown = await keyring.unlock(PASS).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KdfParamsError);
  expect((error as KdfParamsError).problem).toBe(problem);
}

describe('keyring', () => {
  it('sets up once, then unlocks with the passphrase and refuses a wrong one', async () => {
    expect(await keyring.status()).toBe('none');
    await expect(keyring.unlock(PASS)).rejects.toMatchObject({ name: 'KeyringError', problem: 'missing' });

    const dek = await keyring.setup(PASS);
    expect(await keyring.status()).toBe('ready');
    expect(dek.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });

    const row = await storedRow();
    expect(Object.keys(row).sort()).toEqual(['createdAt', 'id', 'kdf', 'rev', 'updatedAt', 'v', 'wrap', 'wrappedKey']);
    expect(row.kdf).toMatchObject({ alg: 'PBKDF2-SHA256', iterations: 600_000, v: 1 });
    expect(row.wrappedKey).toBeInstanceOf(Uint8Array);

    // The key from unlock decrypts what the key from setup encrypted: it is the same data key.
    const iv = new Uint8Array(12);
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, dek, new TextEncoder().encode('hello'));
    const unlocked = await keyring.unlock(PASS);
    expect(new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, unlocked, ct))).toBe('hello');

    await expect(keyring.unlock('correct horse battery stapler')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(keyring.unlock('')).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('never replaces an existing keyring (that would orphan every record)', async () => {
    await keyring.setup(PASS);
    const before = await storedRow();
    await expect(keyring.setup('another')).rejects.toMatchObject({ name: 'KeyringError', problem: 'exists' });
    expect(await storedRow()).toEqual(before);
  });

  it('refuses an empty passphrase and out-of-range iterations at setup', async () => {
    await expect(keyring.setup('')).rejects.toMatchObject({ problem: 'empty-passphrase' });
    await expect(keyring.setup(PASS, { iterations: 599_999 })).rejects.toMatchObject({ name: 'KdfParamsError', problem: 'too-weak' });
    await expect(keyring.setup(PASS, { iterations: 2_000_001 })).rejects.toMatchObject({ name: 'KdfParamsError', problem: 'too-costly' });
    expect(await keyring.status()).toBe('none');
  });

  it('refuses the second of two interleaved passphrase changes (two tabs) instead of losing one', async () => {
    await keyring.setup(PASS);
    const results = await Promise.allSettled([
      createKeyring(db).changePassphrase(PASS, 'from tab A'),
      createKeyring(db).changePassphrase(PASS, 'from tab B'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(KeyringError);
    expect(rejected?.reason).toMatchObject({ problem: 'changed' });
    expect((await storedRow()).rev).toBe(1);
    const winner = results[0]?.status === 'fulfilled' ? 'from tab A' : 'from tab B';
    await expect(keyring.unlock(winner)).resolves.toBeDefined();
  });

  it('hands out a data key that cannot be exported', async () => {
    const fromSetup = await keyring.setup(PASS);
    const fromUnlock = await keyring.unlock(PASS);
    for (const key of [fromSetup, fromUnlock]) {
      expect(key.extractable).toBe(false);
      expect(key.usages.sort()).toEqual(['decrypt', 'encrypt']);
      await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
      await expect(crypto.subtle.exportKey('jwk', key)).rejects.toThrow();
    }
  });

  it('changes the passphrase without re-encrypting: drafts stay readable, the old passphrase stops working', async () => {
    const session = createKeySession(keyring);
    await session.setup(PASS);
    const repo = createDraftsRepository(db, { codec: createEncryptedCodec(session) });
    const draft = await repo.create({ caseRef: 'KA-17', instrumentId: 'i', instrumentVersion: 1, workingLanguage: 'en' });
    const rawBefore: unknown = await db.table('drafts').get(draft.id);
    const rowBefore = await storedRow();

    await keyring.changePassphrase(PASS, 'a new passphrase');
    const rowAfter = await storedRow();
    expect(rowAfter.rev).toBe(1);
    expect(rowAfter.kdf).not.toEqual(rowBefore.kdf); // fresh salt
    expect(rowAfter.wrappedKey).not.toEqual(rowBefore.wrappedKey);
    expect(await db.table('drafts').get(draft.id)).toEqual(rawBefore); // records untouched

    await expect(keyring.unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
    session.lock();
    await session.unlock('a new passphrase');
    expect((await repo.get(draft.id))?.data.caseRef).toBe('KA-17');
  });

  it('refuses a passphrase change with the wrong old passphrase, leaving the keyring as it was', async () => {
    await keyring.setup(PASS);
    const before = await storedRow();
    await expect(keyring.changePassphrase('wrong', 'new one')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await storedRow()).toEqual(before);
  });

  it('keeps the stored iterations on a passphrase change unless raised, and never accepts fewer', async () => {
    await keyring.setup(PASS, { iterations: 700_000 });
    await keyring.changePassphrase(PASS, 'two');
    expect((await storedRow()).kdf).toMatchObject({ iterations: 700_000 });
    await expect(keyring.changePassphrase('two', 'three', { iterations: 310_000 })).rejects.toBeInstanceOf(KdfParamsError);
  });

  it('refuses weaker, unknown or absurd stored parameters before deriving anything (downgrade protection)', async () => {
    await keyring.setup(PASS);
    const row = await storedRow();
    const kdf = row.kdf as Record<string, unknown>;
    const tamper = (patch: Record<string, unknown>) => db.table('keyring').put({ ...row, kdf: { ...kdf, ...patch } });

    await tamper({ iterations: 310_000 });
    await expectRefused('too-weak');
    await tamper({ iterations: 1 });
    await expectRefused('too-weak');
    await tamper({ iterations: 50_000_000 });
    await expectRefused('too-costly');
    await tamper({ alg: 'PBKDF2-SHA1' });
    await expectRefused('unknown');
    await tamper({ v: 2 });
    await expectRefused('unknown');
    await tamper({ salt: new Uint8Array(4) });
    await expectRefused('too-weak');

    // A stronger (still valid) count is accepted as parameters, but derives another key.
    await tamper({ iterations: 600_001 });
    await expect(keyring.unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('reports a damaged or unknown keyring row as damaged, without touching it', async () => {
    await keyring.setup(PASS);
    const row = await storedRow();
    for (const bad of [
      { ...row, v: 2 },
      { ...row, wrappedKey: (row.wrappedKey as Uint8Array).slice(0, 40) },
      { ...row, wrap: { alg: 'AES-KW', iv: new Uint8Array(12) } },
      { ...row, extra: 'field' },
    ]) {
      await db.table('keyring').put(bad);
      await expect(keyring.unlock(PASS)).rejects.toMatchObject({ name: 'KeyringError', problem: 'damaged' });
      expect(await storedRow()).toEqual(bad);
    }
  });

  it('treats a flipped byte in the wrapped key like a wrong passphrase', async () => {
    await keyring.setup(PASS);
    const row = await storedRow();
    const wrappedKey = (row.wrappedKey as Uint8Array).slice();
    wrappedKey[3] = (wrappedKey[3] ?? 0) ^ 0x80;
    await db.table('keyring').put({ ...row, wrappedKey });
    await expect(keyring.unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('keeps nothing persistent but the wrapped key: no raw key bytes anywhere in the database', async () => {
    await keyring.setup(PASS);
    const tables = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const));
    // Every table but the keyring is empty (later Dexie versions add tables; none gets a row here).
    expect(tables.filter(([, rows]) => rows.length > 0).map(([name, rows]) => [name, rows.length])).toEqual([['keyring', 1]]);
    expect(JSON.stringify(tables)).not.toContain(PASS);
  });

  it('survives closing and reopening the database', async () => {
    const factory = new IDBFactory();
    const first = new HomewardDb({ name: 'reopen', indexedDB: factory, IDBKeyRange });
    await createKeyring(first).setup(PASS);
    first.close();
    const second = new HomewardDb({ name: 'reopen', indexedDB: factory, IDBKeyRange });
    try {
      await expect(createKeyring(second).unlock(PASS)).resolves.toBeDefined();
    } finally {
      second.close();
    }
  });
});
