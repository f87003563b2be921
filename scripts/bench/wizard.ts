/** Opening a new draft in the wizard on a fresh profile, and finding its free-text fields. */
import type { Locator, Page } from 'playwright-core';
import { DraftListPage } from '../../tests/e2e/pages/draft-list-page';
import { WizardPage } from '../../tests/e2e/pages/wizard-page';

/** Sets up the passphrase on this fresh profile, starts a draft and waits for the wizard's first step. */
export async function openNewDraft(page: Page, origin: string, ref: string): Promise<WizardPage> {
  const list = new DraftListPage(page);
  await list.goto(origin);
  await list.start(ref);
  const wizard = new WizardPage(page);
  await wizard.waitUntilLoaded();
  return wizard;
}

/** The current step's text boxes (text and number inputs, text areas) that are visible and editable. */
export async function editableTextboxes(page: Page): Promise<Locator[]> {
  const boxes: Locator[] = [];
  for (const box of await page.getByRole('main').getByRole('textbox').all()) {
    // Chromium also gives a date input the textbox role; typing text into it changes nothing.
    const typable = await box.evaluate((el) => el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && ['text', 'search', ''].includes(el.getAttribute('type') ?? '')));
    if (typable && (await box.isVisible()) && (await box.isEditable())) boxes.push(box);
  }
  return boxes;
}

/** True for a number item (a text box with a numeric keyboard, see wizard/inputs/number-input.tsx). */
export async function isNumeric(box: Locator): Promise<boolean> {
  const mode = await box.getAttribute('inputmode');
  return mode === 'numeric' || mode === 'decimal';
}
