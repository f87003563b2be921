/**
 * Two tabs on one draft (src/session/draft-access.ts): exactly one writes. The second tab says
 * so, shows the draft with every input disabled and saves nothing; when the first tab closes it
 * takes over by itself and shows the first tab's last save. "Edit here instead" makes the writer
 * save its unsaved input before handing over, so nothing typed there is lost either.
 * Pages of one context are tabs of one browser: they share IndexedDB, Web Locks and
 * BroadcastChannel, and each unlocks its own key session.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DraftListPage } from './pages/draft-list-page';
import { SessionTabsPage } from './pages/session-tabs';
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

/** Starts a draft and moves to the first step with a free-text question; returns its label and URL. */
async function startOnTextStep(page: Page, caseRef: string): Promise<{ label: string; url: string; wizard: WizardPage }> {
  const list = new DraftListPage(page);
  await list.waitUntilLoaded();
  await list.start(caseRef);
  const wizard = new WizardPage(page);
  await wizard.waitUntilLoaded();
  let label = '';
  do {
    const box = page.getByRole('main').getByRole('textbox').first();
    if ((await box.count()) > 0) label = (await box.evaluate((el) => (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? (el.labels?.[0]?.textContent ?? '') : ''))).trim();
  } while (label === '' && (await wizard.next()));
  expect(label, 'some step has a labelled free-text question').not.toBe('');
  return { label, url: page.url(), wizard };
}

/** Opens the same draft step in another tab of the context and waits until its form shows. */
async function openSecondTab(page: Page, url: string): Promise<{ page: Page; wizard: WizardPage; tabs: SessionTabsPage }> {
  const second = await page.context().newPage();
  await second.goto(url);
  const wizard = new WizardPage(second);
  await wizard.waitUntilLoaded();
  return { page: second, wizard, tabs: new SessionTabsPage(second) };
}


describe('two tabs on one draft', () => {
  test('exactly one tab writes; the other is read-only, then takes over with the last save when the first closes', async () => {
    const { page: first } = await openApp(browser);
    const { label, url, wizard } = await startOnTextStep(first, 'HW-TEST-0401');
    await wizard.typeText(label, 'Left the farm in March', 20);
    await wizard.waitUntilSaved();

    const second = await openSecondTab(first, url);
    await second.tabs.readOnlyNotice.waitFor();
    const box = second.wizard.textbox(label);
    expect(await box.inputValue(), 'the reader shows what the writer saved').toBe('Left the farm in March');
    expect(await box.isDisabled(), 'inputs are disabled in the read-only tab').toBe(true);
    expect(await second.page.getByRole('main').getByRole('radio').first().isDisabled()).toBe(true);
    // Typing is impossible: the disabled field takes no focus and no keys.
    await box.focus().catch(() => undefined);
    await second.page.keyboard.type('XYZ');
    expect(await box.inputValue()).toBe('Left the farm in March');
    expect(await new SessionTabsPage(first).isReadOnly(), 'the first tab still writes').toBe(false);
    expect(await wizard.textbox(label).isEnabled()).toBe(true);
    await expectAccessible(second.page, 'read-only notice, English, 360 px', 360);

    // The writer keeps typing and saving; the reader writes nothing meanwhile.
    await wizard.typeText(label, ', by bus', 20);
    await wizard.waitUntilSaved();

    // The same notice in Arabic (right to left), in a third tab.
    await first.evaluate(() => localStorage.setItem('homeward.uiLanguage', 'ar'));
    const arabic = await first.context().newPage();
    await arabic.goto(url);
    await arabic.waitForFunction(() => document.documentElement.dir === 'rtl');
    await new SessionTabsPage(arabic).anyLanguageNotice.waitFor();
    await first.evaluate(() => localStorage.removeItem('homeward.uiLanguage'));
    await expectAccessible(arabic, 'read-only notice, Arabic, 360 px', 360);
    await arabic.close();

    // The writer closes: the reader takes over by itself, with the writer's last save.
    await first.close();
    await second.tabs.readOnlyNotice.waitFor({ state: 'detached' });
    const taken = second.wizard.textbox(label);
    await taken.and(second.page.locator(':enabled')).waitFor();
    expect(await taken.inputValue(), "the first tab's last save, nothing lost").toBe('Left the farm in March, by bus');
    await taken.press('Control+End');
    await second.page.keyboard.type('; arrived at night', { delay: 20 });
    await second.wizard.waitUntilSaved();
    await second.page.reload();
    await second.wizard.waitUntilLoaded();
    expect(await second.wizard.textbox(label).inputValue()).toBe('Left the farm in March, by bus; arrived at night');
  });

  test('"Edit here instead" takes over only after the writer has saved what it had not saved yet', async () => {
    const { page: first } = await openApp(browser);
    const { label, url, wizard } = await startOnTextStep(first, 'HW-TEST-0402');
    await wizard.typeText(label, 'Met the recruiter', 20);
    await wizard.waitUntilSaved();
    const second = await openSecondTab(first, url);
    await second.tabs.readOnlyNotice.waitFor();

    // Unsaved input in the writer: typed just now, well inside autosave's debounce.
    await wizard.textbox(label).press('Control+End');
    await first.keyboard.type(' in town');
    await second.tabs.takeOverButton.click();

    const taken = second.wizard.textbox(label);
    await taken.and(second.page.locator(':enabled')).waitFor();
    expect(await taken.inputValue(), 'the unsaved words were saved by the first tab before it handed over').toBe('Met the recruiter in town');
    const firstTabs = new SessionTabsPage(first);
    await firstTabs.readOnlyNotice.waitFor();
    expect(await wizard.textbox(label).isDisabled(), 'the first tab is now the read-only one').toBe(true);

    await expectAccessible(first, 'the first tab, read-only after handing over, 360 px', 360);

    // And back: the second tab writes, saves on request, and the first edits again.
    await taken.press('Control+End');
    await second.page.keyboard.type(' at night');
    await firstTabs.takeOverButton.click();
    const back = wizard.textbox(label);
    await back.and(first.locator(':enabled')).waitFor();
    expect(await back.inputValue()).toBe('Met the recruiter in town at night');
    await second.tabs.readOnlyNotice.waitFor();
  });
});
