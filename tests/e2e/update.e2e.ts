/**
 * Service-worker updates never interrupt input (docs/adr/0003-updates-never-interrupt-input.md).
 *
 * Version A (the build under test) is served from a private server and its worker installed; then
 * the same origin serves version B (support/app-update.ts: a copy of A whose index.html, and so
 * whose precache, differs) and the page checks for an update. The new worker waits until the
 * caseworker presses "Update now" in the banner; then unsaved input is written first, the tab
 * reloads exactly once into B and lands on the same draft and section with the answer. Another tab
 * whose input is not yet stored is not reloaded by the takeover until its save has gone through.
 * References and answers are fictional.
 *
 * Every load of the app asks for the passphrase (drafts are encrypted). The page objects' waitUntilLoaded
 * unlocks, which also covers the reloads the app makes itself; the harness's auto-unlock is off here
 * because it only wraps page.goto/reload, and would also try to unlock the non-app holder page.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DraftListPage } from './pages/draft-list-page';
import { WizardPage } from './pages/wizard-page';
import {
  buildUpdatedCopy, checkForUpdate, documentStamp, holdDraftWrites, runsUpdatedVersion, stampDocument, switchableServer,
  waitForControllerChange, watchLoads, type UpdatedBuild,
} from './support/app-update';
import { launchBrowser, openApp } from './support/browser';
import { distDir } from './support/paths';
import { waitForServiceWorker } from './support/service-worker';

/** Per key, like a quick typist: well inside autosave's 500 ms debounce, so input stays unsaved while typing. */
const KEY_DELAY_MS = 40;
/** Bound on the words typed while waiting for the banner (about 15 s of typing). */
const MAX_WORDS = 60;
const WORDS = 'the ferry was late so we waited on the quay and counted the gulls until the light went'.split(' ');

let browser: Browser;
let versionB: UpdatedBuild;

beforeAll(async () => {
  versionB = buildUpdatedCopy(distDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  versionB.remove();
});

/** The update banner: a region named by its text, inside the app's status live region. */
function updateBanner(page: Page): Locator {
  return page.getByRole('region', { name: 'An update is ready.', exact: true });
}

function updateNowButton(page: Page): Locator {
  return updateBanner(page).getByRole('button', { name: 'Update now', exact: true });
}

/** Walks the wizard to the first step with a labelled free-text question; returns its label. */
async function firstTextQuestion(wizard: WizardPage): Promise<string> {
  let label = '';
  do {
    const box = wizard.page.getByRole('main').getByRole('textbox').first();
    if ((await box.count()) > 0) {
      label = await box.evaluate((el) => (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? '') : ''));
    }
  } while (label.trim() === '' && (await wizard.next()));
  expect(label.trim(), 'some step has a labelled free-text question').not.toBe('');
  return label.trim();
}

/** Opens version A at `origin`, waits for its worker to control and precache, starts a draft. */
async function startDraftOnA(page: Page, origin: string, ref: string): Promise<{ wizard: WizardPage; label: string; url: string }> {
  const list = new DraftListPage(page);
  await list.goto(origin);
  await waitForServiceWorker(page);
  // waitForServiceWorker may have reloaded the page, which locks the app: unlock again.
  await list.waitUntilLoaded();
  await list.start(ref);
  const wizard = new WizardPage(page);
  await wizard.waitUntilLoaded();
  const label = await firstTextQuestion(wizard);
  return { wizard, label, url: page.url() };
}

/** The answer the form shows for `label` once the draft has been read into it. */
async function waitForAnswer(wizard: WizardPage, label: string, expected: string): Promise<void> {
  await expect.poll(() => wizard.textbox(label).inputValue(), { timeout: 10_000 }).toBe(expected);
}

describe('service-worker update', () => {
  test('waits while the caseworker types; "Update now" saves the answer, reloads once into the new version, same draft and section', async () => {
    const server = await switchableServer(distDir);
    const { page, guard } = await openApp(browser, { origin: server.url, autoUnlock: false });
    const { wizard, label, url: sectionUrl } = await startDraftOnA(page, server.url, 'HW-TEST-0401');
    expect(await runsUpdatedVersion(page), 'version A to begin with').toBe(false);

    const watch = watchLoads(page);
    await stampDocument(page, 'before-update');
    await server.switchTo(versionB.dir);

    // Typing starts before the update check and goes on, key by key, until the banner is there and
    // after it: the new worker installs and waits while the answer is unsaved, and must not reload.
    const box = wizard.textbox(label);
    let typed = '';
    await box.pressSequentially(`${WORDS[0] ?? 'x'} `, { delay: KEY_DELAY_MS });
    typed += `${WORDS[0] ?? 'x'} `;
    await checkForUpdate(page);
    for (let i = 1; !(await updateBanner(page).isVisible()); i += 1) {
      if (i > MAX_WORDS) throw new Error(`No "An update is ready." banner after ${String(MAX_WORDS)} words of typing.`);
      const word = `${WORDS[i % WORDS.length] ?? 'x'} `;
      await box.pressSequentially(word, { delay: KEY_DELAY_MS });
      typed += word;
    }
    const tail = 'and still typing';
    await box.pressSequentially(tail, { delay: KEY_DELAY_MS });
    typed += tail;

    expect(await documentStamp(page), 'the waiting worker did not reload the page').toBe('before-update');
    expect(watch.loads()).toBe(0);
    expect(await box.inputValue()).toBe(typed);
    expect(await runsUpdatedVersion(page)).toBe(false);

    // The last words cannot be stored until the hold is released (a slow disk), so they are
    // certainly unsaved when "Update now" is pressed: it must wait for them, not reload.
    const hold = await holdDraftWrites(page.context(), server.url);
    const last = ', then the bus came';
    await box.pressSequentially(last, { delay: KEY_DELAY_MS });
    typed += last;
    const reloaded = watch.nextLoad();
    await updateNowButton(page).click();
    await updateBanner(page).getByRole('button', { name: 'Updating…', exact: true }).waitFor();
    expect(await documentStamp(page), 'no reload while the answer is being saved').toBe('before-update');
    expect(watch.loads()).toBe(0);
    expect(watch.dialogs, 'no "Leave site?" prompt').toEqual([]);
    expect(await box.inputValue()).toBe(typed);

    await hold.release();
    await reloaded;
    await wizard.waitUntilLoaded();
    await waitForAnswer(wizard, label, typed);
    expect(page.url(), 'the same draft and section').toBe(sectionUrl);
    expect(await documentStamp(page), 'the page was reloaded').toBeNull();
    expect(await runsUpdatedVersion(page), 'the reload brought version B').toBe(true);
    expect(await updateBanner(page).count(), 'no update is left waiting').toBe(0);
    await stampDocument(page, 'after-update');

    // The answer is stored, not just on screen: a new tab reads it from storage.
    const other = await page.context().newPage();
    await other.goto(sectionUrl);
    const otherWizard = new WizardPage(other);
    await otherWizard.waitUntilLoaded();
    await waitForAnswer(otherWizard, label, typed);
    await other.close();

    expect(watch.loads(), 'exactly one reload').toBe(1);
    expect(await documentStamp(page), 'and none after it').toBe('after-update');
    expect(watch.dialogs, 'no "Leave site?" prompt').toEqual([]);
    guard.assertClean();
  });

  test('accepting in one tab does not reload another tab whose input is not yet stored; it reloads once its save has gone through', async () => {
    const server = await switchableServer(distDir);
    const { context, page: tab1 } = await openApp(browser, { origin: server.url, autoUnlock: false });
    const first = await startDraftOnA(tab1, server.url, 'HW-TEST-0411');
    const answer1 = 'Asked to wait at the port office';
    await first.wizard.fillText(first.label, answer1);
    await first.wizard.waitUntilSaved();

    const tab2 = await context.newPage();
    const second = await startDraftOnA(tab2, server.url, 'HW-TEST-0412');

    const watch1 = watchLoads(tab1);
    const watch2 = watchLoads(tab2);
    await server.switchTo(versionB.dir);
    await checkForUpdate(tab1);
    await updateBanner(tab1).waitFor();
    await updateBanner(tab2).waitFor();

    // Tab 2's next save cannot go through until the hold is released (a slow or busy disk).
    const hold = await holdDraftWrites(context, server.url);

    await stampDocument(tab2, 'tab-2-before');
    const answer2 = 'Brother lives near the old market';
    await second.wizard.typeText(second.label, answer2, KEY_DELAY_MS);

    const reloaded1 = watch1.nextLoad();
    await updateNowButton(tab1).click();
    await reloaded1;
    expect(await runsUpdatedVersion(tab1), 'tab 1 reloaded into version B').toBe(true);
    expect(tab1.url()).toBe(first.url);

    // The new worker has taken tab 2 over too, and tab 2 has handled that, but its answer is not stored.
    await waitForControllerChange(tab2);
    expect(await documentStamp(tab2), 'tab 2 was not reloaded').toBe('tab-2-before');
    expect(watch2.loads()).toBe(0);
    expect(watch2.dialogs, 'tab 2 did not even try to unload ("Leave site?")').toEqual([]);
    expect(await second.wizard.textbox(second.label).inputValue(), 'tab 2 keeps its input on screen').toBe(answer2);
    expect(await second.wizard.saveStatus.innerText()).toBe('Saving…');
    expect(await runsUpdatedVersion(tab2)).toBe(false);

    // Once the save goes through, tab 2 reloads on its own into B, with its answer, same place.
    const reloaded2 = watch2.nextLoad();
    await hold.release();
    await reloaded2;
    await second.wizard.waitUntilLoaded();
    await waitForAnswer(second.wizard, second.label, answer2);
    expect(tab2.url()).toBe(second.url);
    expect(await runsUpdatedVersion(tab2)).toBe(true);

    await first.wizard.waitUntilLoaded();
    await waitForAnswer(first.wizard, first.label, answer1);
    expect(watch1.loads(), 'tab 1 reloaded exactly once').toBe(1);
    expect(watch2.loads(), 'tab 2 reloaded exactly once').toBe(1);
    expect(watch1.dialogs).toEqual([]);
    expect(watch2.dialogs).toEqual([]);
  });
});
