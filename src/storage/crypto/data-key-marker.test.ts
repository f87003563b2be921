/**
 * The write guard: a sealed write names the key generation it was sealed under, and the data key
 * marker (checked inside the write's own transaction) decides whether it may land.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEncryptedCodec, plainCodec } from '../codec';
import { HomewardDb } from '../db';
import { createDraftsRepository } from '../repositories/drafts';
import { writeDataKeyMarker } from './data-key-marker';
import { generationOf } from './envelope';
import { LockedError } from './errors';
import type { DataKeys } from './keyring';
import { createKeySession, type KeySession } from './session';

const draft = { caseRef: 'HW-GUARD-1', instrumentId: 'homeward-return', instrumentVersion: 1, workingLanguage: 'en' };
const newKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

let db: HomewardDb;
beforeEach(() => {
  db = new HomewardDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => {
  db.close();
});

async function session(keys: DataKeys): Promise<KeySession> {
  const result = createKeySession({ unlock: () => Promise.resolve(keys), setup: () => Promise.resolve(keys) });
  await result.unlock('unused');
  return result;
}

async function storedGeneration(id: string): Promise<number | undefined> {
  return generationOf((await db.drafts.get(id))?.data);
}

describe('data key marker', () => {
  it('without a marker (a device that never rotated) any generation writes', async () => {
    const keys = await session({ current: 3, keys: new Map([[3, await newKey()]]), rotation: null });
    const created = await createDraftsRepository(db, { codec: createEncryptedCodec(keys) }).create(draft);
    expect(await storedGeneration(created.id)).toBe(3);
  });

  it('a write sealed under another generation the session holds is sealed again under the marker\'s', async () => {
    const keys = await session({ current: 1, keys: new Map([[0, await newKey()], [1, await newKey()]]), rotation: { from: 0, to: 1 } });
    const repo = createDraftsRepository(db, { codec: createEncryptedCodec(keys) });
    await writeDataKeyMarker(db, 0);
    const created = await repo.create(draft);
    expect(await storedGeneration(created.id), 'the marker still says 0').toBe(0);
    expect(keys.writeKey().generation).toBe(0);
    await writeDataKeyMarker(db, 1);
    await repo.saveData(created.id, { ...created.data, answers: { A1: 'yes' } });
    expect(await storedGeneration(created.id)).toBe(1);
    expect((await repo.get(created.id))?.data.answers).toEqual({ A1: 'yes' });
  });

  it('a session without the marker\'s (newer) key writes nothing and locks', async () => {
    const keys = await session({ current: 0, keys: new Map([[0, await newKey()]]), rotation: null });
    const repo = createDraftsRepository(db, { codec: createEncryptedCodec(keys) });
    const created = await repo.create(draft);
    const before = await db.drafts.get(created.id);
    await writeDataKeyMarker(db, 1);
    await expect(repo.saveData(created.id, { ...created.data, caseRef: 'changed' })).rejects.toBeInstanceOf(LockedError);
    expect(keys.isUnlocked).toBe(false);
    expect(await db.drafts.get(created.id)).toEqual(before);
    await expect(repo.create(draft)).rejects.toBeInstanceOf(LockedError);
    expect(await db.drafts.count()).toBe(1);
  });

  it('does not apply to plaintext values (the plain codec has no key)', async () => {
    await writeDataKeyMarker(db, 5);
    const repo = createDraftsRepository(db, { codec: plainCodec });
    const created = await repo.create(draft);
    await expect(repo.saveData(created.id, { ...created.data, caseRef: 'plain' })).resolves.toBeGreaterThan(0);
  });
});
