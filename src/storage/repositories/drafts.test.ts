import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HomewardDb } from '../db';
import { DraftConflictError, DraftNotFoundError, DraftSignedOffError, DraftUnreadableError, InvalidDraftDataError } from '../errors';
import { z } from 'zod';
import { draftDataSchema, type DraftData } from '../records';
import { createDraftsRepository, type DraftsRepository } from './drafts';

const newDraft = { caseRef: 'KA-17', instrumentId: 'homeward-return', instrumentVersion: 1, workingLanguage: 'en' };

let db: HomewardDb;
let repo: DraftsRepository;
let clock: number;

beforeEach(() => {
  // A fresh factory per test: no state leaks between cases.
  db = new HomewardDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  clock = 1_000;
  repo = createDraftsRepository(db, { now: () => clock });
});

afterEach(() => {
  db.close();
});

/** Writes rows as-is, bypassing the typed table: stored data is untrusted. */
async function putRaw(...rows: object[]): Promise<void> {
  await db.table('drafts').bulkPut(rows);
}

function dataWith(base: DraftData, answers: DraftData['answers']): DraftData {
  return { ...base, answers, position: { section: 'B' }, personLanguage: 'ro' };
}

describe('drafts repository', () => {
  it('creates a draft with a random id, empty answers and only non-personal fields outside data', async () => {
    const draft = await repo.create(newDraft);
    expect(draft.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(draft).toMatchObject({ status: 'draft', createdAt: 1_000, updatedAt: 1_000, schema: 1 });
    expect(draft.data).toEqual({ caseRef: 'KA-17', answers: {}, position: { section: null }, workingLanguage: 'en', personLanguage: null });

    const raw = await db.drafts.get(draft.id);
    expect(Object.keys(raw ?? {}).sort()).toEqual(
      ['createdAt', 'data', 'id', 'instrumentId', 'instrumentVersion', 'schema', 'status', 'updatedAt'].sort(),
    );
    expect(JSON.stringify({ ...raw, data: null })).not.toContain('KA-17');
  });

  it('keeps the person\'s language chosen when the draft is started, inside the sealed data only', async () => {
    const draft = await repo.create({ ...newDraft, personLanguage: 'ar' });
    expect((await repo.get(draft.id))?.data.personLanguage).toBe('ar');
    const raw = await db.drafts.get(draft.id);
    expect(JSON.stringify({ ...raw, data: null })).not.toContain('"ar"');
  });

  it('gets back what was saved, and undefined for an unknown id', async () => {
    const draft = await repo.create(newDraft);
    clock = 2_000;
    const data = dataWith(draft.data, { A1: 'yes', B2: { special: 'declined' }, C3: ['x', 'y'] });
    const updatedAt = await repo.saveData(draft.id, data);
    expect(updatedAt).toBe(2_000);
    expect(await repo.get(draft.id)).toEqual({ ...draft, updatedAt: 2_000, data });
    expect(await repo.get('no-such-id')).toBeUndefined();
  });

  it('lists summaries only, newest first', async () => {
    const older = await repo.create({ ...newDraft, caseRef: 'old' });
    clock = 5_000;
    const newer = await repo.create({ ...newDraft, caseRef: 'new' });
    clock = 9_000;
    await repo.saveData(older.id, dataWith(older.data, { A1: 'secret answer' }));

    const { drafts, unreadable } = await repo.list();
    expect(unreadable).toEqual([]);
    expect(drafts.map((d) => d.caseRef)).toEqual(['old', 'new']);
    for (const summary of drafts) {
      expect(Object.keys(summary).sort()).toEqual(
        ['caseRef', 'createdAt', 'id', 'instrumentId', 'instrumentVersion', 'status', 'updatedAt'],
      );
    }
    expect(JSON.stringify(drafts)).not.toContain('secret answer');
    expect(drafts[1]?.id).toBe(newer.id);
  });

  it('reports unreadable records by id instead of failing the list', async () => {
    const good = await repo.create(newDraft);
    const base = { status: 'draft', createdAt: 1, updatedAt: 1, instrumentId: 'x', instrumentVersion: 1, schema: 1 };
    // Shapes a newer app, a devtools edit or corruption could leave behind.
    await putRaw(
      { ...base, id: 'future-schema', schema: 2, data: good.data },
      { ...base, id: 'bad-data', data: { caseRef: 42 } },
      { ...base, id: 'no-timestamp', updatedAt: undefined, data: good.data },
    );

    const { drafts, unreadable } = await repo.list();
    expect(drafts.map((d) => d.id)).toEqual([good.id]);
    expect(unreadable.sort()).toEqual(['bad-data', 'future-schema', 'no-timestamp']);
    await expect(repo.get('bad-data')).rejects.toBeInstanceOf(DraftUnreadableError);
  });

  it('never overwrites a record it cannot read', async () => {
    await putRaw({ id: 'future', status: 'draft', createdAt: 1, updatedAt: 1, instrumentId: 'x', instrumentVersion: 1, schema: 2, data: 'opaque' });
    const draft = await repo.create(newDraft);
    await expect(repo.saveData('future', draft.data)).rejects.toBeInstanceOf(DraftUnreadableError);
    expect((await db.drafts.get('future'))?.data).toBe('opaque');
  });

  it('throws DraftConflictError when a stale writer saves over newer input', async () => {
    const draft = await repo.create(newDraft);
    clock = 2_000;
    const tabA = await repo.saveData(draft.id, dataWith(draft.data, { A1: 'newer' }), { expectedUpdatedAt: draft.updatedAt });
    // Tab B still holds the version it loaded at createdAt.
    const stale = repo.saveData(draft.id, dataWith(draft.data, { A1: 'stale' }), { expectedUpdatedAt: draft.updatedAt });
    await expect(stale).rejects.toBeInstanceOf(DraftConflictError);
    await expect(stale).rejects.toMatchObject({ expectedUpdatedAt: 1_000, storedUpdatedAt: tabA });
    expect((await repo.get(draft.id))?.data.answers).toEqual({ A1: 'newer' });
  });

  it('keeps updatedAt strictly increasing even if the clock stands still or goes back', async () => {
    const draft = await repo.create(newDraft);
    const first = await repo.saveData(draft.id, draft.data, { expectedUpdatedAt: draft.updatedAt });
    clock = 500;
    const second = await repo.saveData(draft.id, draft.data, { expectedUpdatedAt: first });
    expect([first, second]).toEqual([1_001, 1_002]);
    await expect(repo.saveData(draft.id, draft.data, { expectedUpdatedAt: first })).rejects.toBeInstanceOf(DraftConflictError);
  });

  it('refuses invalid data without writing, and drops unanswered (undefined) items', async () => {
    const draft = await repo.create(newDraft);
    await expect(repo.saveData(draft.id, dataWith(draft.data, { A1: Number.NaN }))).rejects.toBeInstanceOf(InvalidDraftDataError);
    await expect(repo.saveData(draft.id, dataWith(draft.data, { A1: Number.NaN }))).rejects.toThrow(/answers\.A1/);
    expect((await repo.get(draft.id))?.updatedAt).toBe(1_000);

    await repo.saveData(draft.id, dataWith(draft.data, { A1: 'yes', A2: undefined }));
    expect((await repo.get(draft.id))?.data.answers).toEqual({ A1: 'yes' });
  });

  it('throws DraftNotFoundError when saving a removed draft', async () => {
    const draft = await repo.create(newDraft);
    await repo.remove(draft.id);
    expect(await repo.get(draft.id)).toBeUndefined();
    await expect(repo.saveData(draft.id, draft.data)).rejects.toBeInstanceOf(DraftNotFoundError);
    expect((await repo.list()).drafts).toEqual([]);
  });

  it('duplicates answers under a new id, case reference and timestamps, as a draft', async () => {
    const source = await repo.create(newDraft);
    clock = 2_000;
    await repo.saveData(source.id, dataWith(source.data, { A1: 'yes', R1: [{ action: 'call', due: 3 }] }));
    await repo.setStatus(source.id, 'signed_off');
    clock = 3_000;

    const copy = await repo.duplicate(source.id, 'KA-18');
    expect(copy.id).not.toBe(source.id);
    expect(copy).toMatchObject({ status: 'draft', createdAt: 3_000, updatedAt: 3_000, instrumentId: 'homeward-return', instrumentVersion: 1 });
    expect(copy.data).toEqual({
      caseRef: 'KA-18',
      answers: { A1: 'yes', R1: [{ action: 'call', due: 3 }] },
      position: { section: null },
      workingLanguage: 'en',
      personLanguage: 'ro',
    });
    expect(await repo.get(copy.id)).toEqual(copy);
    expect((await repo.get(source.id))?.data.caseRef).toBe('KA-17');
  });

  it('sets the status, and refuses to change the answers of a signed-off draft', async () => {
    const draft = await repo.create(newDraft);
    clock = 2_000;
    const signedAt = await repo.setStatus(draft.id, 'signed_off', { expectedUpdatedAt: draft.updatedAt });
    expect(await repo.get(draft.id)).toMatchObject({ status: 'signed_off', updatedAt: signedAt, data: draft.data });
    await expect(repo.saveData(draft.id, draft.data)).rejects.toBeInstanceOf(DraftSignedOffError);

    const reopenedAt = await repo.setStatus(draft.id, 'draft', { expectedUpdatedAt: signedAt });
    await expect(repo.saveData(draft.id, draft.data, { expectedUpdatedAt: reopenedAt })).resolves.toBeGreaterThan(reopenedAt);
  });

  it('runs the codec for every write and read, so an encrypting codec can replace it', async () => {
    const seen: string[] = [];
    const wrapped = createDraftsRepository(db, {
      now: () => clock,
      codec: {
        encode: (data, { id, schema }) => {
          seen.push(`encode ${schema}`);
          return Promise.resolve({ sealedFor: id, payload: JSON.stringify(data) });
        },
        decode: (stored, { id }) => {
          seen.push('decode');
          const box = z.object({ sealedFor: z.string(), payload: z.string() }).parse(stored);
          if (box.sealedFor !== id) return Promise.reject(new Error('wrong record'));
          return Promise.resolve(draftDataSchema.parse(JSON.parse(box.payload)));
        },
      },
    });
    const draft = await wrapped.create(newDraft);
    expect(JSON.stringify(await db.drafts.get(draft.id))).not.toContain('"caseRef":"KA-17"}');
    expect((await wrapped.list()).drafts[0]?.caseRef).toBe('KA-17');
    // A row whose envelope belongs to another record fails to decode and is reported.
    await putRaw({ ...(await db.drafts.get(draft.id)), id: 'moved' });
    expect((await wrapped.list()).unreadable).toEqual(['moved']);
    expect(seen.slice(0, 2)).toEqual(['encode 1', 'decode']);
  });
});
