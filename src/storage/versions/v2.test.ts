import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { HomewardDb } from '../db';
import { createKeyring } from '../crypto/keyring';
import { createDraftsRepository } from '../repositories/drafts';
import { createSettingsRepository } from '../repositories/settings';
import { VERSIONS, declareVersions } from './index';
import { v1 } from './v1';

describe('Dexie version 2 (keyring table)', () => {
  it('upgrades a version 1 database holding drafts: every draft still reads back intact', async () => {
    const factory = new IDBFactory();
    const name = 'homeward-upgrade';

    // A device on the shipped version 1, with drafts written by the real repository.
    const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
    declareVersions(old, [v1]);
    // Version 1 had the drafts and settings tables the repositories use; only the typing differs.
    const oldRepo = createDraftsRepository(old as HomewardDb, { now: () => 5_000 });
    const first = await oldRepo.create({ caseRef: 'KA-1', instrumentId: 'homeward-return', instrumentVersion: 1, workingLanguage: 'en' });
    const updatedAt = await oldRepo.saveData(first.id, { ...first.data, answers: { A1: 'yes', B2: ['x'] }, personLanguage: 'ro' });
    await oldRepo.setStatus(first.id, 'signed_off');
    const second = await oldRepo.create({ caseRef: 'KA-2', instrumentId: 'homeward-return', instrumentVersion: 1, workingLanguage: 'fr' });
    await createSettingsRepository(old as HomewardDb).set({ uiLanguage: 'fr' });
    const rowsBefore: unknown[] = await old.table('drafts').toArray();
    expect(old.verno).toBe(1);
    old.close();

    const db = new HomewardDb({ name, indexedDB: factory, IDBKeyRange });
    try {
      await db.open();
      expect(db.verno).toBe(VERSIONS.at(-1)?.version);
      expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['drafts', 'keyring', 'settings']));
      expect(await db.keyring.count()).toBe(0);
      expect(await db.table('drafts').toArray()).toEqual(rowsBefore); // untouched, byte for byte

      const repo = createDraftsRepository(db);
      expect(await repo.get(first.id)).toEqual({
        ...first,
        status: 'signed_off',
        updatedAt: updatedAt + 1,
        data: { ...first.data, answers: { A1: 'yes', B2: ['x'] }, personLanguage: 'ro' },
      });
      expect(await repo.get(second.id)).toEqual(second);
      expect((await repo.list()).unreadable).toEqual([]);
      expect((await createSettingsRepository(db).get()).uiLanguage).toBe('fr');

      // The new table works on the upgraded database.
      expect(await createKeyring(db).status()).toBe('none');
    } finally {
      db.close();
    }
  });
});
