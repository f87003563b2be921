/**
 * Issue 3: signing identities and the organisation CA without a server, in two browser contexts
 * (two devices): a supervisor creates the organisation root, a caseworker creates an identity and
 * downloads a certificate request, the supervisor issues a certificate from it, and the caseworker
 * imports it and is shown as verified by the organisation. A tampered file, a malformed one and a
 * certificate for another key are refused with their reason and change nothing. Downloads happen
 * under the production CSP (the guard fails the test on any violation or other-origin request).
 * The settings screen with these sections passes axe at 360 px, in English and in Arabic.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IdentityPage } from './pages/identity-page';
import { expectAccessible } from './support/axe';
import { launchBrowser, openApp } from './support/browser';
import type { Browser } from 'playwright-core';

const ORG = 'Fictional Shelter Network';
const CASEWORKER = 'Dara Testperson';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});


/** The certificate file with one base64 character of the issued certificate's signature changed. */
function tamperSignature(file: string): string {
  const end = file.indexOf('-----END CERTIFICATE-----');
  const lines = file.slice(0, end).split('\n');
  const last = lines.length - 2; // the last base64 line of the first (issued) certificate
  const line = lines[last] ?? '';
  lines[last] = line.slice(0, 4) + (line[4] === 'A' ? 'B' : 'A') + line.slice(5);
  return lines.join('\n') + file.slice(end);
}

describe('signing identities and the organisation CA', () => {
  test('request → issue → import between two devices; bad files are refused with a reason', async () => {
    const supervisorApp = await openApp(browser, { viewport: 'desktop' });
    const caseworkerApp = await openApp(browser, { viewport: 'phone' });
    const supervisor = new IdentityPage(supervisorApp.page);
    const caseworker = new IdentityPage(caseworkerApp.page);
    await supervisor.open();
    await caseworker.open();

    // The supervisor creates the organisation root; their own identity is then issued by it.
    await supervisor.createRoot(ORG);
    await supervisor.authoritySection.getByText(`This device holds the organisation root of ${ORG}.`).waitFor();
    expect(await supervisor.trustedRootLabels()).toEqual([ORG]);
    await supervisor.createIdentity('Sam Supervisorfictional', 'Supervisor', ORG);
    expect(await supervisor.verificationStatus()).toBe(`Verified by ${ORG}`);
    const root = await supervisor.downloadRoot();
    expect(root.name).toBe('organisation-root.pem');
    expect(root.text).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);

    // The caseworker's identity starts self-declared; the request downloads as a neutral file name.
    await caseworker.createIdentity(CASEWORKER, 'Caseworker', ORG);
    expect(await caseworker.verificationStatus()).toBe('Identity not verified by an organisation');
    const request = await caseworker.downloadRequest();
    expect(request.name).toBe('certificate-request.pem');
    expect(request.text).toContain('-----BEGIN CERTIFICATE REQUEST-----');
    await expectAccessible(caseworkerApp.page, 'caseworker settings (360 px)');

    // The supervisor sees who the request names, confirms, and downloads certificate.pem.
    const names = await supervisor.chooseRequest(request.text);
    expect(await names.textContent()).toBe(`This request names ${CASEWORKER}, ${ORG}.`);
    await supervisor.authoritySection.getByText(/^Role asked for: Caseworker\. The certificate will name this role/).waitFor();
    await expectAccessible(supervisorApp.page, 'supervisor settings with a request to confirm');
    const issued = await supervisor.issue();
    expect(issued.name).toBe('certificate.pem');
    // The signing certificate, the encryption certificate beside it (issue 16), the root.
    expect(issued.text.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(3);
    expect(issued.text.endsWith(root.text), 'the issued certificate is followed by the root').toBe(true);

    // A certificate for another key: the supervisor's own request, issued by the same root.
    const supervisorRequest = await supervisor.downloadRequest();
    await supervisor.chooseRequest(supervisorRequest.text);
    const forAnotherKey = await supervisor.issue();

    // Refusals: each with its reason; the identity stays unverified and no root is trusted.
    const refusals: [string, string, RegExp][] = [
      ['tampered', tamperSignature(issued.text), /does not match its organisation root/],
      ['malformed', 'this is not a certificate', /not a readable certificate/],
      ['another key', forAnotherKey.text, /issued for another key/],
    ];
    for (const [label, text, reason] of refusals) {
      const message = await caseworker.importCertificate(text);
      expect(message, label).toMatch(/^This file was not imported, and nothing was changed\./);
      expect(message, label).toMatch(reason);
      expect(await caseworker.identitySection.getByRole('alert').count(), `${label} is an alert`).toBe(1);
    }
    expect(await caseworker.verificationStatus()).toBe('Identity not verified by an organisation');
    expect(await caseworker.trustedRootLabels()).toEqual([]);

    // The real file is refused too while its root is not trusted here: the bundled root is never
    // trusted by the import. The message names the organisation and the root's whole fingerprint.
    const notYet = await caseworker.importCertificate(issued.text);
    expect(notYet).toMatch(new RegExp(`was issued by ${ORG}, whose root is not trusted on this device yet\\. Its fingerprint is ([0-9A-F]{4} ){15}[0-9A-F]{4}\\.`));
    expect(await caseworker.trustedRootLabels()).toEqual([]);
    expect(await caseworker.verificationStatus()).toBe('Identity not verified by an organisation');
    const fingerprint = /Its fingerprint is ([0-9A-F ]+)\./.exec(notYet)?.[1] ?? '';

    // Trusting on purpose: the same certificate.pem, in Trusted roots; the dialog shows the
    // organisation and the same whole fingerprint. Cancel trusts nothing; confirming trusts it.
    expect(await caseworker.importRoot(issued.text, () => Promise.resolve(false))).toBe('');
    expect(await caseworker.trustedRootLabels()).toEqual([]);
    const trusted = await caseworker.importRoot(issued.text, async (dialog) => {
      const shown = (await dialog.innerText()).replace(/\s+/g, ' ');
      expect(shown).toContain(ORG);
      expect(shown).toContain(fingerprint);
      await expectAccessible(caseworkerApp.page, 'trust-root dialog (360 px)');
      return true;
    });
    expect(trusted).toBe(`${ORG} is now trusted.`);
    expect(await caseworker.importCertificate(issued.text)).toBe(`Certificate imported. Your identity is verified by ${ORG}.`);
    expect(await caseworker.verificationStatus()).toBe(`Verified by ${ORG}`);
    expect(await caseworker.trustedRootLabels()).toEqual([ORG]);
    await caseworker.rootsSection.getByText(/^Fingerprint: [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}$/).waitFor();
    await expectAccessible(caseworkerApp.page, 'caseworker settings, verified (360 px)');

    // Removing a root asks first; Cancel keeps it; Remove removes it; importing brings it back.
    await caseworker.removeButton(ORG).click();
    const dialog = caseworker.removeDialog(ORG);
    await dialog.waitFor();
    await expectAccessible(caseworkerApp.page, 'remove-root dialog');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await caseworker.trustedRootLabels()).toEqual([ORG]);
    await caseworker.removeButton(ORG).click();
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await caseworker.rootsSection.getByText('No organisation root is trusted on this device yet.').waitFor();
    expect(await caseworker.importRoot(request.text)).toMatch(/^This file was not imported\. The file is not a readable certificate/);
    expect(await caseworker.importRoot(root.text)).toBe(`${ORG} is now trusted.`);
    expect(await caseworker.trustedRootLabels()).toEqual([ORG]);

    // Still verified after a reload (stored sealed, read back after unlock).
    await caseworkerApp.page.reload();
    await caseworker.open();
    expect(await caseworker.verificationStatus()).toBe(`Verified by ${ORG}`);

    // Arabic, right to left, at 360 px.
    await caseworkerApp.page.evaluate(() => localStorage.setItem('homeward.uiLanguage', 'ar'));
    await caseworkerApp.page.reload();
    await caseworkerApp.page.waitForFunction(() => document.documentElement.lang === 'ar');
    expect(await caseworkerApp.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await caseworkerApp.page.goto(`${caseworkerApp.origin}#/settings`);
    await caseworkerApp.page.getByRole('region', { name: 'هويتي للتوقيع', exact: true }).waitFor();
    await caseworkerApp.page.getByText(`تحققت منها ${ORG}`).waitFor();
    await expectAccessible(caseworkerApp.page, 'caseworker settings in Arabic (360 px)');
  });
});
