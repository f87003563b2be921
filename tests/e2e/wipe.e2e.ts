/**
 * Panic wipe (issue 4), in a real browser on a real profile. A draft holds a unique marker (in an
 * answer) and a unique case reference; the wrapped data key is read through the page before the
 * wipe (it lives in the Origin Private File System, docs/adr/0004, and never in IndexedDB). The
 * wipe is done through the settings screen; cancelling first must destroy nothing. Once the
 * browser is closed, no file of the profile may hold the marker, the case reference or the
 * wrapped key (as raw bytes or as the base64 the keyring file stores). The byte scan is first
 * shown to find the wrapped key in the live profile before the wipe, so "not found" after it
 * means something.
 */
import { startDraftWithMarker } from './support/marker-draft';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DraftListPage } from './pages/draft-list-page';
import { LockPage } from './pages/lock-page';
import { SettingsPage } from './pages/settings-page';
import { describeViolations, runAxe } from './support/axe';
import { launchPersistentApp } from './support/browser';
import { dumpContains, dumpOriginStorage, scanDirectory } from './support/storage-scan';

const MARKER = 'MARKER-wipe-4c1d-RT';
const CASE_REF = 'CASEREF-wipe-8h3v-LM';

interface StoredKey {
  /** The wrapped data key (base64) from the OPFS keyring file, or null if there is none. */
  opfs: string | null;
  /** True if IndexedDB has a keyring row holding a wrapped key (it must not: OPFS is the home). */
  indexedDbRow: boolean;
}

/** Where the wrapped data key is stored, read straight from OPFS and IndexedDB through the page. */
async function storedKey(page: Page): Promise<StoredKey> {
  return page.evaluate(async () => {
    let opfs: string | null;
    try {
      const root = await navigator.storage.getDirectory();
      const file = await (await root.getFileHandle('homeward-keyring.json')).getFile();
      const record = JSON.parse(await file.text()) as { wrappedKey?: { $b64?: string } };
      opfs = record.wrappedKey?.$b64 ?? null;
    } catch {
      opfs = null;
    }
    let indexedDbRow = false;
    if ((await indexedDB.databases()).some((d) => d.name === 'homeward')) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('homeward');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      try {
        if (db.objectStoreNames.contains('keyring')) {
          const rows = await new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction('keyring', 'readonly').objectStore('keyring').getAll();
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error ?? new Error('read failed'));
          });
          indexedDbRow = rows.some((row) => typeof row === 'object' && row !== null && 'wrappedKey' in row);
        }
      } finally {
        db.close();
      }
    }
    return { opfs, indexedDbRow };
  });
}

/** Files under `dir` holding any of `needles` (bytes). */
function filesHoldingAny(dir: string, needles: Buffer[]): string[] {
  return scanDirectory(dir, '\u0000unused\u0000').files.filter((file) => {
    const bytes = readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}

describe('panic wipe', () => {
  test('cancel destroys nothing; erase removes the case from the app and its words from the disk', async () => {
    const session = await launchPersistentApp({ autoUnlock: false, label: 'wipe' });
    const { page, origin } = session;
    const lock = new LockPage(page);
    await page.goto(origin);
    expect(await lock.settled()).toBe('setup');
    const settings = new SettingsPage(page);
    expect(await settings.navLink.count(), 'no Settings before set-up').toBe(0);
    await lock.ensureUnlocked();

    // A draft with the marker in an answer.
    const { draftId } = await startDraftWithMarker(page, CASE_REF, MARKER);
    const list = new DraftListPage(page);

    const key = await storedKey(page);
    expect(key.indexedDbRow, 'the wrapped key is never stored in IndexedDB').toBe(false);
    const wrapped = key.opfs;
    if (wrapped === null) throw new Error('no wrapped key stored in OPFS');
    const wrappedBytes = Buffer.from(wrapped, 'base64');
    expect(wrappedBytes.length).toBeGreaterThanOrEqual(32);
    // On disk the key may be raw bytes or the base64 text of the keyring file: look for both.
    const keyNeedles = [wrappedBytes, Buffer.from(wrapped, 'latin1')];

    // The byte scan finds the wrapped key in the live profile as it is now.
    const holdersBefore = filesHoldingAny(session.profileDir, keyNeedles);
    expect(holdersBefore.length, 'the scan finds the wrapped key before the wipe').toBeGreaterThan(0);

    // Settings, from the header; the screen and the dialog pass axe at phone width.
    await settings.open();
    await settings.eraseSection.getByText('This cannot be undone.').waitFor();
    const screenViolations = await runAxe(page);
    expect(screenViolations, describeViolations(screenViolations)).toEqual([]);
    await settings.openDialog();
    expect(await settings.confirmButton.isDisabled(), 'disabled until the word is typed').toBe(true);
    const dialogViolations = await runAxe(page);
    expect(dialogViolations, describeViolations(dialogViolations)).toEqual([]);
    await settings.confirmWord.fill('ERAS');
    expect(await settings.confirmButton.isDisabled()).toBe(true);
    await settings.confirmWord.fill('erase');
    expect(await settings.confirmButton.isEnabled()).toBe(true);

    // Cancel destroys nothing: same key, the draft is still listed.
    await settings.cancelButton.click();
    await settings.dialog.waitFor({ state: 'hidden' });
    expect(await lock.state()).toBe('unlocked');
    expect((await storedKey(page)).opfs).toBe(wrapped);
    await page.getByRole('navigation').getByRole('link', { name: 'Assessments', exact: true }).click();
    expect(await list.draftReferences()).toEqual([CASE_REF]);

    // Erase: the app restarts on first-run set-up.
    await settings.open();
    await settings.openDialog();
    expect(await settings.confirmWord.inputValue(), 'the word is asked again').toBe('');
    await settings.confirmWord.fill('ERASE');
    await settings.confirmButton.click();
    await page.locator('main[data-lock-state="setup"]').waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { level: 1, name: 'Choose a passphrase' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/');
    expect(await storedKey(page)).toEqual({ opfs: null, indexedDbRow: false });
    const dump = await dumpOriginStorage(page);
    expect(dump).not.toContain(draftId);
    expect(dumpContains(dump, MARKER)).toBe(false);
    expect(dumpContains(dump, CASE_REF)).toBe(false);
    expect(dump.includes(wrapped)).toBe(false);

    // The profile on disk once the browser is closed: neither the case's words nor its reference
    // may be anywhere (they were only ever stored sealed).
    await session.close();
    for (const marker of [MARKER, CASE_REF]) {
      const scan = scanDirectory(session.profileDir, marker);
      expect(scan.files.some((f) => f.includes('IndexedDB')), 'the scan reads the IndexedDB files').toBe(true);
      expect(scan.hits, `files holding ${marker}`).toEqual([]);
    }
    // Nor the wrapped key, in any form: it lived only in the OPFS file, which the wipe unlinked.
    expect(filesHoldingAny(session.profileDir, keyNeedles), 'files still holding the wrapped key').toEqual([]);
    // LevelDB may still hold the deleted (sealed) draft row until a compaction: ciphertext under a
    // data key that no longer exists anywhere. Measured and printed for the record.
    const sealedRowFiles = scanDirectory(join(session.profileDir, 'Default', 'IndexedDB'), draftId).hits.length;
    const before = holdersBefore.map((f) => relative(session.profileDir, f)).join(', ');
    console.log(`after the wipe: files holding the wrapped key 0 (before: ${before}); files still holding the sealed draft row ${sealedRowFiles}`);

    // Back again: set-up, and no drafts.
    const again = await session.restart();
    await again.page.goto(again.origin);
    const lockAgain = new LockPage(again.page);
    expect(await lockAgain.settled()).toBe('setup');
    await lockAgain.ensureUnlocked();
    expect(await new DraftListPage(again.page).draftReferences()).toEqual([]);
  });
});
