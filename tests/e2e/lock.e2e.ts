/**
 * Auto-lock on a fast-forwarded clock (Playwright's clock: fake timers and Date in the page,
 * installed before the app loads). The idle time is the app's own setting (lock-settings.ts):
 * nothing happens before IDLE_LOCK_MS − IDLE_WARNING_MS, the warning shows then, the app locks
 * at IDLE_LOCK_MS, and any use of the page during the warning (its button, or a key) keeps it
 * open. A locked app shows nothing of the case. Quick exit (button and Escape × 3) is covered by
 * encryption.e2e.ts.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IDLE_LOCK_MS, IDLE_WARNING_MS } from '../../src/features/lock/lock-settings';
import { LockPage } from './pages/lock-page';
import { WizardPage } from './pages/wizard-page';
import { describeViolations, runAxe } from './support/axe';
import { launchBrowser, openApp } from './support/browser';
import { startDraftWithMarker } from './support/marker-draft';

const MARKER = 'Lantern quay by the old mill';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

function warning(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'Homeward has not been used for a while' });
}

/** Pauses the page's clock and marks "now" as the last activity (a harmless key press). */
async function pauseAndTouch(page: Page): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1_000);
  await page.keyboard.press('Shift');
}

async function stateAfter(page: Page, ms: number): Promise<{ warned: boolean; lock: string | null }> {
  await page.clock.runFor(ms);
  // Let React render what the timers changed (real time: the page's own timers are paused).
  await sleep(150);
  return { warned: await warning(page).isVisible(), lock: await new LockPage(page).state() };
}

describe('auto-lock after the configured idle time', () => {
  test('warns 30 s before, keeps the app open on activity, then locks and shows nothing of the case', async () => {
    expect(IDLE_WARNING_MS).toBe(30_000);
    const { page } = await openApp(browser);
    await startDraftWithMarker(page, 'HW-TEST-0501', MARKER);
    const wizard = new WizardPage(page);
    // Fake timers from the next document on; the reload unlocks again (support/auto-unlock.ts).
    await page.context().clock.install();
    await page.reload();
    await wizard.waitUntilLoaded();
    expect(await page.getByRole('main').getByRole('textbox').first().inputValue()).toBe(MARKER);
    const sectionTitle = await wizard.currentSectionTitle();

    // Quiet until 1 s before the warning is due.
    await pauseAndTouch(page);
    expect(await stateAfter(page, IDLE_LOCK_MS - IDLE_WARNING_MS - 1_000)).toEqual({ warned: false, lock: 'unlocked' });
    // The warning, 30 s before the lock; it passes axe at 360 px.
    expect(await stateAfter(page, 2_000)).toEqual({ warned: true, lock: 'unlocked' });
    // axe needs running timers: let time flow for it (far less than the 30 s left), then
    // "Stay unlocked" restarts the count, and the clock is paused again from that moment.
    await page.clock.resume();
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // "Stay unlocked" during the warning: the full idle time starts again.
    await warning(page).getByRole('button', { name: 'Stay unlocked', exact: true }).click();
    await pauseAndTouch(page);
    expect(await stateAfter(page, IDLE_WARNING_MS + 1_000)).toEqual({ warned: false, lock: 'unlocked' });
    expect(await stateAfter(page, IDLE_LOCK_MS - IDLE_WARNING_MS - 3_000)).toEqual({ warned: true, lock: 'unlocked' });

    // A key press during the warning does the same.
    await page.keyboard.press('Shift');
    expect(await stateAfter(page, 1_000)).toEqual({ warned: false, lock: 'unlocked' });
    expect(await stateAfter(page, IDLE_LOCK_MS - IDLE_WARNING_MS - 2_000)).toEqual({ warned: false, lock: 'unlocked' });

    // No activity: the warning, then the lock at the idle time.
    expect(await stateAfter(page, 2_000)).toEqual({ warned: true, lock: 'unlocked' });
    expect(await stateAfter(page, IDLE_WARNING_MS - 2_000)).toEqual({ warned: true, lock: 'unlocked' });
    await page.clock.runFor(3_000);
    await page.locator('main[data-lock-state="locked"]').waitFor();
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toContain(MARKER);
    const values = await page.evaluate(() => [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value));
    expect(values.filter((v) => v.includes(MARKER)), 'no field holds the case any more').toEqual([]);
    expect(await page.getByRole('heading', { level: 1 }).allInnerTexts(), 'the step heading is gone').not.toContain(sectionTitle);
    expect(await page.title()).not.toMatch(/HW-TEST/);
    expect(await warning(page).count()).toBe(0);

    // Unlocking brings the draft back, unchanged.
    await page.clock.resume();
    await new LockPage(page).ensureUnlocked();
    await wizard.waitUntilLoaded();
    expect(await page.getByRole('main').getByRole('textbox').first().inputValue()).toBe(MARKER);
  });
});
