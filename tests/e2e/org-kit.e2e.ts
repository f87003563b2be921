/**
 * Issue 15, item 8: one-step device set-up from an organisation kit, in two browser profiles. The
 * supervisor's device (organisation root, an identity with an encryption certificate) makes the kit
 * in Settings. A new device imports it: the signing root is not trusted there, so the screen names
 * it with its whole fingerprint (the same one the supervisor's device shows) and nothing changes
 * until the person confirms; then the root is trusted, the supervisor is in the address book and
 * the kit's policy is shown. A kit changed after signing is refused with the reason. axe finds
 * nothing on the confirmation or the imported kit at 360 px.
 */
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { groupedFingerprint } from '../../src/lib/fingerprint';
import { AddressBookPage } from './pages/address-book-page';
import { expectAccessible } from './support/axe';
import { launchBrowser, openApp } from './support/browser';

const ORG = 'Fictional Shelter Network';
const SUPERVISOR = 'Sam Supervisorfictional';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('organisation kit', () => {
  test('made on the supervisor device, imported on a new one after the root fingerprint is confirmed', async () => {
    const supervisorApp = await openApp(browser, { viewport: 'desktop' });
    const supervisor = new AddressBookPage(supervisorApp.page);
    await supervisor.identity.open();
    await supervisor.identity.createRoot(ORG);
    await supervisor.identity.createIdentity(SUPERVISOR, 'Supervisor', ORG);
    const rootFile = await supervisor.identity.downloadRoot();
    // The kit form appears on the device that holds the root, without leaving Settings.
    const kitSection = supervisorApp.page.getByRole('region', { name: 'Organisation kit', exact: true });
    const form = kitSection.getByRole('form', { name: 'Make an organisation kit', exact: true });
    await form.getByRole('textbox', { name: 'Follow-up, days after return', exact: true }).fill('7, 30, 180');
    await form.getByRole('spinbutton', { name: 'Longest idle lock, minutes', exact: true }).fill('10');
    const kit = await supervisor.identity.download(form.getByRole('button', { name: 'Create and download organisation kit', exact: true }));
    expect(kit.name).toBe('organisation-kit.json');

    // A new device: nothing trusted yet.
    const newApp = await openApp(browser, { viewport: 'phone' });
    const fresh = new AddressBookPage(newApp.page);
    await fresh.identity.open();
    const section = newApp.page.getByRole('region', { name: 'Organisation kit', exact: true });
    await section.getByText('This device was not set up from an organisation kit.').waitFor();
    const input = section.getByLabel('Import an organisation kit', { exact: true });

    // Changed after signing: refused with the reason.
    const file = JSON.parse(kit.text) as { content: string };
    const content = Buffer.from(file.content, 'base64').toString('utf8').replace('"maxMinutes":10', '"maxMinutes":30');
    const tampered = JSON.stringify({ ...file, content: Buffer.from(content, 'utf8').toString('base64') });
    const refused = await fresh.identity.outcomeOf(section, () => input.setInputFiles({ name: 'organisation-kit.json', mimeType: 'application/json', buffer: Buffer.from(tampered) }));
    expect(refused).toContain('The kit was not imported, and nothing was changed.');

    // The genuine kit: the root is named with its whole fingerprint before anything is trusted.
    await input.setInputFiles({ name: 'organisation-kit.json', mimeType: 'application/json', buffer: Buffer.from(kit.text) });
    const dialog = newApp.page.getByRole('dialog', { name: `Trust ${ORG}?`, exact: true });
    await dialog.waitFor({ timeout: 30_000 });
    await expectAccessible(newApp.page, 'kit import, confirm the root (360 px)');
    expect(await fresh.identity.trustedRootLabels()).toEqual([]);
    // The whole fingerprint of the root the supervisor handed out, as the dialog must show it.
    const der = Buffer.from(rootFile.text.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    const expected = groupedFingerprint(createHash('sha256').update(der).digest('hex'));
    expect(((await dialog.locator('.fingerprint').textContent()) ?? '').trim()).toBe(expected);
    const message = await fresh.identity.outcomeOf(section, () => dialog.getByRole('button', { name: 'The fingerprint matches: trust this root and import', exact: true }).click());
    expect(message).toBe(`Set up for ${ORG}: 0 more roots trusted, 1 recipients added (0 could not be added).`);
    // The other sections of Settings reload when trust changes.
    await expect.poll(() => fresh.identity.trustedRootLabels()).toEqual([ORG]);
    const facts = (await section.innerText()).replace(/\s+/g, ' ');
    expect(facts).toContain('After 7, 30, and 180 days');
    expect(facts).toContain('From 2 to 10 minutes');
    await expect.poll(async () => (await fresh.entries())[0] ?? '').toContain(SUPERVISOR);
    await expectAccessible(newApp.page, 'kit imported (360 px)');
  });
});
