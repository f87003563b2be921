/**
 * Changing the passphrase (issue 4), in a real browser on a real profile: a wrong current
 * passphrase is refused and earns a wait; the change re-wraps the data key (the sealed draft is
 * not rewritten); after a lock the old passphrase is refused and the new one opens the draft.
 * Once the browser is closed, the old wrapping is nowhere in the profile: the keyring file was
 * replaced as a whole, not appended to.
 *
 * "Also replace the data key" (issue 12, docs/adr/0005): drafts, a signing identity and the
 * organisation root survive the replacement and a reload; only the new passphrase opens them;
 * the old data key (unwrapped in Node from the keyring file as it was) opens no stored field;
 * the identity and the root key still sign (checked with OpenSSL). A browser killed while the
 * records are being re-encrypted finishes the job at the next unlock, with its progress on screen;
 * a Quick exit midway, then a record damaged before the next unlock, leaves the old key kept and
 * says so (the notice and Settings checked with axe in every language).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, onTestFinished, test } from 'vitest';
import { encryptBackup, generationOf, type Draft } from '../../src/storage';
import { languages } from '../../src/i18n/languages';
import { tempDir, writeTemp } from '../unit/signing/pdf-tools';
import { BackupPage, wizardShowsMarker } from './pages/backup-page';
import { DraftListPage } from './pages/draft-list-page';
import { IdentityPage } from './pages/identity-page';
import { LockPage, TEST_PASSPHRASE } from './pages/lock-page';
import { SettingsPage } from './pages/settings-page';
import { expectAccessible } from './support/axe';
import { baseURL, launchPersistentApp, viewports } from './support/browser';
import { launchKillable, type KillableBrowser } from './support/crash';
import { damageDraftUnder, fieldReport, keyringFileText, keyringShape, sealedRows, unwrapDataKeys } from './support/data-key';
import { startDraftWithMarker } from './support/marker-draft';
import { newProfileDir } from './support/paths';
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

/** Every file under `dir` with its size and age, for a failure message. */
function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => {
      const info = statSync(join(dir, name));
      return `${name} ${String(info.size)} B, modified ${String(Math.round((Date.now() - info.mtimeMs) / 1000))} s ago`;
    });
  } catch (error) {
    return [String(error)];
  }
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

const ORG = 'Fictional Return Partners';
const REPLACED = 'willow compass amber 73';

/** OpenSSL's verdict on a certificate request's own signature, and the public key it carries. */
function checkRequest(dir: string, name: string, pem: string): { verified: boolean; publicKey: string } {
  const path = writeTemp(dir, name, pem);
  const run = (args: string[]) => execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // OpenSSL 3 exits 0 (and says "Certificate request self-signature verify OK") only for a good signature.
  const verified = (() => {
    try {
      run(['req', '-in', path, '-noout', '-verify']);
      return true;
    } catch {
      return false;
    }
  })();
  return { verified, publicKey: run(['req', '-in', path, '-noout', '-pubkey']) };
}

/** OpenSSL's verdict on an issued certificate file (the certificate, then the root): "…: OK" when the root's key signed it. */
function verifyIssued(dir: string, issued: string): string {
  const end = issued.indexOf('-----END CERTIFICATE-----') + '-----END CERTIFICATE-----\n'.length;
  const leaf = writeTemp(dir, 'leaf.pem', issued.slice(0, end));
  const root = writeTemp(dir, 'root.pem', issued.slice(end));
  try {
    return execFileSync('openssl', ['verify', '-CAfile', root, leaf], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    return String((error as { stdout?: unknown }).stdout ?? error);
  }
}

/** Fictional drafts for a backup: enough records that re-encrypting them takes a visible while. */
function fictionalDrafts(count: number): Draft[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `fictional-${String(i).padStart(4, '0')}`,
    status: 'draft' as const,
    createdAt: 1_767_225_600_000 + i,
    updatedAt: 1_767_225_600_000 + i,
    instrumentId: 'homeward-return',
    instrumentVersion: 1,
    schema: 1,
    data: { caseRef: `HW-BULK-${String(i)}`, answers: { A1: 'yes' }, position: { section: null }, workingLanguage: 'en', personLanguage: null },
  }));
}

describe('replace the data key', () => {
  test('drafts, the identity and the root survive a reload; only the new passphrase opens them; the old key opens nothing stored', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const session = await launchPersistentApp({ autoUnlock: false, label: 'rotate' });
    const { page, origin } = session;
    const lock = new LockPage(page);
    await page.goto(origin);
    await lock.ensureUnlocked(TEST_PASSPHRASE);
    const drafts = [
      { ref: 'CASEREF-rot-1-QW', marker: 'MARKER-rot-1-7c4e-ZP' },
      { ref: 'CASEREF-rot-2-LK', marker: 'MARKER-rot-2-9b1a-XR' },
    ];
    for (const draft of drafts) {
      await page.goto(origin);
      await startDraftWithMarker(page, draft.ref, draft.marker);
    }

    // The organisation root (the authority and a trusted root) and an identity it issued.
    const identity = new IdentityPage(page);
    await identity.open();
    await identity.createRoot(ORG);
    await identity.createIdentity('Dara Fictional', 'Caseworker', ORG);
    expect(await identity.verificationStatus()).toBe(`Verified by ${ORG}`);
    const before = checkRequest(dir, 'before.pem', (await identity.downloadRequest()).text);
    expect(before.verified).toBe(true);

    // The old data key, unwrapped in Node from the keyring file as it is now, opens every stored field.
    const oldFile = await keyringFileText(page);
    expect(keyringShape(oldFile)).toMatchObject({ v: 1, generations: [0] });
    const oldKey = (await unwrapDataKeys(oldFile, TEST_PASSPHRASE)).get(0);
    if (!oldKey) throw new Error('no data key');
    const stored = await fieldReport(await sealedRows(page), oldKey);
    // 2 drafts, the identity, its key-agreement (encryption) key and the authority (data + private
    // key each), the trusted root.
    expect(stored).toEqual({ fields: 9, generations: [0], opened: 9 });

    // The change, with the option ticked: its help says when to use it.
    const protect = new BackupPage(page);
    await expect.poll(() => protect.replaceKeyOption.isChecked()).toBe(false);
    expect(await protect.replaceKeyOption.getAttribute('aria-describedby')).toBeTruthy();
    await protect.changeSection.getByText('Use this if you think someone saw your old passphrase').waitFor();
    const outcome = await protect.replaceDataKey(TEST_PASSPHRASE, REPLACED);
    expect(outcome).toBe('The passphrase was changed and the data key was replaced. The old key is destroyed on this device. Use the new passphrase from now on. Records now encrypted with the new key: 6.');
    for (const [name, size] of [['360 px', viewports.phone], ['laptop', viewports.desktop]] as const) {
      await page.setViewportSize(size);
      await expectAccessible(page, `change passphrase, data key replaced, ${name}`);
    }
    await page.setViewportSize(viewports.phone);

    // Stored now: one key (generation 1) under the new passphrase; every field under it; the old key opens none.
    const newFile = await keyringFileText(page);
    expect(keyringShape(newFile)).toMatchObject({ v: 2, generations: [1], rotation: null });
    await expect(unwrapDataKeys(newFile, TEST_PASSPHRASE)).rejects.toMatchObject({ name: 'WrongPassphraseError' });
    const newKey = (await unwrapDataKeys(newFile, REPLACED)).get(1);
    if (!newKey) throw new Error('no new data key');
    const rows = await sealedRows(page);
    expect(await fieldReport(rows, oldKey), 'fields the old data key still opens').toEqual({ fields: 9, generations: [1], opened: 0 });
    expect(await fieldReport(rows, newKey)).toEqual({ fields: 9, generations: [1], opened: 9 });

    // A reload: the old passphrase is refused, the new one opens every draft.
    await page.reload();
    expect(await lock.settled()).toBe('locked');
    await lock.unlock(TEST_PASSPHRASE);
    await page.getByText('That passphrase is not correct. Check it and try again.').waitFor({ timeout: 30_000 });
    await lock.submit.and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
    await lock.unlock(REPLACED);
    await lock.waitUntilUnlocked();
    const list = new DraftListPage(page);
    for (const draft of drafts) {
      await page.getByRole('navigation').getByRole('link', { name: 'Assessments', exact: true }).click();
      expect((await list.draftReferences()).sort()).toEqual(drafts.map((d) => d.ref).sort());
      await list.resume(draft.ref);
      expect(await wizardShowsMarker(page, draft.marker), `${draft.ref} opens with its answers`).toBe(true);
    }

    // The identity still signs (same key), and so does the organisation root's key.
    await identity.open();
    expect(await identity.verificationStatus()).toBe(`Verified by ${ORG}`);
    const request = await identity.downloadRequest();
    const after = checkRequest(dir, 'after.pem', request.text);
    expect(after).toEqual({ verified: true, publicKey: before.publicKey });
    await identity.chooseRequest(request.text);
    expect(verifyIssued(dir, (await identity.issue()).text)).toMatch(/leaf\.pem: OK$/);

    // On disk: the old wrapping is gone from every file of the profile.
    await session.close();
    const old = keyringShape(oldFile).wrapped[0] ?? '';
    expect(filesHoldingAny(session.profileDir, [Buffer.from(old, 'base64'), Buffer.from(old, 'latin1')]), 'files still holding the old wrapping').toEqual([]);
  });

  test('another tab open on a draft saves what was typed and locks; after the new passphrase its text is there, under the new key', { timeout: 240_000 }, async () => {
    const session = await launchPersistentApp({ autoUnlock: false, label: 'rotate-tabs' });
    const { page, origin, context } = session;
    await page.goto(origin);
    await new LockPage(page).ensureUnlocked(TEST_PASSPHRASE);

    // The other tab: a draft open, with text typed into it.
    const other = await context.newPage();
    await other.goto(origin);
    const otherLock = new LockPage(other);
    await otherLock.ensureUnlocked(TEST_PASSPHRASE);
    const MARKER = 'MARKER-tab-4f2d-QL';
    await startDraftWithMarker(other, 'CASEREF-tab-8s1v-NM', MARKER);
    const box = other.getByRole('main').getByRole('textbox').first();
    await box.press('End');
    await other.keyboard.type(' and words typed just before the key changed');

    await new SettingsPage(page).open();
    expect(await new BackupPage(page).replaceDataKey(TEST_PASSPHRASE, REPLACED)).toMatch(/^The passphrase was changed and the data key was replaced\./);
    // The other tab locked itself (nothing of the case on screen), and the new passphrase opens it.
    await other.locator('main[data-lock-state="locked"]').waitFor({ timeout: 30_000 });
    await otherLock.unlock(REPLACED);
    await otherLock.waitUntilUnlocked();
    await other.getByRole('navigation').getByRole('link', { name: 'Assessments', exact: true }).click();
    await new DraftListPage(other).resume('CASEREF-tab-8s1v-NM');
    expect(await wizardShowsMarker(other, `${MARKER} and words typed just before the key changed`), 'the typed text was saved').toBe(true);

    const key = (await unwrapDataKeys(await keyringFileText(page), REPLACED)).get(1);
    if (!key) throw new Error('no data key');
    expect(await fieldReport(await sealedRows(page), key)).toEqual({ fields: 1, generations: [1], opened: 1 });
  });

  test('a browser killed while re-encrypting finishes at the next unlock; after a Quick exit midway and a damaged record, the old key is kept and the screens say so, in every language', { timeout: 480_000 }, async () => {
    const profile = newProfileDir('rotate-kill');
    onTestFinished(() => profile.remove());
    const origin = baseURL();
    let open: KillableBrowser | null = null;
    onTestFinished(async () => {
      await open?.close();
    });
    const BULK = 400;
    const backup = await encryptBackup(fictionalDrafts(BULK), 'fictional backup passphrase');

    open = await launchKillable(profile.dir, viewports.phone, { autoUnlock: false });
    let page = open.page;
    let lock = new LockPage(page);
    await page.goto(origin);
    await lock.ensureUnlocked(TEST_PASSPHRASE);
    await new SettingsPage(page).open();
    let protect = new BackupPage(page);
    expect(await protect.restore({ name: 'bulk.hwbk', buffer: Buffer.from(backup) }, 'fictional backup passphrase')).toContain('The backup was restored.');

    /** Starts a replacement; resolves once the progress line shows some records, not all, under the new key. */
    async function startAndWaitMidway(current: string, next: string): Promise<void> {
      await protect.currentPassphrase.fill(current);
      await protect.newPassphrase.fill(next);
      await protect.repeatNewPassphrase.fill(next);
      await protect.replaceKeyOption.check();
      await protect.submitReplacement();
      // "Encrypting records with the new key: N of TOTAL." with 0 < N < TOTAL.
      await page.waitForFunction(() => {
        const text = document.querySelector('form [role="status"].lock-progress')?.textContent ?? '';
        const match = /^Encrypting records with the new key: (\d+) of (\d+)\.$/.exec(text);
        return match !== null && Number(match[1]) > 0 && Number(match[1]) < Number(match[2]);
      }, undefined, { polling: 'raf', timeout: 120_000 });
    }

    /** Really midway: the keyring holds both keys under the new passphrase, the records are under both. */
    async function expectMidway(generation: number, indexedDbWhenStopped: string[]): Promise<void> {
      const shape = keyringShape(await keyringFileText(page));
      expect(shape, 'stopped before the rotation finished').toMatchObject({ generations: [generation - 1, generation], rotation: { from: generation - 1, to: generation } });
      const rows = await sealedRows(page);
      // With no rows at all, the browser came back with an empty IndexedDB (its files are listed
      // to tell that apart from rows the app lost); the keyring itself is in OPFS.
      const counts = Object.entries(rows).map(([table, list]) => `${table}: ${String(list.length)}`).join(', ');
      const now = listFiles(join(profile.dir, 'Default', 'IndexedDB')).join('\n');
      const message = `some records re-encrypted, some not yet (rows: ${counts})\nIndexedDB files when stopped:\n${indexedDbWhenStopped.join('\n')}\nnow:\n${now}`;
      expect((await fieldReport(rows)).generations, message).toEqual([generation - 1, generation]);
    }

    // The first replacement: the browser is killed midway (SIGKILL: no pagehide, nothing flushed).
    await startAndWaitMidway(TEST_PASSPHRASE, REPLACED);
    await open.kill();
    const killedWith = listFiles(join(profile.dir, 'Default', 'IndexedDB'));
    open = await launchKillable(profile.dir, viewports.phone, { autoUnlock: false });
    page = open.page;
    lock = new LockPage(page);
    await page.goto(origin);
    expect(await lock.settled()).toBe('locked');
    await expectMidway(1, killedWith);
    // The old passphrase no longer opens; the new one does, and the unlock finishes the job on screen.
    await lock.unlock(TEST_PASSPHRASE);
    await page.getByText('That passphrase is not correct. Check it and try again.').waitFor({ timeout: 30_000 });
    await lock.submit.and(page.locator(':enabled')).waitFor({ timeout: 30_000 });
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as { seenStatus?: string[] }).seenStatus = seen;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[role="status"]')) if (el.textContent) seen.push(el.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await lock.unlock(REPLACED);
    await lock.waitUntilUnlocked();
    const seen = await page.evaluate(() => (window as { seenStatus?: string[] }).seenStatus ?? []);
    expect(seen.some((text) => /^Finishing the replacement of the data key: \d+ of \d+ records encrypted with the new key\.$/.test(text)), seen.join('\n')).toBe(true);
    const finished = keyringFileText(page);
    expect(keyringShape(await finished)).toMatchObject({ generations: [1], rotation: null });
    const key1 = (await unwrapDataKeys(await finished, REPLACED)).get(1);
    if (!key1) throw new Error('no data key');
    expect(await fieldReport(await sealedRows(page), key1)).toEqual({ fields: BULK, generations: [1], opened: BULK });
    await page.getByRole('navigation').getByRole('link', { name: 'Assessments', exact: true }).click();
    expect(await new DraftListPage(page).draftReferences()).toHaveLength(BULK);

    // The second replacement: Quick exit midway, then one record still under the old key is
    // damaged (a disk fault) before the next unlock, which therefore cannot finish.
    const THIRD = 'meadow lantern copper 91';
    await new SettingsPage(page).open();
    protect = new BackupPage(page);
    await startAndWaitMidway(REPLACED, THIRD);
    await lock.quickExitButton.click();
    await page.locator('main[data-lock-state]').waitFor({ state: 'detached' });
    // The rotation stops at its next batch once the key is dropped: wait until nothing moves.
    const snapshot = async () => JSON.stringify(Object.values(await sealedRows(page)).flat().map((row) => generationOf((row as { data?: unknown }).data)));
    let previous = '';
    for (let current = await snapshot(); current !== previous; current = await snapshot()) {
      previous = current;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await expectMidway(2, []);
    await damageDraftUnder(page, 1);
    await page.goto(origin);
    expect(await lock.settled()).toBe('locked');
    await lock.unlock(THIRD);
    await lock.waitUntilUnlocked();
    // In every language: the notice after the unlock and the unfinished replacement in Settings,
    // at 360 px and on a laptop, with zero axe violations.
    for (const { code } of languages) {
      await page.evaluate((c) => localStorage.setItem('homeward.uiLanguage', c), code);
      await page.goto(origin);
      await page.waitForFunction((c) => document.documentElement.lang === c, code);
      await lock.ensureUnlocked(THIRD);
      const notice = page.locator('main .rotation-notice');
      await notice.waitFor({ timeout: 60_000 });
      await page.locator('main h1').first().waitFor();
      for (const [name, size] of [['360 px', viewports.phone], ['laptop', viewports.desktop]] as const) {
        await page.setViewportSize(size);
        await expectAccessible(page, `${code}: the notice after the unlock, ${name}`);
      }
      await page.setViewportSize(viewports.phone);
      await page.goto(`${origin}#/settings`);
      await page.locator('main .settings-section').first().waitFor();
      await page.locator('#change-passphrase-title ~ div .status--warning').waitFor();
      for (const [name, size] of [['360 px', viewports.phone], ['laptop', viewports.desktop]] as const) {
        await page.setViewportSize(size);
        await expectAccessible(page, `${code}: settings with an unfinished replacement, ${name}`);
      }
      await page.setViewportSize(viewports.phone);
    }
    await page.evaluate(() => localStorage.setItem('homeward.uiLanguage', 'en'));
    await page.goto(origin);
    await lock.ensureUnlocked(THIRD);
    await page.getByText('The replacement of the data key has not finished yet.', { exact: false }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Close this message', exact: true }).click();
    await new SettingsPage(page).open();
    protect = new BackupPage(page);
    await protect.finishButton.click();
    await protect.changeSection.getByText('Some records could not be read with the new key (records affected: 1), so the old key is still kept.', { exact: false }).waitFor({ timeout: 60_000 });
    // Both keys are kept; every other record is under the new one.
    expect(keyringShape(await keyringFileText(page))).toMatchObject({ generations: [1, 2], rotation: { from: 1, to: 2 } });
    const report = await fieldReport(await sealedRows(page));
    expect(report.generations).toEqual([1, 2]);
  });
});
