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

    // A device on the shipped version 1, with drafts as version 1 wrote them (plain data: today's
    // repository seals and checks the data key marker in the keyring table, which version 1 lacks).
    const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
    declareVersions(old, [v1]);
    const meta = { instrumentId: 'homeward-return', instrumentVersion: 1, schema: 1 } as const;
    const first = { ...meta, id: 'draft-1', status: 'signed_off', createdAt: 5_000, updatedAt: 5_002 };
    const firstData = { caseRef: 'KA-1', answers: { A1: 'yes', B2: ['x'] }, position: { section: null }, workingLanguage: 'en', personLanguage: 'ro' };
    const second = { ...meta, id: 'draft-2', status: 'draft', createdAt: 5_000, updatedAt: 5_000 };
    const secondData = { caseRef: 'KA-2', answers: {}, position: { section: null }, workingLanguage: 'fr', personLanguage: null };
    await old.table('drafts').bulkAdd([{ ...first, data: firstData }, { ...second, data: secondData }]);
    // Version 1 had the settings table the repository uses; only the typing differs.
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
      expect(await repo.get(first.id)).toEqual({ ...first, data: firstData });
      expect(await repo.get(second.id)).toEqual({ ...second, data: secondData });
      expect((await repo.list()).unreadable).toEqual([]);
      expect((await createSettingsRepository(db).get()).uiLanguage).toBe('fr');

      // The new table works on the upgraded database.
      expect(await createKeyring(db).status()).toBe('none');
    } finally {
      db.close();
    }
  });
});
