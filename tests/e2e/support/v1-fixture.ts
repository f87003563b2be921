/**
 * The browser suite's fixture device: two drafts of homeward-return version 1 (tests/e2e/fixtures/
 * v1-drafts.json, from v1-drafts.generate.ts: the rows the drafts repository writes, in plaintext as
 * before encryption, which the app seals under its own key at unlock).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from './paths';

export interface V1Fixture {
  readonly dexieVersion: number;
  readonly now: string;
  readonly refs: { readonly keep: string; readonly move: string };
  readonly keepLacks: readonly string[];
  /** Rows of the drafts table, `data` in plaintext (see v1-drafts.generate.ts). */
  readonly drafts: readonly unknown[];
}

export const v1Fixture = JSON.parse(readFileSync(join(repoRoot, 'tests/e2e/fixtures/v1-drafts.json'), 'utf8')) as V1Fixture;

/** The id of the fixture draft with this case reference. */
export function v1DraftId(caseRef: string): string {
  const row = (v1Fixture.drafts as readonly { id?: unknown; data?: { caseRef?: unknown } }[]).find((draft) => draft.data?.caseRef === caseRef);
  if (typeof row?.id !== 'string') throw new Error(`no fixture draft ${caseRef}`);
  return row.id;
}

/**
 * Puts the fixture's rows in the app's drafts table (its own database, which must be at the Dexie
 * version the fixture was written with), then reloads: the harness unlocks with TEST_PASSPHRASE,
 * and the app seals the plaintext rows under its key, as it does for drafts from before encryption.
 */
export async function loadV1Fixture(page: Page): Promise<void> {
  const stored = await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('homeward');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error(String(open.error)));
    });
    const version = db.version;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('drafts', 'readwrite');
      for (const row of rows) tx.objectStore('drafts').put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    db.close();
    return version;
  }, v1Fixture.drafts);
  // Dexie stores version N as IndexedDB version 10·N.
  expect(stored / 10, "the fixture was written at the app's storage version: regenerate it (v1-drafts.generate.ts)").toBe(v1Fixture.dexieVersion);
  await page.reload();
}
