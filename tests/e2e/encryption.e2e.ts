/**
 * Encryption at rest, lock and quick exit, in a real browser on a real profile. A draft holds a
 * unique marker (typed into an answer) and a unique case reference; after the browser is closed,
 * neither may be found in anything the origin stores (IndexedDB, Cache Storage, localStorage) nor
 * in any file of the profile directory, in UTF-8 or UTF-16LE. Each scanner is first shown to find
 * the marker where it was deliberately planted, so a "not found" cannot be a broken scanner.
 */
import { startDraftWithMarker } from './support/marker-draft';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { DraftListPage, draftIdFromUrl } from './pages/draft-list-page';
import { LockPage, TEST_PASSPHRASE } from './pages/lock-page';
import { describeViolations, runAxe } from './support/axe';
import { launchBrowser, launchPersistentApp, openApp } from './support/browser';
import { newProfileDir } from './support/paths';
import { dumpContains, dumpOriginStorage, scanDirectory } from './support/storage-scan';

const MARKER = 'MARKER-7f3a-QX';
const CASE_REF = 'CASEREF-9k2w-ZP';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the scanners find a planted marker', () => {
  test('the page dump finds it in IndexedDB bytes (UTF-8 and UTF-16LE), Cache Storage and localStorage', async () => {
    const { page } = await openApp(browser, { autoUnlock: false });
    const planted = async (where: 'idb8' | 'idb16' | 'cache' | 'local'): Promise<boolean> => {
      await page.evaluate(
        async ({ marker, where: place }) => {
          if (place === 'local') {
            localStorage.setItem('canary', marker);
            return;
          }
          if (place === 'cache') {
            await (await caches.open('canary')).put('/canary.txt', new Response(new TextEncoder().encode(marker)));
            return;
          }
          const bytes =
            place === 'idb8' ? new TextEncoder().encode(marker) : new Uint8Array(Uint16Array.from(marker, (c) => c.charCodeAt(0)).buffer);
          await new Promise<void>((resolve, reject) => {
            const open = indexedDB.open(`canary-${place}`, 1);
            open.onupgradeneeded = () => open.result.createObjectStore('rows');
            open.onsuccess = () => {
              const tx = open.result.transaction('rows', 'readwrite');
              tx.objectStore('rows').put({ data: bytes }, 'row');
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error ?? new Error('write failed'));
            };
            open.onerror = () => reject(open.error ?? new Error('open failed'));
          });
        },
        { marker: MARKER, where },
      );
      const found = dumpContains(await dumpOriginStorage(page), MARKER);
      await page.evaluate(async () => {
        localStorage.clear();
        await caches.delete('canary');
        for (const db of await indexedDB.databases()) if (db.name?.startsWith('canary')) indexedDB.deleteDatabase(db.name);
      });
      return found;
    };
    expect(dumpContains(await dumpOriginStorage(page), MARKER), 'clean page').toBe(false);
    expect(await planted('idb8')).toBe(true);
    expect(await planted('idb16')).toBe(true);
    expect(await planted('cache')).toBe(true);
    expect(await planted('local')).toBe(true);
  });

  test('the profile scan finds it planted in a scratch copy of a profile, in UTF-8 and UTF-16LE', () => {
    const scratch = newProfileDir('scan-scratch');
    onTestFinished(() => scratch.remove());
    mkdirSync(join(scratch.dir, 'Default', 'IndexedDB'), { recursive: true });
    writeFileSync(join(scratch.dir, 'Default', 'IndexedDB', 'clean.log'), Buffer.from('nothing to see'));
    expect(scanDirectory(scratch.dir, MARKER).hits).toEqual([]);
    const copy = newProfileDir('scan-copy');
    onTestFinished(() => copy.remove());
    cpSync(scratch.dir, copy.dir, { recursive: true });
    const utf8 = join(copy.dir, 'Default', 'IndexedDB', 'planted-utf8.ldb');
    const utf16 = join(copy.dir, 'Default', 'planted-utf16.log');
    writeFileSync(utf8, Buffer.concat([Buffer.from([0, 1, 2, 255]), Buffer.from(MARKER, 'utf8'), Buffer.from([7, 8])]));
    writeFileSync(utf16, Buffer.concat([Buffer.from([9, 9]), Buffer.from(MARKER, 'utf16le')]));
    expect(scanDirectory(copy.dir, MARKER).hits.sort()).toEqual([utf16, utf8].sort());
  });
});

describe('encryption at rest, lock and quick exit', () => {
  test('set-up, lock, wrong passphrase, unlock, quick exit; then nothing of the case is on disk', async () => {
    const session = await launchPersistentApp({ autoUnlock: false, label: 'encryption' });
    const { page, origin } = session;
    const lock = new LockPage(page);
    await page.goto(origin);

    // First run: choose a passphrase (twice), with a strength hint; too short and mismatch are refused.
    expect(await lock.settled()).toBe('setup');
    await page.getByRole('heading', { level: 1, name: 'Choose a passphrase' }).waitFor();
    await page.getByText('Nobody can recover a forgotten passphrase').waitFor();
    expect(await page.getByRole('button', { name: 'Lock', exact: true }).count(), 'no Lock before set-up').toBe(0);
    const setupViolations = await runAxe(page);
    expect(setupViolations, describeViolations(setupViolations)).toEqual([]);
    await lock.newPassphrase.fill('short1');
    await page.getByText('Too short').waitFor();
    await lock.repeatPassphrase.fill('short1');
    await lock.submit.click();
    await page.getByText('Use at least 8 characters.', { exact: true }).waitFor();
    await lock.newPassphrase.fill(TEST_PASSPHRASE);
    await page.getByText('Good length.').waitFor();
    await lock.repeatPassphrase.fill(`${TEST_PASSPHRASE}!`);
    await lock.submit.click();
    await page.getByText('The two passphrases are not the same.').waitFor();
    expect(await lock.state()).toBe('setup');
    await lock.setUp();
    await lock.waitUntilUnlocked();

    // A draft with the marker in an answer.
    const { draftId, wizard } = await startDraftWithMarker(page, CASE_REF, MARKER);
    const list = new DraftListPage(page);
    const sectionUrl = page.url();
    expect(draftIdFromUrl(sectionUrl)).toBe(draftId);

    // Lock: the case leaves the DOM, and back/forward shows nothing of it.
    await lock.lockButton.click();
    await page.locator('main[data-lock-state="locked"]').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Homeward is locked' }).waitFor();
    const lockedHtml = async (): Promise<string> => page.evaluate(() => document.documentElement.outerHTML);
    expect(await lockedHtml()).not.toContain(MARKER);
    expect(await lockedHtml()).not.toContain(CASE_REF);
    expect(await page.title()).not.toContain(CASE_REF);
    await page.goBack();
    expect(page.url().startsWith(origin), 'still in the app').toBe(true);
    expect(await lock.state()).toBe('locked');
    expect(await lockedHtml()).not.toContain(CASE_REF);
    await page.goForward();
    expect(await lock.state()).toBe('locked');
    expect(await lockedHtml()).not.toContain(MARKER);
    expect(await lock.currentPassphrase.getAttribute('autocomplete')).toBe('current-password');
    const lockViolations = await runAxe(page);
    expect(lockViolations, describeViolations(lockViolations)).toEqual([]);

    // A wrong passphrase is refused, with a wait before the next try (never a lock-out).
    await lock.unlock('not the right passphrase');
    await page.getByRole('alert').filter({ hasText: 'That passphrase is not correct.' }).waitFor();
    expect(await lock.state()).toBe('locked');
    await page.getByText(/You can try again in \d+ seconds?\./).waitFor();
    expect(await lockedHtml()).not.toContain(MARKER);

    // The right one restores the case.
    await lock.ensureUnlocked();
    await page.goto(sectionUrl);
    await wizard.waitUntilLoaded();
    await expect.poll(() => page.getByRole('main').getByRole('textbox').first().inputValue()).toBe(MARKER);

    // Quick exit by Escape × 3: a neutral page at once, the URL loses the draft, a reload asks for the passphrase.
    const description = await lock.quickExitButton.evaluate((el) => {
      const id = el.getAttribute('aria-describedby') ?? '';
      return document.getElementById(id)?.textContent ?? '';
    });
    expect(description).toContain('press Escape three times');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
    expect(await page.title()).toBe('Notes');
    expect(await lockedHtml()).not.toContain(MARKER);
    expect(await lockedHtml()).not.toContain(CASE_REF);
    expect(page.url()).not.toContain(draftId);
    expect(await page.locator('main[data-lock-state]').count(), 'nothing of the app is left').toBe(0);
    await page.reload();
    expect(await lock.settled()).toBe('locked');

    // Quick exit by the header button works too.
    await lock.ensureUnlocked();
    await list.waitUntilLoaded();
    await lock.quickExitButton.click();
    await page.getByText('Nothing here yet.').waitFor();
    expect(await lockedHtml()).not.toContain(CASE_REF);
    await page.reload();
    expect(await lock.settled()).toBe('locked');

    // What the origin stores, read back through the page: rows are there, the marker is not.
    const dump = await dumpOriginStorage(page);
    expect(dump, 'the dump includes the drafts store and this draft').toContain(draftId);
    expect(dump).toContain('/keyring:');
    expect(dumpContains(dump, MARKER), 'marker in IndexedDB, Cache Storage or localStorage').toBe(false);
    expect(dumpContains(dump, CASE_REF), 'case reference in IndexedDB, Cache Storage or localStorage').toBe(false);

    // The profile on disk once the browser is closed.
    await session.close();
    for (const marker of [MARKER, CASE_REF]) {
      const scan = scanDirectory(session.profileDir, marker);
      expect(scan.files.some((f) => f.includes('IndexedDB')), 'the scan reads the IndexedDB files').toBe(true);
      expect(scan.hits, `files holding ${marker}`).toEqual([]);
    }
  });
});
