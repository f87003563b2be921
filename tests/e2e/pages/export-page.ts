/**
 * "Export signed summary" (#/draft/<id>/export), driven by role and accessible name as a caseworker
 * or a screen reader finds things. Names come from locales/en/export.json: change them together.
 */
import type { Download, Locator, Page } from 'playwright-core';

export class ExportPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Export signed summary' });
  }

  async waitUntilLoaded(): Promise<void> {
    await this.heading.waitFor();
    await this.page.getByText('Reading your signing identity…').waitFor({ state: 'detached' });
  }

  /** The review screen's way here. */
  static link(page: Page): Locator {
    return page.getByRole('link', { name: 'Export signed summary (PDF)' });
  }

  /** Creates the signing identity if this device has none yet (asked once). */
  async ensureIdentity(identity: { name: string; role: string; organisation: string }): Promise<void> {
    const setup = this.page.getByRole('form', { name: 'Create your signing identity' });
    if ((await setup.count()) > 0) {
      await setup.getByRole('textbox', { name: 'Your name' }).fill(identity.name);
      await setup.getByRole('combobox', { name: 'Your role' }).selectOption({ label: identity.role });
      await setup.getByRole('textbox', { name: 'Your organisation' }).fill(identity.organisation);
      await setup.getByRole('button', { name: 'Create signing identity' }).click();
    }
    await this.page.getByText(/^Signing as /).waitFor();
  }

  get notVerifiedNotice(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Identity not verified by an organisation.' });
  }

  get includeName(): Locator {
    return this.page.getByRole('checkbox', { name: "Include the person's name" });
  }

  get personAgrees(): Locator {
    return this.page.getByRole('checkbox', { name: 'The person agrees to sign an acknowledgement' });
  }

  caseworkerGroup(): Locator {
    return this.page.getByRole('group', { name: "Caseworker's signature", exact: true });
  }

  personGroup(): Locator {
    return this.page.getByRole('group', { name: "The person's acknowledgement", exact: true });
  }

  canvas(who: 'the caseworker' | 'the person'): Locator {
    return this.page.getByRole('img', { name: `Signature box for ${who}` });
  }

  /** Draws a squiggle across the signature box with the mouse (pointer events, as a finger or pen would). */
  async drawSignature(who: 'the caseworker' | 'the person'): Promise<void> {
    const canvas = this.canvas(who);
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (box === null) throw new Error('The signature box is not visible.');
    const { mouse } = this.page;
    await mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.6);
    await mouse.down();
    for (let i = 1; i <= 12; i += 1) await mouse.move(box.x + box.width * (0.1 + i * 0.06), box.y + box.height * (i % 2 === 0 ? 0.3 : 0.7), { steps: 2 });
    await mouse.up();
  }

  /** The keyboard path: "Type the name instead", then the typed name. */
  async typeSignature(group: Locator, who: 'the caseworker' | 'the person', name: string): Promise<void> {
    await group.getByRole('radio', { name: 'Type the name instead' }).check();
    await group.getByRole('textbox', { name: `Name typed as signature of ${who}` }).fill(name);
  }

  get createButton(): Locator {
    return this.page.getByRole('button', { name: 'Create signed summary' });
  }

  get downloadLink(): Locator {
    return this.page.getByRole('link', { name: 'Download the signed summary (PDF)' });
  }

  /** Creates the signed summary and downloads it. */
  async createAndDownload(timeoutMs = 90_000): Promise<Download> {
    await this.createButton.click();
    await this.downloadLink.waitFor({ timeout: timeoutMs });
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.downloadLink.click()]);
    return download;
  }
}
