/**
 * The wizard: one section per step, a "Sections" navigation, Next/Previous section buttons and a
 * save status. Items are found by their question text (the accessible name the instrument content
 * gives them), never by item code or CSS, so a test reads like the interview it drives.
 */
import type { Locator, Page } from 'playwright-core';

/** Either the visible question text or a pattern for it. */
export type Name = string | RegExp;

export class WizardPage {
  constructor(readonly page: Page) {}

  get sectionsNav(): Locator {
    return this.page.getByRole('navigation', { name: 'Sections' });
  }

  get nextButton(): Locator {
    return this.page.getByRole('button', { name: 'Next section', exact: true });
  }

  get previousButton(): Locator {
    return this.page.getByRole('button', { name: 'Previous section', exact: true });
  }

  /** The autosave status (role=status), e.g. "Saving…" / "Saved". */
  get saveStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /sav/i });
  }

  /** The step's heading: the section's title. */
  get sectionHeading(): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 1 });
  }

  async waitUntilLoaded(): Promise<void> {
    await this.sectionsNav.waitFor();
    await this.sectionHeading.first().waitFor();
  }

  async currentSectionTitle(): Promise<string> {
    return (await this.sectionHeading.first().innerText()).trim();
  }

  /** Names of the sections listed in the navigation (only those visible for this case). */
  async sectionNames(): Promise<string[]> {
    // Role locators skip hidden elements, so unfold the list on a phone first.
    if (await this.sectionsToggle.isVisible()) {
      if ((await this.sectionsToggle.getAttribute('aria-expanded')) !== 'true') await this.sectionsToggle.click();
    }
    const entries = this.sectionsNav.getByRole('listitem').getByRole('link');
    return (await entries.allInnerTexts()).map((t) => t.trim().replace(/\s+/g, ' '));
  }

  /** On a phone the section list is folded behind "Sections: step n of m". */
  get sectionsToggle(): Locator {
    return this.sectionsNav.getByRole('button', { name: /^Sections: step \d+ of \d+$/ });
  }

  async openSection(name: Name): Promise<void> {
    const entry = this.sectionsNav.getByRole('link', { name });
    if (!(await entry.first().isVisible()) && (await this.sectionsToggle.isVisible())) await this.sectionsToggle.click();
    await entry.first().click();
    await this.waitUntilLoaded();
  }

  /** Goes to the next section; resolves false when there is none (the last step). */
  async next(): Promise<boolean> {
    if ((await this.nextButton.count()) === 0) return false;
    const before = this.page.url();
    await this.nextButton.click();
    await this.page.waitForURL((url) => url.href !== before);
    return true;
  }

  /** A question rendered as a group of options (radio group or fieldset). */
  question(name: Name): Locator {
    return this.page.getByRole('radiogroup', { name }).or(this.page.getByRole('group', { name })).first();
  }

  /** Picks one option of a single-choice or yes/no/unknown/declined question. */
  async choose(question: Name, option: Name): Promise<void> {
    await this.question(question).getByRole('radio', { name: option, exact: typeof option === 'string' }).check();
  }

  /** Ticks the given options of a multiple-choice question. */
  async tick(question: Name, options: readonly Name[]): Promise<void> {
    const group = this.question(question);
    for (const option of options) await group.getByRole('checkbox', { name: option, exact: typeof option === 'string' }).check();
  }

  textbox(name: Name): Locator {
    return this.page.getByRole('textbox', { name, exact: typeof name === 'string' });
  }

  async fillText(name: Name, value: string): Promise<void> {
    await this.textbox(name).fill(value);
  }

  /** Types like a person (key by key), so autosave sees a stream of changes, not one. */
  async typeText(name: Name, value: string, delayMs = 40): Promise<void> {
    await this.textbox(name).pressSequentially(value, { delay: delayMs });
  }

  async fillNumber(name: Name, value: number): Promise<void> {
    await this.page.getByRole('spinbutton', { name, exact: typeof name === 'string' }).fill(String(value));
  }

  /** Date inputs have no ARIA role; they are found by their label. */
  async fillDate(name: Name, isoDate: string): Promise<void> {
    await this.page.getByLabel(name, { exact: typeof name === 'string' }).fill(isoDate);
  }

  /** Waits until autosave reports that everything typed so far is stored ("All changes saved"). */
  async waitUntilSaved(): Promise<void> {
    await this.page.getByRole('status').filter({ hasText: /^All changes saved$/ }).first().waitFor();
  }

  /** Goes to the review screen from the wizard. */
  async openReview(): Promise<void> {
    const link = this.sectionsNav.getByRole('link', { name: 'Review and decision', exact: true });
    if (!(await link.isVisible()) && (await this.sectionsToggle.isVisible())) await this.sectionsToggle.click();
    await link.click();
    await this.page.waitForURL(/\/review$/);
  }
}
