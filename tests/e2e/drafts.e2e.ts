/**
 * The draft list: start, resume, duplicate and delete assessments kept on this device. References
 * are fictional. The list is what anyone glancing at the phone sees first, so it must never show
 * answers, and a reference must never reach the URL or the title (they show in the task switcher).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DraftListPage } from './pages/draft-list-page';
import { WizardPage } from './pages/wizard-page';
import { launchBrowser, openApp } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function openList(): Promise<{ list: DraftListPage; origin: string }> {
  const { page, origin } = await openApp(browser);
  const list = new DraftListPage(page);
  await list.waitUntilLoaded();
  return { list, origin };
}

describe('draft list', () => {
  test('starts an assessment under a new reference; the URL and title carry only a random id', async () => {
    const { list, origin } = await openList();
    expect(await list.draftReferences()).toEqual([]);
    const id = await list.start('HW-TEST-0001');
    expect(list.page.url()).not.toContain('HW-TEST');
    expect(await list.page.title()).not.toContain('HW-TEST');
    await list.goto(origin);
    expect(await list.draftReferences()).toEqual(['HW-TEST-0001']);
    expect(await list.resume('HW-TEST-0001')).toBe(id);
  });

  test('refuses an empty reference and creates nothing', async () => {
    const { list } = await openList();
    await list.caseReference.fill('   ');
    await list.startButton.click();
    await list.page.getByText('Enter a case reference.').waitFor();
    expect(list.page.url()).not.toMatch(/#\/draft\//);
    expect(await list.draftReferences()).toEqual([]);
  });

  test('keeps drafts across a reload (they are in IndexedDB, not in memory)', async () => {
    const { list, origin } = await openList();
    await list.start('HW-TEST-0002');
    await list.goto(origin);
    await list.page.reload();
    expect(await list.draftReferences()).toEqual(['HW-TEST-0002']);
  });

  test('duplicates a draft under a new reference, as a separate draft', async () => {
    const { list, origin } = await openList();
    const originalId = await list.start('HW-TEST-0003');
    await list.goto(origin);
    await list.duplicate('HW-TEST-0003', 'HW-TEST-0003-B');
    await list.notice.filter({ hasText: 'HW-TEST-0003 was copied as HW-TEST-0003-B.' }).waitFor();
    expect((await list.draftReferences()).slice().sort()).toEqual(['HW-TEST-0003', 'HW-TEST-0003-B']);
    const copyId = await list.resume('HW-TEST-0003-B');
    expect(copyId).not.toBe(originalId);
  });

  test('deletes only after confirmation; Cancel keeps the draft', async () => {
    const { list, origin } = await openList();
    await list.start('HW-TEST-0004');
    await list.goto(origin);
    await list.start('HW-TEST-0005');
    await list.goto(origin);

    await list.delete('HW-TEST-0004', 'cancel');
    expect((await list.draftReferences()).slice().sort()).toEqual(['HW-TEST-0004', 'HW-TEST-0005']);

    await list.delete('HW-TEST-0004', 'confirm');
    await list.notice.filter({ hasText: 'HW-TEST-0004 was deleted.' }).waitFor();
    expect(await list.draftReferences()).toEqual(['HW-TEST-0005']);
    await list.page.reload();
    expect(await list.draftReferences()).toEqual(['HW-TEST-0005']);
  });

  test('says whether the browser may clear stored drafts', async () => {
    const { list } = await openList();
    // Persistence is requested after the first real save, so start one and come back.
    await list.start('HW-TEST-0006');
    await list.page.goBack();
    await list.waitUntilLoaded();
    await list.persistenceStatus.waitFor();
    expect(await list.persistenceStatus.count()).toBe(1);
  });

  test('never shows an answer, only reference, status and last save', async () => {
    const { list, origin } = await openList();
    await list.start('HW-TEST-0007');
    const wizard = new WizardPage(list.page);
    await wizard.waitUntilLoaded();
    // A distinctive fictional answer typed into the first free-text question the case reaches.
    const canary = 'Canary-answer-4f1d';
    let typed = false;
    do {
      const box = wizard.page.getByRole('main').getByRole('textbox').first();
      if ((await box.count()) > 0) {
        await box.fill(canary);
        typed = true;
      }
    } while (!typed && (await wizard.next()));
    expect(typed, 'some step has a free-text question').toBe(true);
    await wizard.waitUntilSaved();
    await list.goto(origin);
    const card = list.savedList.getByRole('article', { name: 'HW-TEST-0007' });
    await card.waitFor();
    expect(await list.page.getByRole('main').innerText()).not.toContain(canary);
    expect(await card.innerText()).toMatch(/Status\s+In progress/);
    expect(await card.innerText()).toMatch(/Last saved/);
  });
});
