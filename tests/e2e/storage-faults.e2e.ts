/**
 * Storage faults a caseworker's phone really has (reliability §3.1):
 * - a full disk: every IndexedDB write of a draft fails with QuotaExceededError (made so by an
 *   init script Playwright injects, not page script, so the app's CSP does not apply); the wizard
 *   says storage is full, keeps the typed words on screen and in memory, retries, and saves them
 *   all once space is back;
 * - private / ephemeral storage: the draft list warns that drafts will not survive. Headless
 *   Chromium reports the same fixed 10 GiB quota in every context, incognito or not (measured
 *   here), so the browser cannot be made to look private; the test feeds the figures a cheap
 *   phone's incognito window reports (quota 300 MiB, deviceMemory 2) through the same init
 *   script route. It checks the wiring, the wording and accessibility; the detection rule itself
 *   is unit-tested in src/storage/persistence.test.ts.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DraftListPage } from './pages/draft-list-page';
import { WizardPage } from './pages/wizard-page';
import { expectAccessible } from './support/axe';
import { launchBrowser, openApp } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const FULL_MESSAGE = "Not saved yet: this device's storage is full.";
const EPHEMERAL_MESSAGE = 'This window may be private (incognito) or have very little storage left';

/** Runs in every document: writes to the drafts store fail while `__homewardDiskFull` is true. */
function installFullDisk(): void {
  for (const name of ['put', 'add']) {
    const original: unknown = Reflect.get(IDBObjectStore.prototype, name);
    if (typeof original !== 'function') continue;
    Reflect.set(IDBObjectStore.prototype, name, function (this: IDBObjectStore, ...args: unknown[]): unknown {
      if (Reflect.get(globalThis, '__homewardDiskFull') === true && this.name === 'drafts') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      const request: unknown = Reflect.apply(original, this, args);
      return request;
    });
  }
}

/** Runs in every document: the storage figures of an incognito window on a 2 GB phone. */
function reportIncognitoFigures(): void {
  Object.defineProperty(Navigator.prototype, 'deviceMemory', { configurable: true, get: () => 2 });
  Object.defineProperty(StorageManager.prototype, 'estimate', {
    configurable: true,
    value: () => Promise.resolve({ usage: 2 * 1024 * 1024, quota: 300 * 1024 * 1024 }),
  });
}


async function reloadWith(context: BrowserContext, page: Page, script: () => void): Promise<void> {
  await context.addInitScript(script);
  await page.reload();
}

describe('storage faults', () => {
  test('a full disk is shown, the typed words are kept and retried, and all are saved once space is back', async () => {
    const { page, context } = await openApp(browser);
    await reloadWith(context, page, installFullDisk);
    const list = new DraftListPage(page);
    await list.waitUntilLoaded();
    await list.start('HW-TEST-0601');
    const wizard = new WizardPage(page);
    await wizard.waitUntilLoaded();
    let label = '';
    do {
      const box = page.getByRole('main').getByRole('textbox').first();
      if ((await box.count()) > 0) label = (await box.evaluate((el) => (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? (el.labels?.[0]?.textContent ?? '') : ''))).trim();
    } while (label === '' && (await wizard.next()));
    expect(label).not.toBe('');
    await wizard.fillText(label, 'Crossed the river at dawn');
    await wizard.waitUntilSaved();

    await page.evaluate(() => Reflect.set(globalThis, '__homewardDiskFull', true));
    await wizard.fillText(label, 'Crossed the river at dawn with two cousins');
    const full = page.getByRole('status').filter({ hasText: FULL_MESSAGE });
    await full.waitFor();
    expect(await wizard.textbox(label).inputValue(), 'the words stay on screen').toBe('Crossed the river at dawn with two cousins');
    await expectAccessible(page, 'storage full status, 360 px', 360);
    // Still typing while the disk is full: nothing is refused, nothing is lost.
    await wizard.fillText(label, 'Crossed the river at dawn with two cousins, then walked');
    await page.waitForTimeout(1_500);
    expect(await full.count(), 'the failure stays visible until a save succeeds').toBe(1);

    await page.evaluate(() => Reflect.set(globalThis, '__homewardDiskFull', false));
    await page.getByRole('status').filter({ hasText: /^All changes saved$/ }).waitFor({ timeout: 45_000 });
    await page.reload();
    await wizard.waitUntilLoaded();
    expect(await wizard.textbox(label).inputValue()).toBe('Crossed the river at dawn with two cousins, then walked');
  });

  test('the draft list warns when this window will not keep drafts (private-window figures), in English and Arabic', async () => {
    const { page, context, origin } = await openApp(browser);
    const list = new DraftListPage(page);
    await list.waitUntilLoaded();
    await list.persistenceStatus.waitFor();
    expect(await page.getByText(EPHEMERAL_MESSAGE).count(), 'an ordinary profile is not flagged').toBe(0);

    await reloadWith(context, page, reportIncognitoFigures);
    await list.waitUntilLoaded();
    const warning = page.getByRole('alert').filter({ hasText: EPHEMERAL_MESSAGE });
    await warning.waitFor();
    await list.persistenceStatus.waitFor();
    await expectAccessible(page, 'private-storage warning, English, 360 px', 360);

    await page.evaluate(() => localStorage.setItem('homeward.uiLanguage', 'ar'));
    await page.goto(origin);
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.locator('.storage-ephemeral').waitFor();
    await expectAccessible(page, 'private-storage warning, Arabic, 360 px', 360);
  });
});
