import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HomewardDb } from '../db';
import { createSettingsRepository, defaultSettings, type SettingsRepository } from './settings';

let db: HomewardDb;
let settings: SettingsRepository;

beforeEach(() => {
  db = new HomewardDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  settings = createSettingsRepository(db);
});

afterEach(() => {
  db.close();
});

describe('settings repository', () => {
  it('returns the defaults on a new device', async () => {
    expect(await settings.get()).toEqual(defaultSettings);
  });

  it('stores a setting and reads it back from a new repository instance', async () => {
    expect(await settings.set({ uiLanguage: 'ar' })).toEqual({ uiLanguage: 'ar' });
    expect(await createSettingsRepository(db).get()).toEqual({ uiLanguage: 'ar' });
    await settings.set({ uiLanguage: null });
    expect(await settings.get()).toEqual({ uiLanguage: null });
  });

  it('falls back to the default for a damaged or unknown row instead of failing', async () => {
    await db.table('settings').bulkPut([
      { key: 'uiLanguage', value: 7 },
      { key: 'somethingRemoved', value: true },
    ]);
    expect(await settings.get()).toEqual(defaultSettings);
  });

  it('keeps the idle lock time of this device, 2 to 30 minutes, and ignores a stored value outside that', async () => {
    expect(await settings.set({ idleLockMinutes: 20 })).toEqual({ uiLanguage: null, idleLockMinutes: 20 });
    await expect(settings.set({ idleLockMinutes: 1 })).rejects.toThrow();
    await expect(settings.set({ idleLockMinutes: 31 })).rejects.toThrow();
    await db.table('settings').put({ key: 'idleLockMinutes', value: 600 });
    expect(await settings.get()).toEqual(defaultSettings);
  });

  it('refuses invalid values without writing them', async () => {
    await expect(settings.set({ uiLanguage: '' })).rejects.toThrow();
    expect(await db.settings.count()).toBe(0);
  });
});
