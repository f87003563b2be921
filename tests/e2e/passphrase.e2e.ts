/**
 * Changing the passphrase (issue 4), in a real browser on a real profile: a wrong current
 * passphrase is refused and earns a wait; the change re-wraps the data key (the sealed draft is
 * not rewritten); after a lock the old passphrase is refused and the new one opens the draft.
 * Once the browser is closed, the old wrapping is nowhere in the profile: the keyring file was
 * replaced as a whole, not appended to.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BackupPage, wizardShowsMarker } from './pages/backup-page';
import { DraftListPage } from './pages/draft-list-page';
import { LockPage, TEST_PASSPHRASE } from './pages/lock-page';
import { SettingsPage } from './pages/settings-page';
import { launchPersistentApp } from './support/browser';
import { startDraftWithMarker } from './support/marker-draft';
import { scanDirectory } from './support/storage-scan';

const MARKER = 'MARKER-pass-6d2e-KW';
const CASE_REF = 'CASEREF-pass-3n8q-TB';
const NEW_PASSPHRASE = 'copper meadow kettle 58';

/** The wrapped data key (base64) in the OPFS keyring file. */
async function wrappedKey(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const file = await (await root.getFileHandle('homeward-keyring.json')).getFile();
    const record = JSON.parse(await file.text()) as { wrappedKey: { $b64: string } };
    return record.wrappedKey.$b64;
  });
}

/** The sealed draft row's ciphertext, base64, read straight from IndexedDB. */
async function sealedRow(page: Page, id: string): Promise<string> {
  return page.evaluate(async (draftId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('homeward');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    try {
      const row = await new Promise<{ data: { ct: Uint8Array } }>((resolve, reject) => {
        const request = db.transaction('drafts', 'readonly').objectStore('drafts').get(draftId);
        request.onsuccess = () => resolve(request.result as { data: { ct: Uint8Array } });
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      return btoa(String.fromCharCode(...row.data.ct));
    } finally {
      db.close();
    }
  }, id);
}

function filesHoldingAny(dir: string, needles: Buffer[]): string[] {
  return scanDirectory(dir, '\u0000unused\u0000').files.filter((file) => {
    const bytes = readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}

describe('change passphrase', () => {
  test('wrong current refused with a wait; after the change the old passphrase fails and the new one opens the drafts', async () => {
    const session = await launchPersistentApp({ autoUnlock: false, label: 'passphrase' });
    const { page, origin } = session;
    const lock = new LockPage(page);
    await page.goto(origin);
    await lock.ensureUnlocked(TEST_PASSPHRASE);
    const { draftId } = await startDraftWithMarker(page, CASE_REF, MARKER);
    const oldWrapped = await wrappedKey(page);
    const rowBefore = await sealedRow(page, draftId);

    const settings = new SettingsPage(page);
    await settings.open();
    const protect = new BackupPage(page);

    // Mistakes caught before anything slow runs.
    await protect.changePassphrase(TEST_PASSPHRASE, NEW_PASSPHRASE, `${NEW_PASSPHRASE}!`);
    await protect.changeSection.getByText('The two passphrases are not the same.').waitFor();
    await protect.changePassphrase(TEST_PASSPHRASE, 'short', 'short');
    await protect.changeSection.getByText('Use at least 8 characters.').waitFor();

    // A wrong current passphrase: refused, nothing changed, and a wait before the next try.
    await protect.changePassphrase('not my passphrase at all', NEW_PASSPHRASE);
    await protect.changeSection.getByRole('alert').getByText('The current passphrase is not correct. Nothing was changed.').waitFor();
    await protect.changeSection.getByText(/You can try again in \d+ seconds?\./).waitFor();
    expect(await protect.changeButton.isDisabled(), 'disabled during the wait').toBe(true);
    expect(await wrappedKey(page)).toBe(oldWrapped);

    // The real change (the helper waits until the button is enabled again).
    await protect.changePassphrase(TEST_PASSPHRASE, NEW_PASSPHRASE);
    await protect.changeSection.getByText('The passphrase was changed. Use the new one from now on.').waitFor();
    expect(await protect.currentPassphrase.inputValue(), 'the form is cleared').toBe('');
    const newWrapped = await wrappedKey(page);
    expect(newWrapped).not.toBe(oldWrapped);
    expect(await sealedRow(page, draftId), 'the draft was not re-encrypted').toBe(rowBefore);

    // Lock: the old passphrase no longer opens; the new one does, and the draft is there.
    await lock.lockButton.click();
    await page.locator('main[data-lock-state="locked"]').waitFor();
    await lock.unlock(TEST_PASSPHRASE);
    await page.getByText('That passphrase is not correct. Check it and try again.').waitFor({ timeout: 30_000 });
    expect(await lock.state()).toBe('locked');
    await lock.submit.and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
    await lock.unlock(NEW_PASSPHRASE);
    await lock.waitUntilUnlocked();
    await page.getByRole('navigation').getByRole('link', { name: 'Assessments', exact: true }).click();
    const list = new DraftListPage(page);
    expect(await list.draftReferences()).toEqual([CASE_REF]);
    await list.resume(CASE_REF);
    expect(await wizardShowsMarker(page, MARKER), 'the new passphrase opens the draft with its answers').toBe(true);

    // On disk: the new wrapping is there, the old one is gone (the file was replaced, not kept).
    await session.close();
    const needles = (b64: string) => [Buffer.from(b64, 'base64'), Buffer.from(b64, 'latin1')];
    expect(filesHoldingAny(session.profileDir, needles(newWrapped)).length, 'the scan finds the current wrapping').toBeGreaterThan(0);
    expect(filesHoldingAny(session.profileDir, needles(oldWrapped)), 'files still holding the old wrapping').toEqual([]);
  });

  test('a key kept in IndexedDB by an earlier version moves into OPFS at start and still opens the drafts', async () => {
    const session = await launchPersistentApp({ autoUnlock: false, label: 'keyring-move' });
    const { page, origin } = session;
    const lock = new LockPage(page);
    await page.goto(origin);
    await lock.ensureUnlocked(TEST_PASSPHRASE);
    await startDraftWithMarker(page, CASE_REF, MARKER);
    const wrapped = await wrappedKey(page);

    // Put the device back as an earlier version left it: the keyring row in IndexedDB, no OPFS file.
    await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const text = await (await (await root.getFileHandle('homeward-keyring.json')).getFile()).text();
      const row = JSON.parse(text, (_key, value: unknown) => {
        const b64 = typeof value === 'object' && value !== null ? (value as { $b64?: unknown }).$b64 : undefined;
        return typeof b64 === 'string' ? Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)) : value;
      }) as unknown;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('homeward');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('keyring', 'readwrite');
        tx.objectStore('keyring').put(row);
        tx.objectStore('keyring').delete('location');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      db.close();
      await root.removeEntry('homeward-keyring.json');
    });

    await page.reload();
    expect(await lock.settled(), 'the app finds the key (no new set-up is offered)').toBe('locked');
    expect(await wrappedKey(page), 'moved into OPFS unchanged').toBe(wrapped);
    const rows = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('homeward');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
        const request = db.transaction('keyring', 'readonly').objectStore('keyring').getAllKeys();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      db.close();
      return keys.map(String);
    });
    expect(rows, 'the IndexedDB row is gone; only the pointer is left').toEqual(['location']);
    await lock.unlock(TEST_PASSPHRASE);
    await lock.waitUntilUnlocked();
    await page.getByRole('navigation').getByRole('link', { name: 'Assessments', exact: true }).click();
    expect(await new DraftListPage(page).draftReferences()).toEqual([CASE_REF]);
  });
});
