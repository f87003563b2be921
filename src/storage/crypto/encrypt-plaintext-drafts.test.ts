import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEncryptedCodec, plainCodec } from '../codec';
import { HomewardDb } from '../db';
import { createDraftsRepository } from '../repositories/drafts';
import { encryptPlaintextDrafts } from './encrypt-plaintext-drafts';
import { LockedError } from './errors';
import { createKeySession, type KeySession } from './session';

const MARKER = 'MARKER-pre-encryption-4411';
const input = { caseRef: MARKER, instrumentId: 'homeward-return', instrumentVersion: 1, workingLanguage: 'en' };

let db: HomewardDb;
let session: KeySession;

beforeEach(async () => {
  db = new HomewardDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  session = createKeySession({ unlock: () => Promise.resolve(key), setup: () => Promise.resolve(key) });
  await session.unlock('unused');
});

afterEach(() => {
  db.close();
});

describe('encryptPlaintextDrafts', () => {
  it('seals every plaintext draft in place; the encrypted repository then reads them all', async () => {
    const plain = createDraftsRepository(db, { codec: plainCodec });
    const a = await plain.create(input);
    const b = await plain.create({ ...input, caseRef: 'other' });
    await plain.setStatus(b.id, 'signed_off');
    const encrypted = createDraftsRepository(db, { codec: createEncryptedCodec(session) });
    const c = await encrypted.create({ ...input, caseRef: 'already sealed' });
    await db.table('drafts').put({ id: 'junk', schema: 9 });
    const metaOf = (rows: object[]) => rows.map((row) => ({ ...row, data: null }));
    const metaBefore = metaOf(await db.drafts.toArray());

    const result = await encryptPlaintextDrafts(db, session);
    expect(result.encrypted.sort()).toEqual([a.id, b.id].sort());
    expect(result.changedMeanwhile).toEqual([]);
    expect(metaOf(await db.drafts.toArray())).toEqual(metaBefore);

    const { drafts, unreadable } = await encrypted.list();
    expect(unreadable).toEqual(['junk']);
    expect(drafts.map((d) => d.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect((await encrypted.get(a.id))?.data).toEqual(a.data);
    expect(JSON.stringify(await db.drafts.toArray())).not.toContain(MARKER);

    expect(await encryptPlaintextDrafts(db, session)).toEqual({ encrypted: [], changedMeanwhile: [] });
  });

  it('needs the key: while locked it throws LockedError and writes nothing', async () => {
    const a = await createDraftsRepository(db, { codec: plainCodec }).create(input);
    session.lock();
    await expect(encryptPlaintextDrafts(db, session)).rejects.toBeInstanceOf(LockedError);
    expect((await db.drafts.get(a.id))?.data).toEqual(a.data);
  });
});
