import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DB_NAME, drafts, openDb, settings } from './index';

describe('storage entry point', () => {
  it('shares one database between the exported repositories', async () => {
    expect(openDb()).toBe(openDb());
    expect(openDb().name).toBe(DEFAULT_DB_NAME);
    const draft = await drafts.create({ caseRef: 'KA-1', instrumentId: 'homeward-return', instrumentVersion: 1, workingLanguage: 'en' });
    expect(await openDb().drafts.count()).toBe(1);
    expect((await drafts.list()).drafts.map((d) => d.id)).toEqual([draft.id]);
    await settings.set({ uiLanguage: 'fr' });
    expect(await openDb().settings.get('uiLanguage')).toEqual({ key: 'uiLanguage', value: 'fr' });
  });
});
