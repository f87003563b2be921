/**
 * Every shipped language and direction: the draft list, every default wizard step, a child
 * case's extra steps and the review screen have zero axe violations at phone width, nothing
 * overflows 360 px sideways, and `<html lang dir>` follow the language (Arabic mirrors).
 * Navigation is by URL (section codes), so the test does not depend on translated labels.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { languages } from '../../src/i18n/languages';
import { CURRENT, getInstrument, type Section } from '../../src/instrument';
import { pageOfItem } from '../../src/features/wizard/pages';
import { DraftListPage } from './pages/draft-list-page';
import { WizardPage } from './pages/wizard-page';
import { expectAccessible } from './support/axe';
import { launchBrowser, openApp } from './support/browser';
import type { Browser } from 'playwright-core';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});


function failNoSection(): Section {
  throw new Error('the instrument has no section A');
}

async function stepLoaded(page: Page): Promise<void> {
  await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
  await page.locator('nav [aria-current="step"]').first().waitFor({ state: 'attached' });
}

describe.each(languages.map((l) => [l.code, l.dir] as const))('language %s (%s)', (code, dir) => {
  test('every screen passes axe at 360 px and follows the language direction', async () => {
    const { page, origin } = await openApp(browser, { viewport: 'phone' });
    // Start the draft in English (the page objects speak English), then switch language.
    const list = new DraftListPage(page);
    await list.waitUntilLoaded();
    const draftId = await list.start(`HW-LANG-${code.toUpperCase()}`);
    await new WizardPage(page).waitUntilLoaded();
    await page.evaluate((c) => localStorage.setItem('homeward.uiLanguage', c), code);

    await page.goto(origin);
    await page.waitForFunction((c) => document.documentElement.lang === c, code);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(dir);
    await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
    await expectAccessible(page, `${code} draft list`, 360);

    // Default steps, then a child case (born 2012) so the child section appears as well.
    const steps = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'N'];
    for (const section of steps) {
      await page.goto(`${origin}#/draft/${draftId}/${section}`);
      await stepLoaded(page);
      await expectAccessible(page, `${code} step ${section}`, 360);
    }
    // The date of birth is the first date on its page of section A (features/wizard/pages.ts).
    const birth = page.locator('input[type="date"]').first();
    const birthPage = pageOfItem(getInstrument(CURRENT.id, CURRENT.version).sections.find((s) => s.code === 'A') ?? failNoSection(), 'A10');
    await page.goto(`${origin}#/draft/${draftId}/A/${String((birthPage ?? 0) + 1)}`);
    await stepLoaded(page);
    const sectionLinks = page.locator('nav li');
    const before = await sectionLinks.count();
    await birth.fill('2012-05-01');
    await birth.blur();
    // The child section joins the list once the engine sees the date of birth.
    await page.waitForFunction((n) => document.querySelectorAll('nav li').length > n, before);
    await page.goto(`${origin}#/draft/${draftId}/L`);
    await stepLoaded(page);
    expect(page.url(), `${code}: the child section opens for a child`).toContain('/L');
    await expectAccessible(page, `${code} step L (child)`, 360);

    await page.goto(`${origin}#/draft/${draftId}/review`);
    await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
    await page.locator('main table').first().waitFor();
    await expectAccessible(page, `${code} review`, 360);
  });
});

test('the first screen fits a 360 px phone zoomed to 200 % (180 CSS px) in every language', async () => {
  const width = 180;
  const { page } = await openApp(browser, { viewport: 'phone', autoUnlock: false });
  await page.setViewportSize({ width, height: 740 });
  // The language list is the only one on the first screen (below the sticky bar with Quick exit).
  const switcher = page.getByRole('combobox').first();
  for (const { code } of languages) {
    await switcher.selectOption(code);
    await page.waitForFunction((c) => document.documentElement.lang === c, code);
    await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
    // Compared with the width set, not innerWidth: a mobile browser widens its layout viewport
    // to fit content that overflows, so innerWidth would grow with the overflow it should show.
    const { scrollWidth, switcherStart, switcherEnd } = await page.evaluate(() => {
      const box = document.querySelector('.language-switcher select')?.getBoundingClientRect();
      return { scrollWidth: document.documentElement.scrollWidth, switcherStart: box?.left ?? -1, switcherEnd: box?.right ?? Infinity };
    });
    expect(scrollWidth, `${code}: nothing may scroll sideways at ${String(width)} px`).toBeLessThanOrEqual(width);
    expect(switcherStart, `${code}: the language list starts on screen`).toBeGreaterThanOrEqual(0);
    expect(switcherEnd, `${code}: the language list ends on screen`).toBeLessThanOrEqual(width);
  }
});
