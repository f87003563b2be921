/**
 * The side-by-side interview and language switches that must never lose an answer.
 * - Working language English, person's language Arabic: every question, help and option shows in
 *   both, the Arabic block first with lang=ar dir=rtl; zero axe violations; two sections completed
 *   through the bilingual names; the person's words default to the person's language.
 * - Offline for real (origin stopped, context offline): the UI language and the person's language
 *   are switched mid-case in both directions (en → ar → en, none → vi → ar), and every answer given
 *   so far is read back through the controls after each switch, and after a reload.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DraftListPage } from './pages/draft-list-page';
import { englishWording, loadWording, normalizeAnswer, switchUiLanguage, WizardPage, type Wording } from './pages/wizard-page';
import { describeViolations, runAxe } from './support/axe';
import { launchBrowser, launchPersistentApp, openApp, privateServer } from './support/browser';
import { loadGoldenCase } from './support/instrument';
import { goOffline, networkIsGone, waitForServiceWorker, waitUntilReadyOffline } from './support/service-worker';

const golden = loadGoldenCase('18-');
/** For the offline switches: one item of each answer type in A (a 250-option select, multi, number, date, text, yes/no) and all of B. */
const offlineAnswers = Object.fromEntries(
  Object.entries(golden.answers).filter(([code]) => ['A2', 'A3', 'A4', 'A9', 'A10', 'A12'].includes(code) || /^B\d/.test(code)),
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Records the person's language on the draft and turns side by side on (labels in the UI language `w`). */
async function choosePersonLanguage(page: Page, w: Wording, code: string): Promise<void> {
  await new WizardPage(page, w).chooseSideBySide(code);
}

/** Every answer given so far in the section on screen reads back exactly. */
async function expectAnswersShown(wizard: WizardPage, answered: readonly string[], when: string): Promise<void> {
  const section = await wizard.currentSection();
  for (const code of answered.filter((c) => section.items.some((i) => i.code === c))) {
    const given = offlineAnswers[code] ?? golden.answers[code];
    if (given === undefined) throw new Error(`no golden answer for ${code}`);
    expect(await wizard.readItem(code), `${code} ${when}`).toEqual(normalizeAnswer(code, given));
  }
}

describe('side-by-side interview', () => {
  test('English working language, Arabic for the person: both on screen, Arabic first and right to left; sections completed', async () => {
    const { page } = await openApp(browser, { viewport: 'desktop' });
    const list = new DraftListPage(page);
    await list.waitUntilLoaded();
    await list.start('HW-LANG-SBS');
    await new WizardPage(page).waitUntilLoaded();
    await choosePersonLanguage(page, englishWording, 'ar');
    const w = await loadWording(page, 'en', 'ar');
    const ar = await loadWording(page, 'ar');
    const wizard = new WizardPage(page, w);
    await page.getByRole('main').getByRole('heading', { level: 1, name: w.heading('A'), exact: true }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);

    // A few questions, an option and a help text: the Arabic block (lang=ar dir=rtl) above the English one.
    for (const code of ['A3', 'A12', 'A9']) {
      await wizard.showItem(code);
      const group = wizard.itemGroup(code);
      const arabic = group.locator('.item__label [lang="ar"][dir="rtl"]');
      const english = group.locator('.item__label [lang="en"]');
      expect(await arabic.innerText()).toBe(ar.content(`item.${code}.label`));
      expect(await english.innerText()).toBe(englishWording.content(`item.${code}.label`));
      expect(await arabic.isVisible()).toBe(true);
      expect(await english.isVisible()).toBe(true);
      const [arBox, enBox] = [await arabic.boundingBox(), await english.boundingBox()];
      expect(arBox && enBox && arBox.y < enBox.y, `${code}: the person's language comes first`).toBe(true);
    }
    await wizard.showItem('A12');
    await expect.poll(() => wizard.itemGroup('A12').getByRole('radio', { name: w.ynu('yes'), exact: true }).count()).toBe(1);
    await wizard.showItem('A3');
    const help = wizard.itemGroup('A3').locator('details.help');
    if ((await help.count()) > 0) {
      await help.locator('summary').click();
      expect(await help.locator('p [lang="ar"][dir="rtl"]').isVisible()).toBe(true);
    }
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // Section A through the bilingual names (a 250-country select included), then B.
    const a = await wizard.fillSection(golden.answers);
    expect(a).toMatchObject({ section: 'A', skipped: [] });
    await wizard.nextButton.click();
    await page.getByRole('main').getByRole('heading', { level: 1, name: w.heading('B'), exact: true }).waitFor();
    // The person's words are stored with the person's language unless another is picked.
    const words = wizard.itemGroup('B2');
    await words.getByRole('textbox', { name: w.ui('verbatim.original'), exact: true }).fill('أريد العودة إلى عائلتي.');
    expect(await words.getByRole('combobox', { name: w.ui('verbatim.language'), exact: true }).evaluate((el) => (el as HTMLSelectElement).value)).toBe('ar');
    expect(await words.getByRole('textbox', { name: w.ui('verbatim.original'), exact: true }).getAttribute('lang')).toBe('ar');
    const b = await wizard.fillSection(golden.answers);
    expect(b).toMatchObject({ section: 'B', skipped: [] });
    const stepViolations = await runAxe(page);
    expect(stepViolations, describeViolations(stepViolations)).toEqual([]);
    await wizard.waitUntilSaved();
    await page.reload();
    await wizard.waitUntilLoaded();
    // The person's wording is loaded after the step opens; then the heading shows both languages.
    await page.getByRole('main').getByRole('heading', { level: 1, name: w.heading('B'), exact: true }).waitFor();
    await expectAnswersShown(wizard, b.answered, 'after a reload, side by side');

    // A table question (N5, mitigation actions): each column label shows in Arabic above English,
    // and a cell's accessible name carries both.
    await wizard.showItem('N5');
    const table = wizard.itemGroup('N5');
    await table.getByRole('button', { name: w.ui('rows.add'), exact: true }).click();
    // (The first column, the flags a row answers, is a group of checkboxes: the action column is the first text one.)
    const column = table.locator('label', { has: page.locator('[lang="ar"][dir="rtl"]') }).filter({ hasText: englishWording.content('item.N5.column.action.label') }).first();
    await expect.poll(() => column.locator('[lang="ar"]').innerText()).toBe(ar.content('item.N5.column.action.label'));
    expect(await column.locator('.bi--working').innerText()).toBe(englishWording.content('item.N5.column.action.label'));
    const cell = table.getByRole('textbox', { name: new RegExp(englishWording.content('item.N5.column.action.label')) }).first();
    expect(await cell.getAttribute('aria-label')).toContain(ar.content('item.N5.column.action.label'));
    const tableViolations = await runAxe(page);
    expect(tableViolations, describeViolations(tableViolations)).toEqual([]);
  });
});

describe('switching languages offline', () => {
  test('the UI language and the person’s language change mid-case, both ways, and every answer is still there', async () => {
    const server = await privateServer();
    const session = await launchPersistentApp({ origin: server.url, label: 'languages-offline', viewport: 'desktop' });
    const { page } = session;
    const list = new DraftListPage(page);
    await list.goto(server.url);
    await waitForServiceWorker(page);
    // Arabic and Vietnamese are in the offline kit, saved after the precache.
    await waitUntilReadyOffline(page, ['English', 'العربية', 'Tiếng Việt']);
    await goOffline(session.context, server);
    expect(await networkIsGone(page), 'the network is really gone for the service worker too').toBe(true);
    await page.reload();
    await list.waitUntilLoaded();
    await list.start('HW-LANG-OFF');

    let wizard = new WizardPage(page);
    await wizard.waitUntilLoaded();
    const answered = [...(await wizard.fillSection(offlineAnswers)).answered];
    await wizard.nextButton.click();
    await page.getByRole('main').getByRole('heading', { level: 1, name: englishWording.heading('B'), exact: true }).waitFor();
    answered.push(...(await wizard.fillSection(offlineAnswers)).answered);
    expect(answered.length).toBe(Object.keys(offlineAnswers).length);
    await wizard.waitUntilSaved();

    // Reads back section B, and with `both` section A as well (the wizard keeps no form state across steps).
    const check = async (w: Wording, when: string, both = false): Promise<void> => {
      wizard = new WizardPage(page, w);
      await page.getByRole('main').getByRole('heading', { level: 1, name: w.heading('B'), exact: true }).waitFor();
      await expectAnswersShown(wizard, answered, when);
      if (!both) return;
      await wizard.previousSection();
      await page.getByRole('main').getByRole('heading', { level: 1, name: w.heading('A'), exact: true }).waitFor();
      await expectAnswersShown(wizard, answered, when);
      await wizard.nextSection();
    };

    // UI language English → Arabic (right to left), offline.
    await switchUiLanguage(page, englishWording, 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const ar = await loadWording(page, 'ar');
    await check(ar, 'after switching the UI to Arabic offline', true);

    // Person's language none → Vietnamese, side by side with Arabic.
    await choosePersonLanguage(page, ar, 'vi');
    await check(await loadWording(page, 'ar', 'vi'), 'with Vietnamese for the person, Arabic UI');

    // UI back to English (left to right), then the person's language Vietnamese → Arabic.
    await switchUiLanguage(page, ar, 'en');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await check(await loadWording(page, 'en', 'vi'), 'after switching the UI back to English offline');
    await choosePersonLanguage(page, englishWording, 'ar');
    const enAr = await loadWording(page, 'en', 'ar');
    await check(enAr, 'with Arabic for the person');

    // Stored, not only on screen: the same after a reload, still offline.
    await new WizardPage(page, enAr).waitUntilSaved();
    await page.reload();
    await check(enAr, 'after a reload offline', true);
  });
});
