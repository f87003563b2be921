/**
 * "Received cases" (#/received) and one received case (#/received/<id>), by role and accessible
 * name (locales/en/workspace.json; the decision form is the verify screen's, see verify-page.ts).
 */
import type { Download, Locator, Page } from 'playwright-core';

export interface PickedFile {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

export class ReceivedPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Received cases' });
  }

  async openFromNav(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Received' }).click();
    await this.heading.waitFor();
    await this.waitUntilListed();
  }

  /** Waits until the stored files have been checked and the list (or its empty message) shows. */
  async waitUntilListed(): Promise<void> {
    await this.page.getByText(/^Checking received files/).waitFor({ state: 'detached', timeout: 60_000 });
  }

  /** Brings files in with the picker and returns what became of each, one text per file. */
  async importFiles(files: readonly PickedFile[]): Promise<string[]> {
    await this.page.getByLabel('Choose files', { exact: true }).setInputFiles([...files]);
    const results = this.page.getByRole('list', { name: 'What became of the files' });
    await results.waitFor({ timeout: 90_000 });
    await this.waitUntilListed();
    return (await results.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  filter(name: 'All cases' | 'Awaiting my decision' | 'Returned for changes'): Locator {
    return this.page.getByRole('group', { name: 'Show' }).getByRole('radio', { name, exact: true });
  }

  /** The card of a case in the list, headed by its reference. */
  card(ref: string): Locator {
    return this.page.getByRole('article', { name: ref, exact: true });
  }

  async cardText(ref: string): Promise<string> {
    return (await this.card(ref).innerText()).replace(/\s+/g, ' ');
  }

  /** Opens a case from its card and waits for its screen. */
  async openCase(ref: string): Promise<void> {
    await this.card(ref).getByRole('link', { name: ref, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: `Case ${ref}` }).waitFor({ timeout: 60_000 });
  }

  region(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  async regionText(name: string): Promise<string> {
    return (await this.region(name).innerText()).replace(/\s+/g, ' ');
  }

  /** The case screen's own copy of the file. */
  async downloadFile(): Promise<Download> {
    const link = this.region('The file').getByRole('link', { name: 'Download this file' });
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    return download;
  }

  async backToList(): Promise<void> {
    await this.page.getByRole('link', { name: 'Back to received cases' }).click();
    await this.heading.waitFor();
    await this.waitUntilListed();
  }
}
