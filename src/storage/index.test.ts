import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DB_NAME, drafts, keySession, openDb, settings } from './index';

describe('storage entry point', () => {
  it('shares one database between the exported repositories, and the app\'s drafts are sealed', async () => {
    expect(openDb()).toBe(openDb());
    await keySession.setup('a passphrase for this test only', { iterations: 600_000 });
    expect(openDb().name).toBe(DEFAULT_DB_NAME);
    const draft = await drafts.create({ caseRef: 'KA-1', instrumentId: 'homeward-return', instrumentVersion: 1, workingLanguage: 'en' });
    expect(await openDb().drafts.count()).toBe(1);
    expect((await drafts.list()).drafts.map((d) => d.id)).toEqual([draft.id]);
    // Only ciphertext reaches IndexedDB: the case reference is not in the stored row.
    expect(JSON.stringify(await openDb().drafts.get(draft.id))).not.toContain('KA-1');
    await settings.set({ uiLanguage: 'fr' });
    expect(await openDb().settings.get('uiLanguage')).toEqual({ key: 'uiLanguage', value: 'fr' });
  });
});
