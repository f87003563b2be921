/**
 * The interview in the person's language. A golden case (18, an adult whose smuggler threatens over a debt) is
 * completed in Arabic and in Vietnamese, every control found by its role and its name in that
 * language (read from the shipped instrument wording and locales). Each step seen has zero axe
 * violations; the review shows the case's flags and offers exactly its recommendations, in that
 * language. In Arabic the layout mirrors: `<html dir=rtl>`, "next" sits left of "previous", and the
 * current section's marker is on the right.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DraftListPage } from './pages/draft-list-page';
import { loadWording, switchUiLanguage, WizardPage, type Wording } from './pages/wizard-page';
import { describeViolations, runAxe } from './support/axe';
import { launchBrowser, openApp } from './support/browser';
import { loadGoldenCase, ruleDef } from './support/instrument';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const golden = loadGoldenCase('18-');
const SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'N'];
const RECOMMENDATION = 'N4';
const sorted = (list: readonly string[]): string[] => [...list].sort((a, b) => a.localeCompare(b));

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

async function box(locator: Locator): Promise<{ x: number; width: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

/** Where "previous" and "next" sit, and on which side the current section's marker is drawn. */
async function layoutSides(wizard: WizardPage): Promise<{ nextIsRightOfPrevious: boolean; markerSide: 'left' | 'right' }> {
  const previous = await box(wizard.previousButton);
  const next = await box(wizard.nextButton);
  const current = wizard.sectionsNav.locator('[aria-current="step"]');
  const widths = await current.evaluate((el) => {
    const style = getComputedStyle(el);
    return { left: parseFloat(style.borderLeftWidth), right: parseFloat(style.borderRightWidth) };
  });
  return { nextIsRightOfPrevious: next.x > previous.x + previous.width / 2, markerSide: widths.right > widths.left ? 'right' : 'left' };
}

/** "<level> · <area>: <reason>" in the language (review/flag-list.tsx). */
function flagHeadline(w: Wording, ruleId: string): string {
  const rule = ruleDef(ruleId);
  return `${w.engine(`level.${rule.level}`)} · ${w.engine(`domain.${rule.domain}`)}: ${w.content(`rule.${ruleId}.reason`)}`;
}

describe.each([
  ['ar', 'rtl'],
  ['vi', 'ltr'],
] as const)('golden case 18 completed in %s', (lang, dir) => {
  test('every step answered by its wording in the language, zero axe violations, the expected review; the layout follows the direction', async () => {
    const started = performance.now();
    const { page, context } = await openApp(browser, { viewport: 'desktop' });
    await context.clock.setFixedTime(new Date(`${golden.now}T12:00:00Z`));
    const list = new DraftListPage(page);
    await list.waitUntilLoaded();
    await list.start(`HW-LANG-03-${lang.toUpperCase()}`);
    await new WizardPage(page).waitUntilLoaded();

    await switchUiLanguage(page, await loadWording(page, 'en'), lang);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(dir);
    const w = await loadWording(page, lang);
    const wizard = new WizardPage(page, w);
    await wizard.waitUntilLoaded();

    const skipped: string[] = [];
    for (const [index, section] of SECTIONS.entries()) {
      await page.getByRole('main').getByRole('heading', { level: 1, name: w.heading(section), exact: true }).waitFor();
      const position = await wizard.position();
      expect([position.step, position.total], 'section n of m, in the language\'s digits').toEqual([index + 1, SECTIONS.length]);
      const filled = await wizard.fillSection(golden.answers);
      expect(filled.section).toBe(section);
      skipped.push(...filled.skipped);
      await expectNoAxeViolations(page, `${lang} step ${section}`);
      if (index === 1) {
        // A step with both buttons: "next" is at the inline end, the current section marked at the inline start.
        const sides = await layoutSides(wizard);
        expect(sides).toEqual(dir === 'rtl' ? { nextIsRightOfPrevious: false, markerSide: 'right' } : { nextIsRightOfPrevious: true, markerSide: 'left' });
        const arrowTransform = await wizard.nextButton.locator('.arrow').evaluate((el) => getComputedStyle(el).transform);
        expect(arrowTransform === 'none', 'the "next" arrow is turned round only right to left').toBe(dir === 'ltr');
      }
      const before = page.url();
      await wizard.nextButton.click();
      await page.waitForURL((url) => url.href !== before);
      await wizard.waitUntilStepShown();
    }
    expect(skipped, 'answered items that were not on screen').toEqual([]);

    await page.waitForURL(/\/review$/);
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: w.ui('review.title'), exact: true }).waitFor();
    const flags = page.getByRole('region', { name: w.ui('review.flags.heading'), exact: true }).getByRole('listitem');
    const headlines = (await flags.allInnerTexts()).map((t) => (t.trim().split('\n')[0] ?? '').trim().replace(/\s+/g, ' '));
    expect(sorted(headlines), 'flags on the review screen').toEqual(sorted(golden.expect.flags.map((id) => flagHeadline(w, id))));
    const recommendation = page.getByRole('region', { name: w.ui('review.recommendation.heading'), exact: true });
    const offered: string[] = [];
    // The question's own radios: the override form in the same region has radios of its own.
    const question = recommendation.getByRole('group', { name: w.content(`item.${RECOMMENDATION}.label`), exact: true });
    for (const radio of await question.getByRole('radio').all()) {
      offered.push((await radio.evaluate((el) => (el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? '') : ''))).trim());
    }
    expect(sorted(offered), 'recommendations offered').toEqual(sorted(golden.expect.allowed.map((c) => w.content(`item.${RECOMMENDATION}.option.${c}`))));
    for (const blocked of golden.expect.blocked) {
      const text = w.ui('review.recommendation.notAvailable', { recommendation: w.content(`item.${RECOMMENDATION}.option.${blocked}`) });
      await expect.poll(() => recommendation.getByText(text, { exact: true }).count(), { timeout: 5_000 }).toBe(1);
    }
    await expectNoAxeViolations(page, `${lang} review`);
    console.log(`${lang}: ${String(Math.round((performance.now() - started) / 100) / 10)} s`);
  });
});
