/**
 * The home screen, "Assessments on this device", driven the way a caseworker (or a screen reader)
 * finds things: by role and accessible name. If a name changes in locales/en/ui.json, change it here.
 */
import type { Locator, Page } from 'playwright-core';
import { LockPage } from './lock-page';

/** The persistence notices of the list (locales/en/ui.json, drafts.persistence.*). */
const PERSISTENCE_MESSAGES = [
  'Storage is protected from automatic clearing.',
  'The browser may clear stored drafts when space is low',
  'This browser cannot protect stored drafts from being cleared',
];

export class DraftListPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Assessments on this device' });
  }

  get caseReference(): Locator {
    return this.page.getByRole('textbox', { name: 'Case reference', exact: true });
  }

  get startButton(): Locator {
    return this.page.getByRole('button', { name: 'Start assessment', exact: true });
  }

  /** The "Saved assessments" section, where every draft is one card headed by its reference. */
  get savedList(): Locator {
    return this.page.getByRole('region', { name: 'Saved assessments' });
  }

  get persistenceStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: new RegExp(PERSISTENCE_MESSAGES.map(escapeRegExp).join('|')) });
  }

  /** The live region that confirms a delete or a copy. */
  get notice(): Locator {
    return this.savedList.getByRole('status').filter({ hasText: /was (deleted|copied)/ });
  }

  resumeButton(ref: string): Locator {
    return this.page.getByRole('button', { name: `Resume ${ref}`, exact: true });
  }

  duplicateButton(ref: string): Locator {
    return this.page.getByRole('button', { name: `Duplicate ${ref}`, exact: true });
  }

  deleteButton(ref: string): Locator {
    return this.page.getByRole('button', { name: `Delete ${ref}`, exact: true });
  }

  /** A draft of an older questionnaire version offers the move to the newer one (locales/en/drafts.json). */
  upgradeButton(ref: string, version: number): Locator {
    return this.page.getByRole('button', { name: `Move to version ${String(version)}: ${ref}`, exact: true });
  }

  /** The confirmation that shows what the move would change before anything changes. */
  upgradeDialog(ref: string, version: number): Locator {
    return this.page.getByRole('dialog', { name: `Move ${ref} to questionnaire version ${String(version)}?` });
  }

  /** The card of the draft whose heading is `ref` (the first one, when two share a reference). */
  card(ref: string): Locator {
    return this.savedList.getByRole('article', { name: ref, exact: true });
  }

  /**
   * When two drafts share a reference (a draft moved to a newer version keeps its reference, and
   * the original stays), each button's name also says the questionnaire version.
   */
  resumeVersionButton(ref: string, version: number): Locator {
    return this.page.getByRole('button', { name: `Resume ${ref}, version ${String(version)}`, exact: true });
  }

  /** Moves a draft through the confirmation and waits for the new draft's wizard. */
  async upgrade(ref: string, version: number): Promise<string> {
    const dialog = this.upgradeDialog(ref, version);
    await dialog.getByRole('button', { name: `Move to version ${String(version)}`, exact: true }).click();
    return this.leftForDraft();
  }

  /** Opens the list at `origin` and waits until the saved drafts have been read. */
  async goto(origin: string): Promise<void> {
    await this.page.goto(new URL('#/', origin).href);
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    // Drafts are encrypted: nothing of a case shows until the app is unlocked.
    await new LockPage(this.page).ensureUnlocked();
    await this.heading.waitFor();
    // Drafts are read from IndexedDB after the first paint; until then the list says so.
    await this.page.getByText('Loading saved assessments…').waitFor({ state: 'detached' });
    await this.savedList.waitFor();
  }

  /** Case references of the drafts shown, in list order. */
  async draftReferences(): Promise<string[]> {
    await this.waitUntilLoaded();
    const texts = await this.savedList.getByRole('heading', { level: 3 }).allInnerTexts();
    return texts.map((t) => t.trim());
  }

  /** Starts an assessment and waits for the wizard's URL (a random id, never the reference). */
  async start(ref: string): Promise<string> {
    await this.caseReference.fill(ref);
    await this.startButton.click();
    return this.leftForDraft();
  }

  async resume(ref: string): Promise<string> {
    await this.resumeButton(ref).click();
    return this.leftForDraft();
  }

  /**
   * Waits until the list has really been replaced by the draft's screen. The URL changes first;
   * while the lazy wizard chunk loads, React keeps the list mounted (hidden), and going back to the
   * list then would show that stale instance. Removal from the DOM is the reliable signal.
   */
  private async leftForDraft(): Promise<string> {
    await this.page.waitForURL(/#\/draft\/[A-Za-z0-9-]+/);
    // A CSS locator on purpose: role locators skip hidden elements, and the stale list is hidden.
    await this.page.locator('h1', { hasText: 'Assessments on this device' }).waitFor({ state: 'detached' });
    return draftIdFromUrl(this.page.url());
  }

  duplicateDialog(ref: string): Locator {
    return this.page.getByRole('dialog', { name: `Duplicate ${ref}` });
  }

  deleteDialog(ref: string): Locator {
    return this.page.getByRole('dialog', { name: `Delete ${ref}?` });
  }

  async duplicate(ref: string, newRef: string): Promise<void> {
    await this.duplicateButton(ref).click();
    const dialog = this.duplicateDialog(ref);
    await dialog.getByRole('textbox', { name: 'Case reference for the copy' }).fill(newRef);
    await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Opens the delete confirmation and answers it. */
  async delete(ref: string, answer: 'confirm' | 'cancel'): Promise<void> {
    await this.deleteButton(ref).click();
    const dialog = this.deleteDialog(ref);
    await dialog.waitFor();
    await dialog.getByRole('button', { name: answer === 'confirm' ? 'Delete' : 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}

export function draftIdFromUrl(url: string): string {
  const id = /#\/draft\/([A-Za-z0-9-]+)/.exec(url)?.[1];
  if (!id) throw new Error(`Not a draft URL: ${url}`);
  return id;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
