/**
 * Starts a draft under `caseRef` and types `marker` into the first free-text question the wizard
 * reaches, then waits until autosave has stored it. Used by the tests that look for the marker
 * on disk afterwards (encryption at rest, panic wipe).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DraftListPage } from '../pages/draft-list-page';
import { WizardPage } from '../pages/wizard-page';

export async function startDraftWithMarker(page: Page, caseRef: string, marker: string): Promise<{ draftId: string; wizard: WizardPage }> {
  const list = new DraftListPage(page);
  await list.waitUntilLoaded();
  const draftId = await list.start(caseRef);
  const wizard = new WizardPage(page);
  await wizard.waitUntilLoaded();
  let typed = false;
  do {
    const box = page.getByRole('main').getByRole('textbox').first();
    if ((await box.count()) > 0) {
      await box.fill(marker);
      typed = true;
    }
  } while (!typed && (await wizard.next()));
  expect(typed, 'some step has a free-text question').toBe(true);
  await wizard.waitUntilSaved();
  return { draftId, wizard };
}
