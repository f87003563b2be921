/**
 * Encrypted backup and restore (issue 4), in real browsers. Two drafts with unique markers are
 * backed up from one profile through Settings; the downloaded file has a neutral name and holds
 * none of the markers. In a second, fresh profile (its own passphrase and one draft of its own) a
 * tampered copy and a wrong passphrase are refused with their reasons and change nothing; then
 * the real file restores both drafts, whose markers show in the wizard. Settings with these
 * sections (including error and success messages) pass axe at 360 px, in English and in Arabic.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BackupPage, wizardShowsMarker } from './pages/backup-page';
import { DraftListPage } from './pages/draft-list-page';
import { SettingsPage } from './pages/settings-page';
import { expectAccessible } from './support/axe';
import { launchBrowser, openApp } from './support/browser';
import { startDraftWithMarker } from './support/marker-draft';

const DRAFTS = [
  { caseRef: 'CASEREF-bk-1-7Hq2', marker: 'MARKER-backup-one-5Rt9' },
  { caseRef: 'CASEREF-bk-2-Lm4x', marker: 'MARKER-backup-two-8Wc3' },
] as const;
const OWN_REF = 'CASEREF-bk-own-Zq6v';
const BACKUP_PASSPHRASE = 'orchid tunnel pepper 71';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});


async function listedReferences(page: Page): Promise<string[]> {
  await page.getByRole('navigation').getByRole('link', { name: 'Assessments', exact: true }).click();
  return (await new DraftListPage(page).draftReferences()).sort();
}

describe('encrypted backup', () => {
  test('round trip into a fresh profile; a tampered file and a wrong passphrase change nothing', async () => {
    // The phone with the drafts.
    const first = await openApp(browser, { viewport: 'phone' });
    for (const { caseRef, marker } of DRAFTS) {
      await new DraftListPage(first.page).goto(first.origin);
      await startDraftWithMarker(first.page, caseRef, marker);
    }
    await new SettingsPage(first.page).open();
    const firstBackup = new BackupPage(first.page);
    await firstBackup.backupSection.getByText('Signing identities and other settings are not in the file.').waitFor();
    const download = await firstBackup.backUp(BACKUP_PASSPHRASE);
    const fileName = download.suggestedFilename();
    expect(fileName).toMatch(/^homeward-backup-\d{4}-\d{2}-\d{2}\.hwbk$/);
    const file = readFileSync(await download.path());
    await firstBackup.backupSection.getByText(`Backup saved as ${fileName}. Assessments in it: 2.`).waitFor();
    for (const { caseRef, marker } of DRAFTS) {
      for (const secret of [caseRef, marker]) {
        expect(file.includes(Buffer.from(secret, 'utf8')), `${secret} in the backup file`).toBe(false);
        expect(file.includes(Buffer.from(secret, 'utf16le')), `${secret} in the backup file (UTF-16)`).toBe(false);
      }
    }
    await expectAccessible(first.page, 'settings after a backup', 360);

    // Another phone: fresh profile, its own passphrase (the harness sets it up) and one draft.
    const second = await openApp(browser, { viewport: 'phone' });
    const ownList = new DraftListPage(second.page);
    await ownList.waitUntilLoaded();
    await ownList.start(OWN_REF);
    await new SettingsPage(second.page).open();
    const restore = new BackupPage(second.page);

    // Tampered: one bit of the ciphertext changed.
    const tampered = Buffer.from(file);
    const at = tampered.length - 40;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const tamperedOutcome = await restore.restore({ name: fileName, buffer: tampered }, BACKUP_PASSPHRASE);
    expect(tamperedOutcome).toContain('The backup file was changed or damaged after it was made.');
    expect(tamperedOutcome).toContain('Nothing was changed on this device.');

    // Cut short, as an interrupted copy would leave it.
    const truncatedOutcome = await restore.restore({ name: fileName, buffer: file.subarray(0, file.length - 100) }, BACKUP_PASSPHRASE);
    expect(truncatedOutcome).toContain('The backup file is incomplete.');

    // The right file with the wrong passphrase.
    const wrongOutcome = await restore.restore({ name: fileName, buffer: file }, 'not the backup passphrase');
    expect(wrongOutcome).toContain('This passphrase does not open this backup.');
    expect(await restore.restorePassphrase.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(second.page, 'settings with a refused restore', 360);
    expect(await listedReferences(second.page), 'refused files changed nothing').toEqual([OWN_REF]);

    // The real restore.
    await new SettingsPage(second.page).open();
    const outcome = await restore.restore({ name: fileName, buffer: file }, BACKUP_PASSPHRASE);
    expect(outcome).toContain('The backup was restored.');
    expect(outcome).toContain('Assessments added: 2');
    expect(outcome).toContain('Added as copies beside a different version: 0');
    await expectAccessible(second.page, 'settings after a restore', 360);

    // Restoring the same file again adds nothing (both drafts are already here, unchanged).
    const again = await restore.restore({ name: fileName, buffer: file }, BACKUP_PASSPHRASE);
    expect(again).toContain('Assessments added: 0');
    expect(again).toContain('Already on this device, left as they were: 2');

    expect(await listedReferences(second.page)).toEqual([...DRAFTS.map((d) => d.caseRef), OWN_REF].sort());
    for (const { caseRef, marker } of DRAFTS) {
      await new DraftListPage(second.page).goto(second.origin);
      await new DraftListPage(second.page).resume(caseRef);
      expect(await wizardShowsMarker(second.page, marker), `${marker} restored into ${caseRef}`).toBe(true);
    }

    // Arabic, right to left: the same settings screen passes axe and fits 360 px.
    await second.page.evaluate(() => localStorage.setItem('homeward.uiLanguage', 'ar'));
    await second.page.goto(`${second.origin}#/settings`);
    await second.page.reload(); // the language is read at start; the harness unlocks again
    await second.page.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
    await second.page.getByRole('region', { name: 'نسخة احتياطية من التقييمات', exact: true }).waitFor();
    await second.page.getByRole('region', { name: 'الاستعادة من نسخة احتياطية', exact: true }).waitFor();
    await second.page.getByRole('region', { name: 'تغيير عبارة المرور', exact: true }).waitFor();
    await expectAccessible(second.page, 'settings in Arabic', 360);
  });
});
