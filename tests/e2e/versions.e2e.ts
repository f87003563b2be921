/**
 * Drafts move between questionnaire versions only on purpose (issue 13, part 3). A device holds two
 * drafts of homeward-return version 1, made before version 2 shipped (tests/e2e/fixtures/
 * v1-drafts.json, from v1-drafts.generate.ts: the rows the drafts repository writes, in plaintext
 * as before encryption, which the app seals under its own key at unlock). They are put in a new
 * profile's database, and the app is reloaded and unlocked.
 * - One is finished under version 1: its last decision answers are given on the review screen in
 *   version 1's wording, nothing blocks sign-off, it can be exported, and it is still version 1.
 * - The other is moved to version 2 from the list: the confirmation shows what will be carried
 *   over, converted, not carried (each named, with why) and how many questions are new, before
 *   anything changes; the new draft shows what changed; the new questions are answered (golden case
 *   01 of version 2), the review shows no flag and nothing missing, and the dated sign-off is
 *   recorded; when an answer a STOP depends on changes afterwards, it is pending a re-check. The
 *   version-1 original stays, and the list tells the two apart.
 * axe finds nothing on the list, the confirmation, the moved draft's first step and both reviews.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DraftListPage } from './pages/draft-list-page';
import { ExportPage } from './pages/export-page';
import { ReviewPage } from './pages/review-page';
import { WizardPage } from './pages/wizard-page';
import { describeViolations, runAxe } from './support/axe';
import { launchBrowser, openApp } from './support/browser';
import { contentText, definition, loadGoldenCase, olderContentText, optionLabel, sectionTitle, type Answers } from './support/instrument';
import { repoRoot } from './support/paths';
import { loadV1Fixture, v1Fixture } from './support/v1-fixture';

const fixture = v1Fixture;
const upgrade = JSON.parse(
  readFileSync(join(repoRoot, 'src/instrument/definitions/homeward-return/v2/upgrade-from-v1.json'), 'utf8'),
) as { readonly notCarried: Readonly<Record<string, string>>; readonly convert: Readonly<Record<string, unknown>> };
/** The answers the version-1 drafts hold (golden case 01 of version 1). */
const v1Answers = (JSON.parse(
  readFileSync(join(repoRoot, 'tests/golden/cases/01-adult-avr-verified-reception-no-impediment.json'), 'utf8'),
) as { answers: Answers }).answers;
const v2Case = loadGoldenCase('01-');
const drafts = (() => {
  const text = readFileSync(join(repoRoot, 'locales/en/drafts.json'), 'utf8');
  return JSON.parse(text) as Readonly<Record<string, string>>;
})();
const why = (reason: string): string => drafts[`upgrade.why.${reason}`] ?? reason;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

test('a v1 draft is finished under v1; another is moved to v2 on purpose, shown what changed, and completed under v2', { timeout: 300_000 }, async () => {
  const started = performance.now();
  const step = (what: string) => console.log(`${String(Math.round((performance.now() - started) / 1000))} s: ${what}`);
  const { page, context } = await openApp(browser, { viewport: 'desktop' });
  await context.clock.setFixedTime(new Date(`${fixture.now}T12:00:00Z`));
  const origin = new URL(page.url()).origin;
  const list = new DraftListPage(page);
  await list.waitUntilLoaded();
  await loadV1Fixture(page);
  await list.waitUntilLoaded();
  const { keep, move } = fixture.refs;
  expect((await list.draftReferences()).sort()).toEqual([keep, move].sort());
  for (const ref of [keep, move]) {
    expect(await list.card(ref).innerText(), `${ref} says its version`).toMatch(/Questionnaire version\s+1/);
    expect(await list.upgradeButton(ref, 2).count(), `${ref} offers the move, nothing moves by itself`).toBe(1);
  }
  await expectNoViolations(page, 'list of version-1 drafts');
  step('fixture loaded and unlocked');

  // 1. Finished under version 1: the last two decision answers, in version 1's wording.
  await list.resume(keep);
  const wizard = new WizardPage(page);
  await wizard.waitUntilLoaded();
  await wizard.openReview();
  const review = new ReviewPage(page);
  await review.waitUntilLoaded();
  expect(fixture.keepLacks).toEqual(['N3.narrative', 'N4']);
  expect(await review.signOffText()).toContain(`${olderContentText(1, 'section.N.title')}: 2 missing`);
  // Version 1's review: the written override of any STOP, no dated sign-off, no note of a move.
  expect(await review.text()).toContain('Override a STOP (senior reviewer only)');
  expect(await review.text()).not.toContain('Record the sign-off');
  await page.getByRole('textbox', { name: olderContentText(1, 'item.N3.narrative.label'), exact: true }).fill('No risk factor found; reception verified by the partner.');
  await review.region('Recommendation').getByRole('radio', { name: olderContentText(1, 'item.N4.option.no_impediment'), exact: true }).check();
  await expect.poll(() => review.signOffText()).toContain('Nothing blocks sign-off.');
  expect(await review.signOffText()).toContain('No required answers are missing.');
  expect(await review.flagTexts()).toEqual([]);
  expect(await ExportPage.link(page).count(), 'a version-1 draft is exported as version 1').toBe(1);
  await expectNoViolations(page, 'review of the version-1 draft');
  await wizard.waitUntilSaved();
  await list.goto(origin);
  expect(await list.card(keep).innerText(), 'finishing it did not move it').toMatch(/Questionnaire version\s+1/);
  step('version-1 draft finished under version 1');

  // 2. Moved on purpose: first what would change, then nothing else until confirmed.
  await list.upgradeButton(move, 2).click();
  const dialog = list.upgradeDialog(move, 2);
  await dialog.getByText(/answers will be carried over as they are\.$/).waitFor();
  const before = (await dialog.innerText()).replace(/\s+/g, ' ');
  expect(before).toMatch(/Moving from version 1 to version 2 on .*2026:/);
  const notCarried = Object.entries(upgrade.notCarried).filter(([code]) => v1Answers[code] !== undefined);
  expect(notCarried.length, 'the fixture has answers the move does not carry').toBeGreaterThan(0);
  for (const [code, reason] of notCarried) expect(before, `${code} named with why`).toContain(`${olderContentText(1, `item.${code}.label`)} (${why(reason)})`);
  const converted = Object.keys(upgrade.convert).filter((code) => v1Answers[code] !== undefined && code !== 'E2');
  for (const code of converted) expect(before, `${code} named as converted`).toContain(contentText(`item.${code}.label`));
  expect(before).toMatch(/questions are new and will be empty\./);
  expect(before).toContain('This one (version 1) stays as it is');
  await expectNoViolations(page, 'the move confirmation');
  await list.upgrade(move, 2);
  await wizard.waitUntilLoaded();
  const note = page.getByRole('region', { name: contentText('item.A1.label'), exact: true });
  const after = (await note.innerText()).replace(/\s+/g, ' ');
  expect(after).toMatch(/This assessment was moved from version 1 to version 2 on .*2026:/);
  for (const [code, reason] of notCarried) expect(after, `${code} named after the move`).toContain(`${olderContentText(1, `item.${code}.label`)} (${why(reason)})`);
  expect(after).toMatch(/questions are new\./);
  await expectNoViolations(page, 'first step of the moved draft');
  step('moved to version 2');

  // The new questions, and the ones asked again, from golden case 01 of version 2; the rest was carried.
  const toGive = Object.fromEntries(
    Object.entries(v2Case.answers).filter(([code]) => v1Answers[code] === undefined || upgrade.notCarried[code] !== undefined),
  );
  expect(Object.keys(toGive).length).toBeGreaterThan(0);
  const given: string[] = [];
  for (let guard = 0; guard < definition.sections.length + 1 && !/\/review$/.test(page.url()); guard += 1) {
    given.push(...(await wizard.fillSection(toGive)).answered);
    const url = page.url();
    await wizard.nextButton.click();
    await page.waitForURL((u) => u.href !== url);
    await wizard.waitUntilStepShown();
  }
  expect(given.sort(), 'every new question was on screen').toEqual(Object.keys(toGive).sort());
  await review.waitUntilLoaded();
  expect(await review.flagTexts()).toEqual([]);
  expect(await review.signOffText()).toContain('No required answers are missing.');
  expect(await page.getByRole('region', { name: contentText('item.A1.label'), exact: true }).count(), 'the review shows the move too').toBe(1);
  const recommendation = await review.allowedRecommendations();
  expect(recommendation.sort()).toEqual(v2Case.expect.allowed.map((c) => optionLabel('N4', c)).sort());
  // Version 2's review: overrides name the STOPs they lift; the sign-off is dated.
  expect(await review.text()).toContain('Override named STOPs (supervisor, legal adviser or service manager only)');
  await expect.poll(() => review.signOffText()).toContain('Nothing blocks sign-off.');
  const signOff = review.region(/^Before sign-off$/);
  expect(await signOff.innerText()).toContain('Ready for sign-off');
  await signOff.getByRole('textbox', { name: 'Name of the person signing off', exact: true }).fill('Supervisor HW-S1');
  await signOff.getByRole('textbox', { name: 'Their role', exact: true }).fill('Supervisor');
  expect(await signOff.getByLabel('Date of the sign-off', { exact: true }).inputValue(), 'dated today by default').toBe(fixture.now);
  await signOff.getByRole('button', { name: 'Record the sign-off', exact: true }).click();
  await expect
    .poll(async () => (await signOff.innerText()).replace(/\s+/g, ' '))
    .toMatch(/Signed off By Supervisor HW-S1 on .*2026; \d+ answers? that (a STOP depends|STOPs depend) on (was|were) confirmed that day\./);
  await expectNoViolations(page, 'review of the moved draft, signed off');
  await wizard.waitUntilSaved();
  step('completed and signed off under version 2');

  // The sign-off keeps the answers STOPs depend on: one changes (the person is no longer sure
  // whether the network is at the destination), and the sign-off is pending a re-check.
  await page.evaluate(() => {
    window.location.hash = window.location.hash.replace(/\/review$/, '/F');
  });
  await wizard.waitUntilLoaded();
  expect(await wizard.currentSectionTitle()).toBe(sectionTitle('F'));
  await wizard.answerItem('F3', { special: 'unknown' });
  await wizard.waitUntilSaved();
  await wizard.openReview();
  await review.waitUntilLoaded();
  await expect.poll(async () => (await signOff.innerText()).replace(/\s+/g, ' ')).toContain('Pending re-check');
  expect((await signOff.innerText()).replace(/\s+/g, ' ')).toContain(`Pending re-check: 1 answer that the sign-off relied on has changed since (${contentText('item.F3.label')})`);
  await expectNoViolations(page, 'review of the moved draft, pending re-check');
  step('sign-off pending re-check after a STOP answer changed');

  // The original stays on version 1; the two with the same reference are told apart by version.
  await list.goto(origin);
  expect((await list.draftReferences()).sort()).toEqual([keep, move, move].sort());
  expect(await list.resumeVersionButton(move, 1).count()).toBe(1);
  expect(await list.resumeVersionButton(move, 2).count()).toBe(1);
  expect(await list.upgradeButton(keep, 2).count(), 'the finished version-1 draft can still be moved, on purpose only').toBe(1);
  await expectNoViolations(page, 'list with both versions');
});
