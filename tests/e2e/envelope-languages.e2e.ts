/**
 * Issues 15 and 16: the new settings sections (organisation kit with an imported kit and the form
 * to make one, this device's encryption certificate, the address book with a recipient) and the
 * verify screen's notice for an encrypted file it refuses have zero axe violations and do not
 * overflow 360 px sideways, in every shipped language and direction, and at laptop width.
 * Set up once in English (the page objects speak English), then checked per language by URL.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { languages } from '../../src/i18n/languages';
import { AddressBookPage } from './pages/address-book-page';
import { expectAccessible } from './support/axe';
import { launchBrowser, openApp, viewports } from './support/browser';

const ORG = 'Fictional Shelter Network';
/** A DER sequence whose length runs past the file: refused as damaged before any key is used. */
const BROKEN_ENVELOPE = Buffer.from([0x30, 0x82, 0x7f, 0xff, 0x06, 0x09]);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function inLanguage(page: Page, origin: string, code: string, hash: string): Promise<void> {
  await page.goto(`${origin}/${hash}`);
  // A hash change alone keeps the page: reload so the language is read afresh (the harness unlocks).
  await page.reload();
  await page.waitForFunction((c) => document.documentElement.lang === c, code);
  await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
}

test('the encrypted-file and organisation-kit screens pass axe in every language, at 360 px and laptop width', { timeout: 300_000 }, async () => {
  const { page, origin } = await openApp(browser, { viewport: 'phone' });
  const book = new AddressBookPage(page);
  await book.identity.open();
  await book.identity.createRoot(ORG);
  await book.identity.createIdentity('Sam Supervisorfictional', 'Supervisor', ORG);
  const own = await book.downloadOwnCertificate();
  expect(await book.addRecipient(own.text)).toBe('Added to the address book: Sam Supervisorfictional.');
  const kitSection = page.getByRole('region', { name: 'Organisation kit', exact: true });
  const kit = await book.identity.download(kitSection.getByRole('button', { name: 'Create and download organisation kit', exact: true }));
  await book.identity.outcomeOf(kitSection.locator('[data-kit-import]'), () => kitSection.getByLabel('Import an organisation kit', { exact: true }).setInputFiles({ name: kit.name, mimeType: 'application/json', buffer: Buffer.from(kit.text) }));
  await kitSection.getByText(/^From 2 to 15 minutes$/).waitFor();

  for (const { code, dir } of languages) {
    await page.evaluate((c) => localStorage.setItem('homeward.uiLanguage', c), code);
    await inLanguage(page, origin, code, '#/settings');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(dir);
    // The sections load on demand: wait for the address book's entry and the kit's fingerprint.
    await page.locator('.card .fingerprint').first().waitFor();
    await page.locator('section .verify-facts .fingerprint').first().waitFor();
    await expectAccessible(page, `${code} settings with the kit and the address book (360 px)`, 360);
    await page.setViewportSize(viewports.desktop);
    await expectAccessible(page, `${code} settings (laptop)`);
    await page.setViewportSize(viewports.phone);

    await inLanguage(page, origin, code, '#/verify');
    await page.locator('input[type="file"]').setInputFiles({ name: 'file.p7m', mimeType: 'application/pkcs7-mime', buffer: BROKEN_ENVELOPE });
    await page.locator('[data-envelope-notice] [role="alert"]').waitFor();
    await expectAccessible(page, `${code} verify screen, encrypted file refused (360 px)`, 360);
  }
});
