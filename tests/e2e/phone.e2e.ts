/**
 * An interview on a phone (issue 15), at 360×740 with touch: every page of the interview shows
 * its first question without scrolling and moves focus to its heading; Quick exit is one tap
 * away on every screen after scrolling to its bottom (lock screen included) and inside an open
 * dialog; the lock screen erases everything (with the typed word) without unlocking; the idle
 * lock follows this device's choice (2 minutes here) and a moving pointer keeps it open.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IDLE_WARNING_MS } from '../../src/features/lock/lock-settings';
import { DraftListPage } from './pages/draft-list-page';
import { LockPage } from './pages/lock-page';
import { SettingsPage } from './pages/settings-page';
import { WizardPage } from './pages/wizard-page';
import { describeViolations, runAxe } from './support/axe';
import { launchBrowser, openApp } from './support/browser';
import type { Answers } from './support/instrument';
import { repoRoot } from './support/paths';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Scrolls to the very bottom, then checks that a tap at Quick exit's centre would reach it. */
async function quickExitReachableAtBottom(page: Page, where: string): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  const button = new LockPage(page).quickExitButton;
  const box = await button.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error(`${where}: Quick exit is not laid out`);
  expect(box.y >= 0 && box.y + box.height <= viewport.height, `${where}: Quick exit on screen after scrolling down`).toBe(true);
  const hit = await button.evaluate((el, { x, y }) => {
    const top = document.elementFromPoint(x, y);
    return top !== null && el.contains(top);
  }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  expect(hit, `${where}: nothing covers Quick exit`).toBe(true);
}

async function expectNeutralPage(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Notes', exact: true }).waitFor();
  expect(page.url()).not.toContain('draft');
}

/** The first question of the page: its label is within the first screen, no scrolling. */
async function firstQuestionOnFirstScreen(page: Page, where: string): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  const label = page.getByRole('main').locator('.item__label').first();
  if ((await label.count()) === 0) return; // a section whose questions are all hidden for this case
  const box = await label.boundingBox();
  expect(box && box.y + box.height <= 740, `${where}: first question ends at ${String(box ? box.y + box.height : NaN)} px`).toBe(true);
}

describe('the interview on a 360×740 phone', () => {
  test('every page shows its first question without scrolling, focus moves to its heading, and Quick exit stays one tap away', { timeout: 240_000 }, async () => {
    const { page } = await openApp(browser);
    const list = new DraftListPage(page);
    await list.waitUntilLoaded();
    await list.start('HW-PHONE-01');
    const wizard = new WizardPage(page);
    await wizard.waitUntilLoaded();
    const seen = new Set<string>();
    for (let guard = 0; guard < 120; guard += 1) {
      const where = new URL(page.url()).hash;
      seen.add(where);
      await firstQuestionOnFirstScreen(page, where);
      await quickExitReachableAtBottom(page, where);
      // Back, the section list and Next: on screen at the bottom of the page.
      expect(await wizard.nextButton.isVisible()).toBe(true);
      const before = page.url();
      await wizard.nextButton.click();
      await page.waitForURL((url) => url.href !== before);
      if (page.url().endsWith('/review')) break;
      await wizard.waitUntilStepShown();
      // The new page's heading has focus, and the page starts at its top.
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
    }
    expect(seen.size, 'pages walked').toBeGreaterThan(20);
    // The review, then the other screens: Quick exit after scrolling to the bottom of each.
    await page.getByRole('heading', { level: 1, name: 'Review and decision' }).waitFor();
    await quickExitReachableAtBottom(page, 'review');
    for (const [name, heading] of [['Verify', /./], ['Settings', 'Settings'], ['Assessments', /./]] as const) {
      await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
      await page.getByRole('main').getByRole('heading', { level: 1, name: heading }).first().waitFor();
      await quickExitReachableAtBottom(page, name);
    }
    await new LockPage(page).quickExitButton.click();
    await expectNeutralPage(page);
  });

  test('Quick exit is inside an open dialog too, and one tap there hides everything', async () => {
    const { page } = await openApp(browser);
    const list = new DraftListPage(page);
    await list.waitUntilLoaded();
    await list.start('HW-PHONE-02');
    await new WizardPage(page).waitUntilLoaded();
    await page.getByRole('navigation').getByRole('link', { name: 'Assessments', exact: true }).click();
    await list.waitUntilLoaded();
    await list.deleteButton('HW-PHONE-02').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // The dialog's own first control has the focus, never Quick exit (one Enter away).
    expect(await dialog.getByRole('button', { name: 'Quick exit', exact: true }).evaluate((el) => el === document.activeElement)).toBe(false);
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await dialog.getByRole('button', { name: 'Quick exit', exact: true }).click();
    await expectNeutralPage(page);
  });
});

describe('the lock screen', () => {
  test('erases everything with the typed word, without unlocking; Quick exit is reachable there', async () => {
    const { page } = await openApp(browser);
    const list = new DraftListPage(page);
    await list.waitUntilLoaded();
    await list.start('HW-PHONE-03');
    await new WizardPage(page).waitUntilLoaded();
    const lock = new LockPage(page);
    await lock.lockButton.click();
    await page.locator('main[data-lock-state="locked"]').waitFor();
    await quickExitReachableAtBottom(page, 'lock screen');
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    const settings = new SettingsPage(page);
    const erase = page.getByRole('region', { name: 'Erase everything on this device', exact: true }).getByRole('button', { name: 'Erase everything', exact: true });
    // Cancel first: nothing goes.
    await erase.click();
    await settings.dialog.waitFor();
    await settings.confirmWord.fill('ERAS');
    expect(await settings.confirmButton.isDisabled(), 'a half-typed word never enables it').toBe(true);
    await settings.cancelButton.click();
    await lock.unlock();
    await lock.waitUntilUnlocked();
    await page.getByRole('navigation').getByRole('link', { name: 'Assessments', exact: true }).click();
    await list.card('HW-PHONE-03').waitFor();

    // Locked again: erase with the word; the app restarts on first-run set-up with nothing kept.
    await lock.lockButton.click();
    await page.locator('main[data-lock-state="locked"]').waitFor();
    await erase.click();
    await settings.confirmWord.fill('erase ');
    await settings.confirmButton.click();
    await page.locator('main[data-lock-state="setup"]').waitFor({ timeout: 30_000 });
    await lock.setUp();
    await lock.waitUntilUnlocked();
    await list.waitUntilLoaded();
    expect(await list.card('HW-PHONE-03').count()).toBe(0);
  });
});

describe('the idle lock, chosen per device', () => {
  test('2 minutes chosen in Settings: warns 30 s before, a moving pointer keeps it open, then it locks', async () => {
    const { page } = await openApp(browser);
    const settings = new SettingsPage(page);
    await settings.open();
    const choice: Locator = page.getByRole('combobox', { name: 'Minutes without use before the app locks', exact: true });
    await choice.selectOption('2');
    await page.getByRole('status').filter({ hasText: 'locks after 2 minutes' }).waitFor();
    // Fake timers from the next document on; the reload unlocks again (support/auto-unlock.ts).
    await page.context().clock.install();
    await page.reload();
    await settings.heading.waitFor();
    expect(await choice.inputValue(), 'the choice is kept on this device').toBe('2');
    const lock = new LockPage(page);
    const warning = page.getByRole('alert').filter({ hasText: 'Homeward has not been used for a while' });
    const after = async (ms: number): Promise<{ warned: boolean; state: string | null }> => {
      await page.clock.runFor(ms);
      await sleep(150);
      return { warned: await warning.isVisible(), state: await lock.state() };
    };
    const now = await page.evaluate(() => Date.now());
    await page.clock.pauseAt(now + 1_000);
    await page.keyboard.press('Shift');
    expect(await after(120_000 - IDLE_WARNING_MS - 1_000)).toEqual({ warned: false, state: 'unlocked' });
    expect(await after(2_000)).toEqual({ warned: true, state: 'unlocked' });
    // A pointer moving (no press, no key) is use: the warning goes and the count starts again.
    await page.mouse.move(100, 300);
    await page.mouse.move(140, 320);
    expect(await after(1_000)).toEqual({ warned: false, state: 'unlocked' });
    expect(await after(120_000 - IDLE_WARNING_MS - 3_000)).toEqual({ warned: false, state: 'unlocked' });
    expect(await after(120_000)).toEqual({ warned: false, state: 'locked' });
  });
});

describe('less typing', () => {
  test('the assessor’s details and the interpreter are offered in one tap, from this device’s earlier assessment and this case', async () => {
    const { page } = await openApp(browser);
    const list = new DraftListPage(page);
    await list.waitUntilLoaded();
    await list.start('HW-PHONE-05A');
    const wizard = new WizardPage(page);
    await wizard.waitUntilLoaded();
    const details = { A3: 'Caseworker HW-Z', 'A3.organisation': 'Fictional Field NGO', 'A3.role': 'Caseworker' };
    for (const [code, value] of Object.entries(details)) await wizard.answerItem(code, value);
    await wizard.waitUntilSaved();

    // A second assessment: the assessor's question offers the details typed in the first.
    await page.getByRole('navigation').getByRole('link', { name: 'Assessments', exact: true }).click();
    await list.waitUntilLoaded();
    await list.start('HW-PHONE-05B');
    await wizard.waitUntilLoaded();
    await wizard.showItem('A3');
    const offer = page.getByRole('button', { name: 'Use your details from your last assessment (Caseworker HW-Z…)', exact: true });
    await offer.click();
    for (const [code, value] of Object.entries(details)) expect(await wizard.readItem(code), code).toBe(value);
    await expect.poll(() => offer.count(), { message: 'the offer goes once taken' }).toBe(0);

    // The interpreter named for the person's first words is offered for the next ones.
    const words = { original: 'Dua të kthehem.', language: 'sq', translation: 'I want to go back.', translatedBy: 'Interpreter 9031' };
    await wizard.showItem('B2');
    await wizard.answerItem('B2', words);
    await wizard.showItem('B3');
    const next = wizard.itemGroup('B3');
    await next.getByRole('button', { name: 'Translated by Interpreter 9031', exact: true }).click();
    expect(await next.getByRole('textbox', { name: 'Translated by', exact: true }).inputValue()).toBe('Interpreter 9031');
    await wizard.waitUntilSaved();
    await page.reload();
    await wizard.waitUntilLoaded();
    expect(await next.getByRole('textbox', { name: 'Translated by', exact: true }).inputValue(), 'kept after a reload').toBe('Interpreter 9031');
  });
});

describe('flags that say what to do', () => {
  test('each flag of a section is shown once, under its question, with its next step and its rule behind "Why?"; the section summary lists the same flags', async () => {
    const golden = JSON.parse(readFileSync(join(repoRoot, 'tests/golden/cases-v2/18-adult-smuggler-threatens-no-plan.json'), 'utf8')) as { now: string; answers: Answers };
    const { page, context, origin } = await openApp(browser);
    await context.clock.setFixedTime(new Date(`${golden.now}T12:00:00Z`));
    const list = new DraftListPage(page);
    await list.waitUntilLoaded();
    const draftId = await list.start('HW-PHONE-06');
    const wizard = new WizardPage(page);
    await wizard.waitUntilLoaded();
    await wizard.showItem('E1');
    await wizard.fillSection(golden.answers);
    const summary = page.getByRole('region', { name: 'Flags standing in this section', exact: true });
    await summary.waitFor();
    const listed = (await summary.getByRole('listitem').allInnerTexts()).map((t) => t.trim());
    expect(listed.length, 'flags in the Debt summary').toBeGreaterThan(1);
    expect(await summary.innerText()).toMatch(/STOP: \d+ · Escalate: \d+ · Risk: \d+/);

    // Every page of the section: each flag once, with "Why?" holding its rule; together, the summary's flags.
    const shown: string[] = [];
    const pages = (await wizard.position()).pages;
    for (let n = 1; n <= pages; n += 1) {
      await page.goto(`${origin}#/draft/${draftId}/E/${String(n)}`);
      await wizard.waitUntilStepShown();
      for (const flag of await page.locator('main .item-flags > li').all()) {
        shown.push((await flag.locator('.flag__reason').innerText()).trim());
        const why = flag.locator('details.why');
        await why.locator('summary').click();
        expect(await why.innerText()).toMatch(/Rule E\d+[.a-z_]*-[a-z-]+ · Source: /);
      }
    }
    expect(new Set(shown).size, 'no flag repeated under two questions').toBe(shown.length);
    expect(shown.length).toBe(listed.length);
    for (const reason of shown) expect(listed.some((item) => item.startsWith(reason.replace(/ \(because.*\)$/, ''))), reason).toBe(true);
    expect(await page.getByRole('main').getByText(/^Next step: /).count(), 'next steps named').toBeGreaterThan(0);
  });
});
