/**
 * Signed summaries end to end. A caseworker completes a golden case offline (after one online visit
 * the origin is gone), exports a signed summary with a drawn signature (mouse strokes on the canvas)
 * and the person's typed one. In a second browser context, another profile, a supervisor verifies
 * it (valid, "identity not verified by an organisation"), reads the embedded assessment, and
 * countersigns it (approve); the countersigned file verifies with both signatures valid. poppler's
 * pdfsig checks every downloaded file (its text is read: it exits 0 even for a bad signature). A
 * byte flipped inside a signed range is reported as modified; a truncated file and a non-PDF are
 * refused with their reason. A second countersignature (return for changes, comments required) keeps
 * all three valid. axe finds nothing on either screen at 360 px and at laptop width.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { countersignPdf } from '../../src/export/signing/sign';
import { selfSignedIdentity, signOptions } from '../unit/signing/identities';
import { detachedTexts, flattenedText, pdfsig, pdfsigBlocks, tempDir, writeTemp } from '../unit/signing/pdf-tools';
import { appendUpdate, findObject } from '../unit/signing/update';
import { DraftListPage } from './pages/draft-list-page';
import { ExportPage } from './pages/export-page';
import { ReviewPage } from './pages/review-page';
import { VerifyPage } from './pages/verify-page';
import { WizardPage } from './pages/wizard-page';
import { describeViolations, runAxe } from './support/axe';
import { launchBrowser, launchPersistentApp, openApp, privateServer, viewports } from './support/browser';
import { loadGoldenCase } from './support/instrument';
import { goOffline, networkIsGone, waitForServiceWorker, waitUntilReadyOffline } from './support/service-worker';

const golden = loadGoldenCase('01-');
const CASE_REF = 'HW-TEST-0501';
const NEUTRAL_NAME = /^assessment-summary-(countersigned-)?\d{4}-\d{2}-\d{2}-[0-9a-z]{6}\.pdf$/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function expectNoViolations(page: Page, where: string): Promise<void> {
  for (const [name, size] of [['360 px', viewports.phone], ['laptop', viewports.desktop]] as const) {
    await page.setViewportSize(size);
    // From the top of the screen: scrolled, a control half under the sticky bar with Quick exit
    // (issue 15) counts as a small target for axe, wherever the screen happens to be scrolled.
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    const violations = await runAxe(page);
    expect(violations, `${where} at ${name}:\n${describeViolations(violations)}`).toEqual([]);
  }
  await page.setViewportSize(viewports.phone);
}

function expectAllValid(path: string, count: number): string[] {
  const text = pdfsig(path);
  const blocks = pdfsigBlocks(text);
  expect(blocks, text).toHaveLength(count);
  for (const block of blocks) expect(block, text).toContain('Signature Validation: Signature is Valid.');
  return blocks;
}

/** Replaces the embedded assessment in an unsigned update, then countersigns on top with a self-made key. */
async function alterAndSign(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = findObject(bytes, /\/Type \/EmbeddedFile/);
  const forged = JSON.stringify({ format: 'homeward-assessment', version: 1, result: { overall: { level: 'low' } } });
  const updated = appendUpdate(bytes, [{ num: stream, body: `<< /Type /EmbeddedFile /Length ${String(forged.length)} >>\nstream\n${forged}\nendstream` }]);
  return countersignPdf(updated, signOptions(await selfSignedIdentity('Someone'), 'Someone', 'Homeward decision: approved'));
}

/** Answers every section of the golden case and arrives on the review screen. */
async function completeCase(page: Page): Promise<void> {
  const wizard = new WizardPage(page);
  await wizard.waitUntilLoaded();
  for (let guard = 0; guard < 20 && !/\/review$/.test(page.url()); guard += 1) {
    await wizard.fillSection(golden.answers);
    const before = page.url();
    await wizard.nextButton.click();
    await page.waitForURL((url) => url.href !== before);
    await wizard.waitUntilStepShown();
  }
  await new ReviewPage(page).waitUntilLoaded();
}

test('a case completed offline is exported signed, then verified and countersigned on another profile', { timeout: 420_000 }, async () => {
  const dir = tempDir();
  const started = performance.now();
  const step = (what: string) => console.log(`${String(Math.round((performance.now() - started) / 1000))} s: ${what}`);

  // The caseworker: one online visit, then offline for good.
  const server = await privateServer();
  const caseworker = await launchPersistentApp({ origin: server.url, label: 'export' });
  const { page } = caseworker;
  await caseworker.context.clock.setFixedTime(new Date(`${golden.now}T12:00:00Z`));
  const list = new DraftListPage(page);
  await list.goto(server.url);
  await waitForServiceWorker(page);
  // The PDF code and fonts are the offline kit, saved after the precache: export offline needs them.
  await waitUntilReadyOffline(page, ['English']);
  await goOffline(caseworker.context, server);
  expect(await networkIsGone(page)).toBe(true);
  await page.reload();
  await list.waitUntilLoaded();
  await list.start(CASE_REF);
  await completeCase(page);

  step('case completed offline');
  await ExportPage.link(page).click();
  const exporter = new ExportPage(page);
  await exporter.waitUntilLoaded();
  await exporter.ensureIdentity({ name: 'Caseworker HW-A', role: 'Caseworker', organisation: 'Homeward Partner NGO (fictional)' });
  await expect.poll(() => exporter.notVerifiedNotice.count()).toBe(1);
  await expect.poll(() => exporter.includeName.isChecked()).toBe(false);
  await exporter.drawSignature('the caseworker');
  await expect.poll(() => exporter.caseworkerGroup().getByRole('status').innerText()).toBe('Signed.');
  await exporter.personAgrees.check();
  const person = exporter.personGroup();
  // The person's name is not ticked for this file: their acknowledgement is recorded without it.
  expect(await person.getByRole('textbox', { name: 'Name', exact: true }).count()).toBe(0);
  await person.getByText(/^The person's name is not included in this file/).waitFor();
  await exporter.typeSignature(person, 'the person', 'Person HW-P (fictional)');
  await expectNoViolations(page, 'export screen, filled in');

  step('export screen filled in');
  const download = await exporter.createAndDownload();
  expect(download.suggestedFilename()).toMatch(NEUTRAL_NAME);
  const summaryPath = join(dir, 'summary.pdf');
  await download.saveAs(summaryPath);
  await expectNoViolations(page, 'export screen, summary ready');
  const summary = readFileSync(summaryPath);
  expect(pdfsigBlocks(pdfsig(summaryPath))[0]).toContain('Signer Certificate Common Name: Caseworker HW-A');
  expectAllValid(summaryPath, 1);
  // The name typed as the person's signature is nowhere in the file (page text, appearances, attachment).
  for (const text of [flattenedText(summaryPath), ...Object.values(detachedTexts(summaryPath))]) expect(text).not.toContain('HW-P');

  step('summary exported and checked with pdfsig');
  // The supervisor, on another profile (another context, its own storage and identity).
  const supervisor = await openApp(browser, { viewport: 'phone' });
  const verify = new VerifyPage(supervisor.page);
  await verify.openFromNav();
  await expectNoViolations(supervisor.page, 'verify screen, empty');

  await verify.open({ name: download.suggestedFilename(), mimeType: 'application/pdf', buffer: summary });
  const verdict = await verify.resultText();
  expect(verdict).toContain('Every signature is valid, but not every signer is vouched for by an organisation this device trusts');
  expect(verdict).toContain('The document has not changed since it was signed.');
  const [first] = await verify.signatureTexts();
  expect(first).toContain('Caseworker HW-A');
  expect(first).toContain('Organisation Homeward Partner NGO (fictional) (claimed by the signer, not verified)');
  expect(first).toContain('Signing time (claimed by the signer)');
  expect(first).toContain('Signature Valid');
  expect(first).toContain('Since this signature Nothing has changed.');
  expect(first).toContain('Self-declared identity: no organisation vouches for it.');
  expect(first).toContain('This signature certifies the document');
  const assessment = (await verify.assessment.innerText()).replace(/\s+/g, ' ');
  expect(assessment).toContain(CASE_REF);
  expect(assessment).toContain(`homeward-return v${String(golden.instrument.version)}`);
  await expectNoViolations(supervisor.page, 'verify screen, verified file');

  step('summary verified by the supervisor');
  await verify.ensureIdentity({ name: 'Supervisor HW-S', role: 'Supervisor', organisation: 'Homeward Partner NGO (fictional)' });
  // The case as src/case judges it: awaiting review; sign-off waits for a signed supervisor review
  // and the receiving organisation's acknowledgement (typed names in the draft count for nothing).
  const caseText = (await verify.caseRegion.innerText()).replace(/\s+/g, ' ');
  expect(caseText).toContain('Awaiting review');
  expect(caseText).toContain('Not ready for sign-off');
  // Nothing is pre-selected; approving is refused while sign-off is blocked, and nothing is signed.
  expect(await verify.countersign.getByRole('radio', { checked: true }).count()).toBe(0);
  await verify.countersign.getByRole('button', { name: 'Sign with my decision' }).click();
  await verify.countersign.getByText('Choose a decision.').waitFor();
  await verify.decide('Approve', 'Plan checked with the return partner.');
  await verify.countersign.getByText(/^You cannot approve this summary yet/).waitFor();
  expect(await supervisor.page.getByRole('link', { name: 'Download the countersigned summary (PDF)' }).count()).toBe(0);
  await expectNoViolations(supervisor.page, 'verify screen, approval refused');

  // Returning for changes needs comments, then signs and draws the decision in the first box.
  await verify.decide('Return for changes');
  await verify.countersign.getByText('Say why: this decision needs your reasons or comments.').waitFor();
  const countersigned = await verify.countersignAndDownload('Return for changes', 'Confirm the reception address first.');
  expect(countersigned.suggestedFilename()).toMatch(NEUTRAL_NAME);
  const countersignedPath = join(dir, 'countersigned.pdf');
  await countersigned.saveAs(countersignedPath);
  const blocks = expectAllValid(countersignedPath, 2);
  expect(blocks[0]).toContain('Not total document signed');
  expect(blocks[1]).toContain('Total document signed');
  expect(blocks[1]).toContain('Signer Certificate Common Name: Supervisor HW-S');
  const drawn = flattenedText(countersignedPath);
  expect(drawn).toContain('Returned for changes By Supervisor HW-S, Supervisor');
  expect(drawn).toContain('Comments: Confirm the reception address first.');

  // The screen verifies the new file at once: both signatures valid, the decision shown; a
  // self-declared supervisor's decision is listed but does not count.
  await expect.poll(() => verify.signatures.count()).toBe(2);
  const [earlier, later] = await verify.signatureTexts();
  expect(earlier).toContain('Signature Valid');
  expect(earlier).toContain('Since this signature Only 1 later signature was added.');
  expect(later).toContain('Supervisor HW-S');
  expect(later).toContain('Signature Valid');
  expect(later).toContain('Decision Returned for changes');
  expect(later).toContain('Comments Confirm the reception address first.');
  const afterReturn = (await verify.caseRegion.innerText()).replace(/\s+/g, ' ');
  expect(afterReturn).toContain('Does not count: no organisation this device trusts vouches for the signer.');
  expect(afterReturn).toContain('Awaiting review');
  await expectNoViolations(supervisor.page, 'verify screen, countersigned file');

  step('countersigned and re-verified');
  // The same countersigned file opened afresh also verifies; a second decision fills the next box.
  const countersignedBytes = readFileSync(countersignedPath);
  await verify.open({ name: 'countersigned.pdf', mimeType: 'application/pdf', buffer: countersignedBytes });
  expect(await verify.resultText()).toContain('Every signature is valid');
  await expect.poll(() => verify.signatures.count()).toBe(2);
  const returned = await verify.countersignAndDownload('Return for changes', 'Also confirm who meets her.');
  const returnedPath = join(dir, 'returned.pdf');
  await returned.saveAs(returnedPath);
  expectAllValid(returnedPath, 3);
  await expect.poll(() => verify.signatures.count()).toBe(3);
  const texts = await verify.signatureTexts();
  expect(texts.slice(0, 2).every((text) => text.includes('Signature Valid'))).toBe(true);
  expect(texts[2]).toContain('Decision Returned for changes');
  expect(texts[2]).toContain('Comments Also confirm who meets her.');
  step('second countersignature added');

  // A byte flipped inside the first signed range (the first page's width, 595.28 → 596.28).
  const at = summary.indexOf('/MediaBox [ 0 0 595');
  expect(at).toBeGreaterThan(0);
  const tampered = Buffer.from(summary);
  tampered[at + '/MediaBox [ 0 0 59'.length] = '6'.charCodeAt(0);
  expect(pdfsig(writeTemp(dir, 'tampered.pdf', tampered))).toContain('Digest Mismatch.');
  await verify.open({ name: 'tampered.pdf', mimeType: 'application/pdf', buffer: tampered });
  expect(await verify.resultText()).toContain('This document was changed after it was signed.');
  expect(await verify.countersign.count()).toBe(0);

  // An altered countersigned file: someone replaced the embedded assessment and signed on top
  // with their own key. Every signature is cryptographically valid; the earlier ones are not.
  const altered = await alterAndSign(readFileSync(returnedPath));
  const alteredPath = writeTemp(dir, 'altered.pdf', altered);
  expectAllValid(alteredPath, 4);
  await verify.open({ name: 'altered.pdf', mimeType: 'application/pdf', buffer: Buffer.from(altered) });
  expect(await verify.resultText()).toContain('This document was changed after it was signed.');
  const alteredTexts = await verify.signatureTexts();
  for (const text of alteredTexts.slice(0, 3)) {
    expect(text).toContain('Document changed after this signature:');
    expect(text).toContain('The embedded assessment was replaced or altered.');
  }
  expect(alteredTexts[3]).toContain('Since this signature Nothing has changed.');
  expect(await verify.assessment.count()).toBe(0);
  expect(await verify.countersign.count()).toBe(0);
  await expectNoViolations(supervisor.page, 'verify screen, altered file');

  await verify.open({ name: 'cut.pdf', mimeType: 'application/pdf', buffer: summary.subarray(0, Math.floor(summary.length * 0.6)) });
  const truncated = await verify.resultText();
  expect(truncated).toContain('This file was refused:');
  expect(truncated).toContain('The file is incomplete');

  await verify.open({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Notes from the meeting, not a PDF at all.') });
  expect(await verify.resultText()).toContain('It is not a PDF file.');
  await expectNoViolations(supervisor.page, 'verify screen, refused file');
  step('tampered, truncated and non-PDF files refused');
});
