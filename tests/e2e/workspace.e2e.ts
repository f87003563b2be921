/**
 * Issue 14, as three people on three devices (three browser profiles) would meet it. A supervisor
 * creates the organisation's root; the caseworker and the return partner are issued certificates
 * by it and trust it. The caseworker exports a summary with an answer missing; in "Received cases"
 * the supervisor finds it awaiting their decision, cannot approve it (what blocks sign-off is
 * named), and returns it with comments. On the caseworker's device the returned file reopens the
 * draft with the comments on its card and in the wizard; the next export is a new version that
 * names the one it replaces. The supervisor sees what changed; the partner accepts the hand-over
 * (accept / decline only, no approve); the supervisor approves once nothing blocks sign-off; the
 * approved file, brought back to the caseworker, signs the draft off: read only, no second export,
 * "Start a new version" offered. Every file is checked with pdfsig (every signature valid) and its
 * render shows each decision. The supervisor's own summary cannot be decided by the supervisor's
 * key. The new screens pass axe at 360 px and desktop in every language, and no title, URL or file
 * name carries a case reference.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { languages } from '../../src/i18n/languages';
import { groupedFingerprint } from '../../src/lib/fingerprint';
import { flattenedText, pdfsig, pdfsigBlocks, tempDir } from '../unit/signing/pdf-tools';
import { fieldRect } from '../unit/summary/fields';
import { inkInRect, pageCount } from '../unit/summary/poppler';
import { DraftListPage } from './pages/draft-list-page';
import { ExportPage } from './pages/export-page';
import { IdentityPage } from './pages/identity-page';
import { ReceivedPage, type PickedFile } from './pages/received-page';
import { ReviewPage } from './pages/review-page';
import { VerifyPage, type Handover } from './pages/verify-page';
import { WizardPage } from './pages/wizard-page';
import { expectAccessibleAtBothWidths } from './support/axe';
import { launchBrowser, openApp, viewports, type AppSession } from './support/browser';
import { itemLabel, loadGoldenCase } from './support/instrument';

const golden = loadGoldenCase('01-');
const ORG = 'Homeward Partner NGO (fictional)';
const REF = 'HW-TEST-1401';
const OWN_REF = 'HW-TEST-1402';
const LEFT_OUT = 'A5.interpreter';
const NEUTRAL_NAME = /^assessment-summary-(countersigned-)?\d{4}-\d{2}-\d{2}-[0-9a-z]{6}\.pdf$/;
const HANDOVER = { metBy: 'Pat Partner, caseworker, Homeward Partner NGO (fictional)', firstNight: 'Shelter North-3 (fictional)', firstContact: '2026-12-02' };
const RETURN_COMMENTS = 'Record how the interpreter took part, then send it again.';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function expectNoViolations(page: Page, where: string): Promise<void> {
  await expectAccessibleAtBothWidths(page, where, viewports);
}

/** A profile whose clock stands at the golden case's day, so every certificate and date agrees. */
async function profile(viewport: 'phone' | 'desktop'): Promise<AppSession> {
  const app = await openApp(browser, { viewport });
  await app.context.clock.setFixedTime(new Date(`${golden.now}T12:00:00Z`));
  await app.page.reload();
  return app;
}

/** Trusts the organisation's root and imports a certificate the supervisor issues for this device's identity. */
async function joinOrganisation(member: IdentityPage, supervisor: IdentityPage, root: string, name: string, role: string): Promise<void> {
  await member.open();
  expect(await member.importRoot(root)).toBe(`${ORG} is now trusted.`);
  await member.createIdentity(name, role, ORG);
  const request = await member.downloadRequest();
  await supervisor.chooseRequest(request.text);
  const issued = await supervisor.issue();
  expect(await member.importCertificate(issued.text)).toBe(`Certificate imported. Your identity is verified by ${ORG}.`);
}

/** Answers every section with `answers` and arrives on the review screen. */
async function completeCase(page: Page, answers: typeof golden.answers): Promise<void> {
  const wizard = new WizardPage(page);
  await wizard.waitUntilLoaded();
  for (let guard = 0; guard < 20 && !/\/review$/.test(page.url()); guard += 1) {
    await wizard.fillSection(answers);
    const before = page.url();
    await wizard.nextButton.click();
    await page.waitForURL((url) => url.href !== before);
    await wizard.waitUntilStepShown();
  }
  await new ReviewPage(page).waitUntilLoaded();
}

/** From the review screen: export with a drawn signature and save the file. */
async function exportSummary(page: Page, dir: string, name: string): Promise<{ path: string; file: PickedFile }> {
  await ExportPage.link(page).click();
  const exporter = new ExportPage(page);
  await exporter.waitUntilLoaded();
  await exporter.drawSignature('the caseworker');
  const download = await exporter.createAndDownload();
  expect(download.suggestedFilename()).toMatch(NEUTRAL_NAME);
  const path = join(dir, name);
  await download.saveAs(path);
  return { path, file: { name: download.suggestedFilename(), mimeType: 'application/pdf', buffer: readFileSync(path) } };
}

/** pdfsig: exactly `count` signatures, every one valid. */
function expectAllValid(path: string, count: number): string[] {
  const text = pdfsig(path);
  const blocks = pdfsigBlocks(text);
  expect(blocks, text).toHaveLength(count);
  for (const block of blocks) expect(block, text).toContain('Signature Validation: Signature is Valid.');
  return blocks;
}

/** The decision is drawn where a reader looks: its words in the flattened page, ink in its box. */
function expectDrawnDecision(path: string, bytes: Uint8Array, box: number, words: string): void {
  expect(flattenedText(path)).toContain(words);
  const last = pageCount(path);
  expect(inkInRect(path, last, fieldRect(bytes, `Signature${String(box)}`)), `ink in decision box ${String(box)}`).toBeGreaterThan(0.01);
}

async function saveCountersigned(verify: VerifyPage, dir: string, name: string, decision: string, comments = '', handover?: Handover): Promise<{ path: string; file: PickedFile }> {
  const download = await verify.countersignAndDownload(decision, comments, handover);
  expect(download.suggestedFilename()).toMatch(NEUTRAL_NAME);
  const path = join(dir, name);
  await download.saveAs(path);
  return { path, file: { name: download.suggestedFilename(), mimeType: 'application/pdf', buffer: readFileSync(path) } };
}

/** Nothing of the case in the tab's title or address. */
async function expectNothingPersonal(page: Page): Promise<void> {
  expect(await page.title()).not.toContain('HW-TEST');
  expect(page.url()).not.toContain('HW-TEST');
}

test('caseworker, supervisor and partner take a case from export to sign-off on three devices', { timeout: 600_000 }, async () => {
  const dir = tempDir();
  const started = performance.now();
  const step = (what: string) => console.log(`${String(Math.round((performance.now() - started) / 1000))} s: ${what}`);

  const supervisorApp = await profile('desktop');
  const caseworkerApp = await profile('phone');
  const partnerApp = await profile('phone');
  const supervisorIdentity = new IdentityPage(supervisorApp.page);
  await supervisorIdentity.open();
  await supervisorIdentity.createRoot(ORG);
  await supervisorIdentity.createIdentity('Sam Supervisor (fictional)', 'Supervisor', ORG);
  const root = (await supervisorIdentity.downloadRoot()).text;
  await joinOrganisation(new IdentityPage(caseworkerApp.page), supervisorIdentity, root, 'Caseworker HW-A', 'Caseworker');
  await joinOrganisation(new IdentityPage(partnerApp.page), supervisorIdentity, root, 'Pat Partner (fictional)', 'Receiving organisation (return partner)');
  step('three identities issued by one organisation root');

  // The caseworker exports a summary with one answer left out.
  const cw = caseworkerApp.page;
  const list = new DraftListPage(cw);
  await list.goto(caseworkerApp.origin);
  const draftId = await list.start(REF);
  const incomplete = Object.fromEntries(Object.entries(golden.answers).filter(([code]) => code !== LEFT_OUT));
  await completeCase(cw, incomplete);
  const first = await exportSummary(cw, dir, 'first.pdf');
  expectAllValid(first.path, 1);
  step('first version exported');

  // The supervisor brings it in: kept, listed as awaiting their decision, and not approvable.
  const sv = supervisorApp.page;
  const received = new ReceivedPage(sv);
  await received.openFromNav();
  await expectNoViolations(sv, 'received cases, empty');
  const [kept] = await received.importFiles([first.file]);
  expect(kept).toContain('File 1 verifies and is kept.');
  await received.filter('Awaiting my decision').check();
  expect(await received.cardText(REF)).toContain('Awaiting review');
  expect(await received.cardText(REF)).toContain('Caseworker HW-A');
  await received.filter('Returned for changes').check();
  expect(await received.card(REF).count()).toBe(0);
  await received.filter('All cases').check();
  await expectNoViolations(sv, 'received cases, one case');
  await expectNothingPersonal(sv);
  await received.openCase(REF);
  await expectNothingPersonal(sv);
  const state = await received.regionText('Where the case stands');
  expect(state).toContain('Awaiting review');
  expect(state).toContain('Not ready for sign-off');
  const assessment = await received.regionText('The assessment');
  expect(assessment).toContain('1 answer missing');
  expect(assessment).toContain('Not answered');
  const verify = new VerifyPage(sv);
  expect(await verify.countersign.getByRole('radio', { checked: true }).count()).toBe(0);
  await verify.decide('Approve', 'Looks complete.');
  await verify.countersign.getByText(/^You cannot approve this summary yet/).waitFor();
  expect(await sv.getByRole('link', { name: 'Download the countersigned summary (PDF)' }).count()).toBe(0);
  await expectNoViolations(sv, 'received case, approval refused');
  const returned = await saveCountersigned(verify, dir, 'returned.pdf', 'Return for changes', RETURN_COMMENTS);
  expectAllValid(returned.path, 2);
  expectDrawnDecision(returned.path, returned.file.buffer, 2, 'Returned for changes');
  step('returned for changes by the supervisor');

  // Back on the caseworker's device: the return reopens the draft, with the comments shown.
  const cwReceived = new ReceivedPage(cw);
  await cwReceived.openFromNav();
  const [loop] = await cwReceived.importFiles([returned.file]);
  expect(loop).toContain('This concerns an assessment made on this device: Returned for changes.');
  await list.goto(caseworkerApp.origin);
  const card = (await list.card(REF).innerText()).replace(/\s+/g, ' ');
  expect(card).toContain('Returned for changes');
  expect(card).toContain(`Comments: ${RETURN_COMMENTS}`);
  await list.resume(REF);
  const wizard = new WizardPage(cw);
  await wizard.waitUntilLoaded();
  const notice = cw.getByRole('note').filter({ hasText: 'Returned for changes.' });
  await notice.waitFor();
  expect(await notice.innerText()).toContain(RETURN_COMMENTS);
  await cw.goto(`${caseworkerApp.origin}#/draft/${draftId}/A`);
  await wizard.waitUntilStepShown();
  // The answer reveals the questions that follow from it; the caseworker answers those too.
  await wizard.fillSection(golden.answers);
  await wizard.waitUntilSaved();
  await wizard.openReview();
  await new ReviewPage(cw).waitUntilLoaded();
  const second = await exportSummary(cw, dir, 'second.pdf');
  expectAllValid(second.path, 1);
  expect(flattenedText(second.path)).toContain('Replaces the earlier version with fingerprint (SHA-256)');
  step('second version exported after the return');

  // The supervisor sees the new version and what changed since the one they opened.
  await received.backToList();
  await received.importFiles([second.file]);
  expect(await received.cardText(REF)).toContain('new version since you last looked');
  await received.openCase(REF);
  const changes = await received.regionText('What changed');
  // The interpreter's mode and the two questions it reveals (asked only with an interpreter present).
  const changedCodes = Object.keys(golden.answers).filter((code) => code.startsWith('A5.'));
  expect(changes).toContain(`${String(changedCodes.length)} answers changed`);
  for (const code of changedCodes) expect(changes).toContain(itemLabel(code));
  expect(await received.regionText('Versions')).toMatch(/Version 1, signed .*Replaced by a newer version.*Version 2, signed .*Awaiting review/);
  await expectNoViolations(sv, 'received case, a new version');
  step('the supervisor compared the versions');

  // The partner brings in the second version and may only accept or decline the hand-over.
  const pt = partnerApp.page;
  const partnerReceived = new ReceivedPage(pt);
  await partnerReceived.openFromNav();
  await partnerReceived.importFiles([second.file]);
  await partnerReceived.openCase(REF);
  const partnerVerify = new VerifyPage(pt);
  await partnerVerify.countersign.getByRole('radio').first().waitFor();
  const choices = await partnerVerify.countersign.getByRole('radio').evaluateAll((radios) => radios.map((r) => (r instanceof HTMLInputElement ? (r.labels?.[0]?.textContent ?? '') : '')));
  expect(choices).toEqual(['Accept the hand-over (receiving organisation)', 'Decline the hand-over (receiving organisation)']);
  // Accepting needs who meets the person, the first night and the first contact.
  await partnerVerify.decide('Accept the hand-over (receiving organisation)', 'We meet her at the airport.');
  await partnerVerify.countersign.getByText('To accept the hand-over, say who meets the person').waitFor();
  const accepted = await saveCountersigned(partnerVerify, dir, 'accepted.pdf', 'Accept the hand-over (receiving organisation)', 'We meet her at the airport.', HANDOVER);
  expectAllValid(accepted.path, 2);
  expectDrawnDecision(accepted.path, accepted.file.buffer, 2, 'Hand-over accepted');
  expect(flattenedText(accepted.path)).toContain(`Met by: ${HANDOVER.metBy} First night: ${HANDOVER.firstNight} First contact: ${HANDOVER.firstContact}`);
  step('the partner accepted the hand-over');

  // With the acceptance, nothing blocks sign-off: the supervisor approves.
  await received.backToList();
  await received.importFiles([accepted.file]);
  await received.openCase(REF);
  expect(await received.regionText('Where the case stands')).toContain('Nothing blocks sign-off.');
  const approved = await saveCountersigned(verify, dir, 'approved.pdf', 'Approve', 'Plan checked with the partner.');
  const blocks = expectAllValid(approved.path, 3);
  expect(blocks[2]).toContain('Signer Certificate Common Name: Sam Supervisor (fictional)');
  expectDrawnDecision(approved.path, approved.file.buffer, 3, 'Approved');
  await sv.getByText('Your decision is signed and kept with this case.').waitFor();
  await expect.poll(() => received.regionText('Where the case stands')).toContain('Approved; the receiving organisation accepted the hand-over');
  step('approved by the supervisor');

  // The approved file signs the caseworker's draft off: read only, no second export.
  await cwReceived.openFromNav();
  const [signedOff] = await cwReceived.importFiles([approved.file]);
  expect(signedOff).toContain('Its draft is now signed off and can no longer be changed');
  await list.goto(caseworkerApp.origin);
  const offCard = (await list.card(REF).innerText()).replace(/\s+/g, ' ');
  expect(offCard).toContain('Approved; the receiving organisation accepted the hand-over');
  expect(offCard).toContain(`Approved by Sam Supervisor (fictional), ${ORG}. Comments: Plan checked with the partner.`);
  expect(offCard).toContain(`Met by: ${HANDOVER.metBy}. First night: ${HANDOVER.firstNight}. First contact: ${HANDOVER.firstContact}.`);
  expect(offCard, 'the return on the earlier version is not shown as current').not.toContain(RETURN_COMMENTS);
  expect(await list.resumeButton(REF).count()).toBe(0);
  await cw.getByRole('button', { name: `Start a new version of ${REF}`, exact: true }).waitFor();
  await cw.getByRole('button', { name: `Open the signed-off assessment ${REF} (read only)`, exact: true }).click();
  await wizard.waitUntilLoaded();
  await cw.getByRole('note').filter({ hasText: /^Signed off/ }).waitFor();
  const inputs = cw.getByRole('main').getByRole('radio');
  expect(await inputs.count()).toBeGreaterThan(0);
  for (const input of await inputs.all()) expect(await input.isDisabled()).toBe(true);
  await cw.goto(`${caseworkerApp.origin}#/draft/${draftId}/export`);
  await cw.getByText(/^This assessment is signed off: the summary a reviewer decided on is its record/).waitFor();
  expect(await cw.getByRole('button', { name: 'Create signed summary' }).count()).toBe(0);
  // The person's own copy is still offered after sign-off: what is arranged and whom to call, nothing more.
  const copySection = cw.getByRole('region', { name: "The person's own copy" });
  await copySection.getByRole('textbox', { name: 'Who (organisation or person, and role)' }).fill('Receiving NGO North-3 helpline (fictional)');
  await copySection.getByRole('textbox', { name: 'How to reach them (phone, messaging, address)' }).fill('+000 0000 0000 (fictional)');
  await copySection.getByRole('button', { name: "Create the person's copy (PDF)" }).click();
  const copyLink = copySection.getByRole('link', { name: "Download the person's copy (PDF)" });
  await copyLink.waitFor({ timeout: 60_000 });
  const [copyDownload] = await Promise.all([cw.waitForEvent('download'), copyLink.click()]);
  expect(copyDownload.suggestedFilename()).toMatch(/^plan-\d{4}-\d{2}-\d{2}-[0-9a-z]{6}\.pdf$/);
  const copyPath = join(dir, 'copy.pdf');
  await copyDownload.saveAs(copyPath);
  const copyText = flattenedText(copyPath);
  expect(copyText).toContain('Your plan for going back');
  expect(copyText).toContain('+000 0000 0000 (fictional)');
  const codeWord = golden.answers['K3.verification'];
  expect(typeof codeWord).toBe('string');
  for (const secret of [REF, RETURN_COMMENTS, codeWord as string, 'STOP']) expect(copyText).not.toContain(secret);
  await expectNoViolations(cw, 'export screen of a signed-off draft, with the person\'s copy');
  step('the draft is signed off on the caseworker device');

  // A change after sign-off is a new version, never an edit in place; it names the approved one.
  await list.goto(caseworkerApp.origin);
  await cw.getByRole('button', { name: `Start a new version of ${REF}`, exact: true }).click();
  await cw.waitForURL((url) => /#\/draft\//.test(url.href) && !url.href.includes(draftId));
  await wizard.waitUntilLoaded();
  expect(await cw.getByRole('main').getByRole('radio').first().isDisabled()).toBe(false);
  await wizard.openReview();
  await new ReviewPage(cw).waitUntilLoaded();
  const third = await exportSummary(cw, dir, 'third.pdf');
  expectAllValid(third.path, 1);
  const approvedVersion = createHash('sha256').update(second.file.buffer).digest('hex');
  expect(flattenedText(third.path)).toContain(groupedFingerprint(approvedVersion).slice(0, 39));
  step('a new version started from the signed-off draft');

  // The supervisor's own summary: their key signed it as assessor, so they cannot decide on it.
  const ownList = new DraftListPage(sv);
  await ownList.goto(supervisorApp.origin);
  await ownList.start(OWN_REF);
  await new WizardPage(sv).waitUntilLoaded();
  await new WizardPage(sv).openReview();
  await new ReviewPage(sv).waitUntilLoaded();
  const own = await exportSummary(sv, dir, 'own.pdf');
  await received.openFromNav();
  await received.importFiles([own.file]);
  await received.openCase(OWN_REF);
  await verify.decide('Return for changes', 'Checking my own work.');
  await verify.countersign.getByText('You signed this summary as its assessor: someone else must decide on it. Nothing was signed.').waitFor();
  expect(await sv.getByRole('link', { name: 'Download the countersigned summary (PDF)' }).count()).toBe(0);
  step('the assessor cannot decide on their own summary');

  // Every language and direction: the list and a case, at 360 px and desktop.
  const caseUrl = sv.url();
  for (const { code, dir: direction } of languages) {
    await sv.goto(`${supervisorApp.origin}#/received`);
    // The language list is the first combobox on every screen (its label is in the current language).
    await sv.getByRole('combobox').first().selectOption(code);
    await sv.waitForFunction((c) => document.documentElement.lang === c, code);
    expect(await sv.evaluate(() => document.documentElement.dir)).toBe(direction);
    await sv.getByRole('article').first().waitFor({ timeout: 60_000 });
    await expectNoViolations(sv, `${code} received cases`);
    await sv.goto(caseUrl);
    await sv.getByRole('main').getByRole('heading', { level: 2 }).first().waitFor({ timeout: 60_000 });
    await expectNoViolations(sv, `${code} received case`);
    await expectNothingPersonal(sv);
  }
  step('every language checked');
});
