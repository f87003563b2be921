/**
 * WCAG 2.2 AA as far as axe can tell, on every screen a caseworker reaches: the draft list (empty,
 * with drafts, with each dialog open and with a validation error), every wizard step and the review
 * screen, at phone and laptop widths. And every step is usable by keyboard: Tab reaches "Next section".
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DraftListPage } from './pages/draft-list-page';
import { ReviewPage } from './pages/review-page';
import { WizardPage } from './pages/wizard-page';
import { describeViolations, runAxe } from './support/axe';
import { launchBrowser, openApp, type ViewportName } from './support/browser';

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

/** Presses Tab from the top of the page until `target` has focus; fails after `limit` presses. */
async function tabUntilFocused(page: Page, target: Locator, limit = 150): Promise<number> {
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`Tab did not reach the control within ${String(limit)} presses.`);
}

describe.each<ViewportName>(['phone', 'desktop'])('accessibility at %s width', (viewport) => {
  test('draft list: empty, with a draft, each dialog, and a validation error', async () => {
    const { page, origin } = await openApp(browser, { viewport });
    const list = new DraftListPage(page);
    await list.waitUntilLoaded();
    await expectNoViolations(page, 'empty list');

    await list.startButton.click();
    await page.getByText('Enter a case reference.').waitFor();
    await expectNoViolations(page, 'start form with an error');

    await list.start('HW-TEST-0201');
    await list.goto(origin);
    await expectNoViolations(page, 'list with a draft');

    await list.deleteButton('HW-TEST-0201').click();
    await list.deleteDialog('HW-TEST-0201').waitFor();
    await expectNoViolations(page, 'delete dialog');
    await page.keyboard.press('Escape');
    await list.deleteDialog('HW-TEST-0201').waitFor({ state: 'hidden' });

    await list.duplicateButton('HW-TEST-0201').click();
    const dialog = list.duplicateDialog('HW-TEST-0201');
    await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
    await dialog.getByText('Enter a case reference.').waitFor();
    await expectNoViolations(page, 'duplicate dialog with an error');
  });

  test('every page of every wizard section has no violations and Tab reaches "Next"; so does the review screen', async () => {
    const { page } = await openApp(browser, { viewport });
    const list = new DraftListPage(page);
    await list.waitUntilLoaded();
    const draftId = await list.start('HW-TEST-0202');
    const wizard = new WizardPage(page);
    await wizard.waitUntilLoaded();

    const seen: string[] = [];
    for (;;) {
      const title = await wizard.currentSectionTitle();
      seen.push(new URL(page.url()).hash);
      await expectNoViolations(page, `wizard page ${new URL(page.url()).hash} "${title}"`);
      if ((await wizard.nextButton.count()) === 0) break;
      await tabUntilFocused(page, wizard.nextButton);
      // Enter on the focused button, as a keyboard user would, rather than a mouse click.
      const before = page.url();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.href !== before);
      // After the last page of the last section "Next" leads to the review screen.
      if (page.url().endsWith('/review')) break;
      await wizard.waitUntilLoaded();
    }
    expect(seen.length, `steps visited: ${seen.join(', ')}`).toBeGreaterThan(1);
    expect(new Set(seen).size, 'each Next led to a new page').toBe(seen.length);

    const review = new ReviewPage(page);
    await review.goto(new URL(page.url()).origin, draftId);
    await expectNoViolations(page, 'review screen');
  });
});
