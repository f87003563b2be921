/**
 * Panic wipe (issue 4), in a real browser on a real profile. A draft holds a unique marker (in an
 * answer) and a unique case reference; the wrapped data key is read through the page before the
 * wipe. The wipe is done through the settings screen; cancelling first must destroy nothing. Once
 * the browser is closed, no file of the profile may hold the marker or the case reference; the
 * wrapped key's leftover bytes are measured and printed (a known gap, see below). The byte scan is
 * first shown to find the wrapped key in a copy of the profile's IndexedDB taken before the wipe.
 */
import { startDraftWithMarker } from './support/marker-draft';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, onTestFinished, test } from 'vitest';
import { DraftListPage } from './pages/draft-list-page';
import { LockPage } from './pages/lock-page';
import { SettingsPage } from './pages/settings-page';
import { describeViolations, runAxe } from './support/axe';
import { launchPersistentApp } from './support/browser';
import { newProfileDir } from './support/paths';
import { dumpContains, dumpOriginStorage, scanDirectory } from './support/storage-scan';

const MARKER = 'MARKER-wipe-4c1d-RT';
const CASE_REF = 'CASEREF-wipe-8h3v-LM';

/** The stored wrapped data key (keyring row 'primary'), base64, read straight from IndexedDB. */
async function wrappedKeyBase64(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'homeward')) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('homeward');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    try {
      if (!db.objectStoreNames.contains('keyring')) return null;
      const row = await new Promise<unknown>((resolve, reject) => {
        const request = db.transaction('keyring', 'readonly').objectStore('keyring').get('primary');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      const bytes = typeof row === 'object' && row !== null && 'wrappedKey' in row ? row.wrappedKey : null;
      if (!(bytes instanceof Uint8Array)) return null;
      return btoa(String.fromCharCode(...bytes));
    } finally {
      db.close();
    }
  });
}

/** Files under `dir` whose bytes contain `needle` (the existing scanner lists the files). */
function filesHoldingBytes(dir: string, needle: Buffer): string[] {
  return scanDirectory(dir, '\u0000unused\u0000').files.filter((file) => readFileSync(file).includes(needle));
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

    const wrapped = await wrappedKeyBase64(page);
    if (wrapped === null) throw new Error('no wrapped key stored');
    const wrappedBytes = Buffer.from(wrapped, 'base64');
    expect(wrappedBytes.length).toBeGreaterThanOrEqual(32);

    // The byte scan finds the wrapped key in the profile's IndexedDB as it is now.
    const before = newProfileDir('wipe-before');
    onTestFinished(() => before.remove());
    cpSync(join(session.profileDir, 'Default', 'IndexedDB'), join(before.dir, 'IndexedDB'), { recursive: true });
    expect(filesHoldingBytes(before.dir, wrappedBytes).length, 'the scan finds the wrapped key before the wipe').toBeGreaterThan(0);

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
    expect(await wrappedKeyBase64(page)).toBe(wrapped);
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
    expect(await wrappedKeyBase64(page)).toBeNull();
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
    // KNOWN GAP (issue 4, not yet met): Chromium's LevelDB keeps deleted records in its table files
    // until a compaction, so the deleted keyring row (the passphrase-wrapped key) and the sealed
    // draft row can still be on disk after the wipe. They are ciphertext, readable only with the
    // passphrase. This is measured and printed, not asserted, until the wipe destroys a secret that
    // lives outside LevelDB; the issue note says so.
    const leftovers = {
      draftRowFiles: scanDirectory(join(session.profileDir, 'Default', 'IndexedDB'), draftId).hits.length,
      wrappedKeyFiles: filesHoldingBytes(session.profileDir, wrappedBytes).length,
    };
    console.log(`after the wipe, files still holding the sealed draft row / the wrapped key: ${JSON.stringify(leftovers)}`);

    // Back again: set-up, and no drafts.
    const again = await session.restart();
    await again.page.goto(again.origin);
    const lockAgain = new LockPage(again.page);
    expect(await lockAgain.settled()).toBe('setup');
    await lockAgain.ensureUnlocked();
    expect(await new DraftListPage(again.page).draftReferences()).toEqual([]);
  });
});
