import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEncryptedCodec, plainCodec } from './codec';
import { HomewardDb } from './db';
import { DraftUnreadableError } from './errors';
import { EnvelopeError, LockedError } from './crypto/errors';
import { createKeySession, type KeySession } from './crypto/session';
import { createDraftsRepository, type DraftsRepository } from './repositories/drafts';
import type { DraftData } from './records';

// The session is unlocked with a generated non-extractable key: the keyring (and its
// 600,000-iteration PBKDF2) is tested in crypto/keyring.test.ts.
const MARKER = 'MARKER-Ștefan-Milano-7788';
const newDraft = { caseRef: `${MARKER}-ref`, instrumentId: 'homeward-return', instrumentVersion: 1, workingLanguage: 'ro' };

let db: HomewardDb;
let session: KeySession;
let repo: DraftsRepository;

async function unlockedSession(): Promise<KeySession> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const result = createKeySession({ unlock: () => Promise.resolve(key), setup: () => Promise.resolve(key) });
  await result.unlock('unused');
  return result;
}

function withAnswers(data: DraftData): DraftData {
  return { ...data, answers: { A1: 'yes', T1: `${MARKER} was taken to the border`, N1: 42 }, personLanguage: 'ro' };
}

/** Everything stored in the drafts table as text, binary fields decoded both as UTF-8 and byte-for-byte. */
async function rawTableText(): Promise<string> {
  const rows: unknown[] = await db.table('drafts').toArray();
  return JSON.stringify(rows, (_key, value: unknown) =>
    value instanceof Uint8Array ? new TextDecoder().decode(value) + String.fromCharCode(...value) : value,
  );
}

beforeEach(async () => {
  db = new HomewardDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  session = await unlockedSession();
  repo = createDraftsRepository(db, { codec: createEncryptedCodec(session) });
});

afterEach(() => {
  db.close();
});

describe('encrypted codec with the drafts repository', () => {
  it('round-trips drafts and stores only an envelope in data', async () => {
    const draft = await repo.create(newDraft);
    const updatedAt = await repo.saveData(draft.id, withAnswers(draft.data));
    expect(await repo.get(draft.id)).toEqual({ ...draft, updatedAt, data: withAnswers(draft.data) });
    expect((await repo.list()).drafts.map((d) => d.caseRef)).toEqual([newDraft.caseRef]);

    const raw = (await db.drafts.get(draft.id))?.data;
    expect(raw).toMatchObject({ v: 1 });
    expect(Object.keys(raw ?? {}).sort()).toEqual(['ct', 'iv', 'v']);
  });

  it('leaves nothing of a marker string in the raw stored records', async () => {
    const first = await repo.create(newDraft);
    await repo.saveData(first.id, withAnswers(first.data));
    await repo.duplicate(first.id, `${MARKER}-copy`);
    const text = await rawTableText();
    expect(text).toContain('homeward-return'); // the helper does see the plaintext meta
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain('MARKER');
    expect(text).not.toContain('border');
  });

  it('reports a record with one changed byte as unreadable, by id, while the others open', async () => {
    const a = await repo.create({ ...newDraft, caseRef: 'a' });
    const b = await repo.create({ ...newDraft, caseRef: 'b' });
    const c = await repo.create({ ...newDraft, caseRef: 'c' });
    const row = await db.drafts.get(b.id);
    const envelope = row?.data as { ct: Uint8Array };
    envelope.ct[envelope.ct.byteLength - 1] = (envelope.ct[envelope.ct.byteLength - 1] ?? 0) ^ 0x01;
    await db.table('drafts').put(row);

    const { drafts, unreadable } = await repo.list();
    expect(unreadable).toEqual([b.id]);
    expect(drafts.map((d) => d.id).sort()).toEqual([a.id, c.id].sort());
    await expect(repo.get(b.id)).rejects.toBeInstanceOf(DraftUnreadableError);
    await expect(repo.get(b.id)).rejects.toThrow(b.id);
    expect((await repo.get(a.id))?.data.caseRef).toBe('a');
    // The codec itself says which record and why.
    await expect(createEncryptedCodec(session).decode(row?.data, { id: b.id, schema: 1 })).rejects.toMatchObject({
      name: 'EnvelopeError',
      recordId: b.id,
      problem: 'authentication-failed',
    });
  });

  it('does not decrypt a record whose ciphertext was copied from another record', async () => {
    const victim = await repo.create({ ...newDraft, caseRef: 'victim' });
    const source = await repo.create({ ...newDraft, caseRef: 'source' });
    const sourceData = (await db.drafts.get(source.id))?.data;
    await db.drafts.update(victim.id, { data: sourceData });

    expect((await repo.list()).unreadable).toEqual([victim.id]);
    await expect(repo.get(victim.id)).rejects.toBeInstanceOf(DraftUnreadableError);
    expect((await repo.get(source.id))?.data.caseRef).toBe('source');
    const error: unknown = await createEncryptedCodec(session)
      .decode(sourceData, { id: victim.id, schema: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvelopeError);
    expect(error).toMatchObject({ recordId: victim.id });
  });

  it('does not open records under another data key', async () => {
    const draft = await repo.create(newDraft);
    const other = createDraftsRepository(db, { codec: createEncryptedCodec(await unlockedSession()) });
    expect((await other.list()).unreadable).toEqual([draft.id]);
  });

  it('refuses to encode or decode while locked, and writes nothing', async () => {
    const draft = await repo.create(newDraft);
    const before: unknown = await db.drafts.get(draft.id);
    session.lock();
    await expect(repo.saveData(draft.id, withAnswers(draft.data))).rejects.toBeInstanceOf(LockedError);
    await expect(repo.create(newDraft)).rejects.toBeInstanceOf(LockedError);
    expect(await db.drafts.toArray()).toEqual([before]);
    // Locked is not damage: the app asks for the passphrase rather than calling the draft unreadable.
    await expect(repo.get(draft.id)).rejects.toBeInstanceOf(LockedError);
    await expect(repo.list()).rejects.toBeInstanceOf(LockedError);
  });

  it('keeps plaintext and encrypted rows apart: each codec refuses the other format', async () => {
    const plainRepo = createDraftsRepository(db, { codec: plainCodec });
    const plain = await plainRepo.create({ ...newDraft, caseRef: 'plain' });
    const sealed = await repo.create({ ...newDraft, caseRef: 'sealed' });
    expect((await repo.list()).unreadable).toEqual([plain.id]);
    expect((await plainRepo.list()).unreadable).toEqual([sealed.id]);
  });

  it('validates data before sealing it', async () => {
    const draft = await repo.create(newDraft);
    await expect(repo.saveData(draft.id, { ...draft.data, answers: { A1: Number.NaN } })).rejects.toMatchObject({
      name: 'InvalidDraftDataError',
    });
  });
});
