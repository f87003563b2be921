/**
 * Issue 16, item 3: files encrypted to the recipient, across three browser profiles. A supervisor's
 * device creates the organisation root and an identity, which gets an encryption certificate at
 * once; it is downloaded from Settings. A caseworker's device trusts the root and adds that
 * certificate to its address book (name, organisation, role, expiry, fingerprint shown; a root
 * refused as a recipient, with the reason). The caseworker signs a summary on the export screen
 * and encrypts it there for the supervisor; it opens on the supervisor's verify screen and is
 * verified as usual; a third organisation's device refuses it as meant for someone else; a flipped byte and a
 * cut are refused with their reasons. OpenSSL's side is proved in src/export/envelope/envelope.test.ts.
 * axe finds nothing on the address book or on the verify screen with the notices.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AddressBookPage } from './pages/address-book-page';
import { ExportPage } from './pages/export-page';
import { VerifyPage } from './pages/verify-page';
import { expectAccessible } from './support/axe';
import { launchBrowser, openApp } from './support/browser';
import { loadV1Fixture, v1DraftId, v1Fixture } from './support/v1-fixture';

const ORG = 'Fictional Shelter Network';
const SUPERVISOR = 'Sam Supervisorfictional';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Chooses a file on the verify screen and returns the encrypted-file notice it shows. */
async function chooseEncrypted(page: Page, bytes: Uint8Array): Promise<string> {
  const verify = new VerifyPage(page);
  const seq = Number(await page.locator('[data-envelope-notice]').getAttribute('data-envelope-notice'));
  await verify.fileInput.setInputFiles({ name: 'assessment-summary.p7m', mimeType: 'application/pkcs7-mime', buffer: Buffer.from(bytes) });
  const notice = page.locator(`[data-envelope-notice="${String(seq + 1)}"]:not(:empty)`);
  await notice.waitFor({ timeout: 60_000 });
  return ((await notice.textContent()) ?? '').trim();
}

/** On the export screen of a finished draft: sign, then encrypt for the one recipient and download. */
async function exportEncrypted(page: Page): Promise<Uint8Array> {
  await loadV1Fixture(page);
  await page.evaluate((hash) => (window.location.hash = hash), `#/draft/${v1DraftId(v1Fixture.refs.move)}/export`);
  const exporter = new ExportPage(page);
  await exporter.waitUntilLoaded();
  await exporter.ensureIdentity({ name: 'Dara Caseworkerfictional', role: 'Caseworker', organisation: ORG });
  await exporter.typeSignature(exporter.caseworkerGroup(), 'the caseworker', 'Dara Caseworkerfictional');
  await exporter.createButton.click();
  await exporter.downloadLink.waitFor({ timeout: 90_000 });
  const send = page.getByRole('region', { name: 'Send encrypted', exact: true });
  const recipient = send.getByRole('combobox', { name: 'Recipient', exact: true });
  await recipient.waitFor();
  expect(await recipient.locator('option').allTextContents()).toEqual([`${SUPERVISOR} (${ORG})`]);
  expect((await send.innerText()).replace(/\s+/g, ' ')).toMatch(/Fingerprint ([0-9A-F]{4} ){15}[0-9A-F]{4}/);
  await send.getByRole('button', { name: 'Encrypt for this recipient', exact: true }).click();
  const link = send.getByRole('link', { name: 'Download encrypted file', exact: true });
  await link.waitFor({ timeout: 30_000 });
  expect(await send.innerText()).toContain(`Encrypted for ${SUPERVISOR}.`);
  await expectAccessible(page, 'export screen, encrypted for a recipient (360 px)');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^assessment-summary-.+\.p7m$/);
  return new Uint8Array(readFileSync(await download.path()));
}

describe('files encrypted to the recipient', () => {
  test('open in the recipient profile, refused in a third profile and when changed, each with a reason', async () => {
    // The supervisor: organisation root, then an identity issued by it, with an encryption certificate.
    const supervisorApp = await openApp(browser, { viewport: 'desktop' });
    const supervisor = new AddressBookPage(supervisorApp.page);
    await supervisor.identity.open();
    await supervisor.identity.createRoot(ORG);
    await supervisor.identity.createIdentity(SUPERVISOR, 'Supervisor', ORG);
    const root = await supervisor.identity.downloadRoot();
    const own = await supervisor.downloadOwnCertificate();
    expect(own.name).toBe('encryption-certificate.pem');
    expect(own.text.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(1);

    // The caseworker's device: trusts the root on purpose, then adds the supervisor as a recipient.
    const caseworkerApp = await openApp(browser, { viewport: 'phone' });
    const caseworker = new AddressBookPage(caseworkerApp.page);
    await caseworker.identity.open();
    await caseworker.section.getByText('No recipients yet.').waitFor();
    expect(await caseworker.addRecipient(own.text)).toContain('not issued by an organisation root trusted on this device');
    await caseworker.identity.importRoot(root.text);
    expect(await caseworker.addRecipient(root.text, 'organisation-root.pem')).toContain('This is not an encryption certificate');
    expect(await caseworker.addRecipient(own.text)).toBe(`Added to the address book: ${SUPERVISOR}.`);
    await caseworker.section.getByRole('listitem').first().waitFor();
    const [entry] = await caseworker.entries();
    expect(entry).toContain(SUPERVISOR);
    expect(entry).toContain(`Organisation ${ORG}`);
    expect(entry).toContain('Role Supervisor');
    expect(entry).toMatch(/Valid until .*\d{4}/);
    expect(entry).toMatch(/Fingerprint ([0-9A-F]{4} ){15}[0-9A-F]{4}/);
    await expectAccessible(caseworkerApp.page, 'address book with a recipient (360 px)');

    // The caseworker signs a summary (a finished draft of the fixture device) and sends it encrypted.
    const encrypted = await exportEncrypted(caseworkerApp.page);

    // The recipient opens it after unlock, and it is verified as any signed file.
    const supervisorVerify = new VerifyPage(supervisorApp.page);
    await supervisorVerify.openFromNav();
    expect(await chooseEncrypted(supervisorApp.page, encrypted)).toBe(`This file was encrypted for ${SUPERVISOR} and was opened on this device. Its signatures are checked below.`);
    await supervisorVerify.result.waitFor({ timeout: 60_000 });
    await supervisorApp.page.getByText('Checking the file on this device…').waitFor({ state: 'detached' });
    expect(await supervisorVerify.signatures.count()).toBe(1);
    expect(await supervisorVerify.resultText()).toContain('The document has not changed since it was signed.');
    await expectAccessible(supervisorApp.page, 'verify screen, encrypted file opened');

    // A flipped byte inside the ciphertext, and a cut: refused with their reasons.
    const flipped = encrypted.slice();
    const at = flipped.length - 100;
    flipped[at] = (flipped[at] ?? 0) ^ 0x01;
    expect(await chooseEncrypted(supervisorApp.page, flipped)).toContain('The file was changed or damaged after it was encrypted.');
    expect(await chooseEncrypted(supervisorApp.page, encrypted.slice(0, encrypted.length - 10))).toContain('The file is damaged, cut short or not an encrypted file.');

    // A third profile, another organisation with its own encryption certificate: not for them.
    const thirdApp = await openApp(browser, { viewport: 'phone' });
    const third = new AddressBookPage(thirdApp.page);
    await third.identity.open();
    await third.identity.createRoot('Other Fictional Network');
    await third.identity.createIdentity('Tam Thirdfictional', 'Receiving organisation (return partner)', 'Other Fictional Network');
    const thirdVerify = new VerifyPage(thirdApp.page);
    await thirdVerify.openFromNav();
    expect(await chooseEncrypted(thirdApp.page, encrypted)).toBe('The encrypted file was not opened. This file was encrypted for someone else. Only the person it was made for can open it.');
    expect(await thirdVerify.result.count(), 'nothing of the file is shown').toBe(0);
    await expectAccessible(thirdApp.page, 'verify screen, encrypted file refused (360 px)');
  });
});
