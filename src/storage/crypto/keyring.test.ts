import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HomewardDb } from '../db';
import { createEncryptedCodec } from '../codec';
import { createDraftsRepository } from '../repositories/drafts';
import { KdfParamsError, KeyringError, WrongPassphraseError } from './errors';
import { createKeyring, KEYRING_ID, type DataKeys, type Keyring } from './keyring';
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

/** The one data key of a keyring that never rotated (generation 0). */
function onlyKey(keys: DataKeys): CryptoKey {
  const key = keys.keys.get(0);
  if (!key || keys.keys.size !== 1) throw new Error('expected generation 0 alone');
  return key;
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

    const set = await keyring.setup(PASS);
    expect(set).toMatchObject({ current: 0, rotation: null });
    expect([...set.keys.keys()]).toEqual([0]);
    const dek = onlyKey(set);
    expect(await keyring.status()).toBe('ready');
    expect(dek.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });

    const row = await storedRow();
    expect(Object.keys(row).sort()).toEqual(['createdAt', 'id', 'kdf', 'rev', 'updatedAt', 'v', 'wrap', 'wrappedKey']);
    expect(row.kdf).toMatchObject({ alg: 'PBKDF2-SHA256', iterations: 600_000, v: 1 });
    expect(row.wrappedKey).toBeInstanceOf(Uint8Array);

    // The key from unlock decrypts what the key from setup encrypted: it is the same data key.
    const iv = new Uint8Array(12);
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, dek, new TextEncoder().encode('hello'));
    const unlocked = onlyKey(await keyring.unlock(PASS));
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
    const fromSetup = onlyKey(await keyring.setup(PASS));
    const fromUnlock = onlyKey(await keyring.unlock(PASS));
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

  describe('data key rotation (docs/adr/0005)', () => {
    const NEW = 'a fictional new passphrase';
    const encrypt = async (key: CryptoKey) => crypto.subtle.encrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, new TextEncoder().encode('hello'));
    const decrypts = (key: CryptoKey, ct: ArrayBuffer) =>
      crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(12) }, key, ct).then(() => true, () => false);

    it('begins: the current key and a new one, both under the new passphrase only, with a rotation mark', async () => {
      const old = onlyKey(await keyring.setup(PASS));
      const ct = await encrypt(old);
      const begun = await keyring.beginRotation(PASS, NEW);
      expect(begun).toMatchObject({ current: 1, rotation: { from: 0, to: 1 } });
      const row = await storedRow();
      expect(row).toMatchObject({ v: 2, rev: 1, rotation: { from: 0, to: 1, startedAt: 1_000 } });
      expect((row.keys as { k: number }[]).map((slot) => slot.k)).toEqual([1, 0]);
      expect(await keyring.describe()).toEqual({ current: 1, generations: [0, 1], rotation: { from: 0, to: 1 }, rev: 1 });

      await expect(keyring.unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
      const unlocked = await keyring.unlock(NEW);
      const [zero, one] = [unlocked.keys.get(0), unlocked.keys.get(1)];
      if (!zero || !one) throw new Error('both keys expected');
      expect(await decrypts(zero, ct), 'generation 0 is the same key as before').toBe(true);
      expect(await decrypts(one, ct), 'generation 1 is a new key').toBe(false);
      for (const key of [zero, one]) expect(key.extractable).toBe(false);
    });

    it('finishes: only the new key is left; the old one\'s wrapped bytes are gone from the record', async () => {
      await keyring.setup(PASS);
      await keyring.beginRotation(PASS, NEW);
      const during = await storedRow();
      const oldSlot = (during.keys as { k: number; wrappedKey: Uint8Array }[]).find((slot) => slot.k === 0);
      await keyring.finishRotation({ from: 0, to: 1 });
      const after = await storedRow();
      expect(after).toMatchObject({ v: 2, rotation: null, rev: 2 });
      expect((after.keys as { k: number }[]).map((slot) => slot.k)).toEqual([1]);
      expect(JSON.stringify([...(oldSlot?.wrappedKey ?? [])])).not.toBe('[]');
      const bytes = (value: unknown): number[][] => (value instanceof Uint8Array ? [[...value]] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(bytes) : []);
      expect(bytes(after).map((b) => JSON.stringify(b))).not.toContain(JSON.stringify([...(oldSlot?.wrappedKey ?? [])]));
      expect((await keyring.unlock(NEW)).keys.size).toBe(1);
      // Finishing twice (another tab did it already) is refused, never destructive.
      await expect(keyring.finishRotation({ from: 0, to: 1 })).rejects.toMatchObject({ problem: 'changed' });
      expect(await storedRow()).toEqual(after);
    });

    it('a wrong passphrase begins nothing; a second rotation waits for the first to finish', async () => {
      await keyring.setup(PASS);
      const before = await storedRow();
      await expect(keyring.beginRotation('wrong', NEW)).rejects.toBeInstanceOf(WrongPassphraseError);
      expect(await storedRow()).toEqual(before);
      await keyring.beginRotation(PASS, NEW);
      await expect(keyring.beginRotation(NEW, 'third')).rejects.toMatchObject({ name: 'KeyringError', problem: 'rotating' });
    });

    it('a plain passphrase change during a rotation re-wraps both keys and keeps the mark', async () => {
      await keyring.setup(PASS);
      await keyring.beginRotation(PASS, NEW);
      await keyring.changePassphrase(NEW, 'changed again');
      expect(await keyring.describe()).toMatchObject({ generations: [0, 1], rotation: { from: 0, to: 1 } });
      expect((await keyring.unlock('changed again')).keys.size).toBe(2);
    });

    it('refuses an inconsistent v2 record as damaged, without touching it', async () => {
      await keyring.setup(PASS);
      await keyring.beginRotation(PASS, NEW);
      const row = await storedRow();
      const [first, second] = row.keys as Record<string, unknown>[];
      for (const bad of [
        { ...row, rotation: null }, // two keys, no rotation
        { ...row, keys: [first] }, // a rotation with one key
        { ...row, rotation: { from: 1, to: 0, startedAt: 1 } }, // backwards
        { ...row, rotation: { from: 0, to: 2, startedAt: 1 } }, // names a key it lacks
        { ...row, keys: [first, second, first] },
        { ...row, keys: [{ ...first, k: -1 }, second] },
      ]) {
        await db.table('keyring').put(bad);
        await expect(keyring.unlock(NEW)).rejects.toMatchObject({ name: 'KeyringError', problem: 'damaged' });
        expect(await storedRow()).toEqual(bad);
      }
    });

    it('a slot\'s wrapped key does not open in another slot (the generation is bound to it)', async () => {
      await keyring.setup(PASS);
      await keyring.beginRotation(PASS, NEW);
      const row = await storedRow();
      const slots = row.keys as { k: number }[];
      await db.table('keyring').put({ ...row, keys: slots.map((slot) => ({ ...slot, k: slot.k === 0 ? 1 : 0 })) });
      await expect(keyring.unlock(NEW)).rejects.toBeInstanceOf(WrongPassphraseError);
    });
  });
});
