/**
 * "Verify a signed summary" (#/verify) and its countersign form, by role and accessible name
 * (locales/en/export.json).
 */
import type { Download, Locator, Page } from 'playwright-core';

/** What a receiving organisation commits to when it accepts a hand-over. */
export interface Handover {
  readonly metBy: string;
  readonly firstNight: string;
  readonly firstContact: string;
}

export class VerifyPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Verify a signed summary' });
  }

  /** Opens the screen from the header's navigation. */
  async openFromNav(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Verify' }).click();
    await this.heading.waitFor();
  }

  get fileInput(): Locator {
    return this.page.getByLabel('Choose a PDF file');
  }

  get result(): Locator {
    return this.page.getByRole('region', { name: 'Result' });
  }

  /** Opens a file and waits for the result. */
  async open(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.fileInput.setInputFiles(file);
    await this.result.waitFor({ timeout: 60_000 });
    await this.page.getByText('Checking the file on this device…').waitFor({ state: 'detached' });
  }

  async resultText(): Promise<string> {
    return (await this.result.innerText()).replace(/\s+/g, ' ');
  }

  /** One list item per signature, in file order. */
  get signatures(): Locator {
    return this.result.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: /^Signature \d+:/ }) });
  }

  async signatureTexts(): Promise<string[]> {
    return (await this.signatures.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  get assessment(): Locator {
    return this.page.getByRole('region', { name: 'The assessment in this file' });
  }

  get caseRegion(): Locator {
    return this.page.getByRole('region', { name: 'The case' });
  }

  get countersign(): Locator {
    return this.page.getByRole('region', { name: 'Countersign' });
  }

  async ensureIdentity(identity: { name: string; role: string; organisation: string }): Promise<void> {
    const setup = this.countersign.getByRole('form', { name: 'Create your signing identity' });
    await this.countersign.getByText(/^Signing as |Create your signing identity/).first().waitFor();
    if ((await setup.count()) > 0) {
      await setup.getByRole('textbox', { name: 'Your name' }).fill(identity.name);
      await setup.getByRole('combobox', { name: 'Your role' }).selectOption({ label: identity.role });
      await setup.getByRole('textbox', { name: 'Your organisation' }).fill(identity.organisation);
      await setup.getByRole('button', { name: 'Create signing identity' }).click();
    }
    await this.countersign.getByText(/^Signing as /).waitFor();
  }

  /** The comments box, whatever its label says for the chosen decision. */
  get commentsBox(): Locator {
    return this.countersign.getByRole('textbox', { name: /^(Comments \(optional\)|What must change|Why )/ });
  }

  /** Chooses a decision, fills the comments (and an acceptance's hand-over facts) and presses Sign (the form may refuse). */
  async decide(decision: string, comments = '', handover?: Handover): Promise<void> {
    await this.countersign.getByRole('radio', { name: decision }).check();
    if (handover !== undefined) {
      const group = this.countersign.getByRole('group', { name: 'The hand-over you accept' });
      await group.getByRole('textbox', { name: 'Who meets the person on arrival (name, role, organisation)' }).fill(handover.metBy);
      await group.getByRole('textbox', { name: 'Where the person spends the first night' }).fill(handover.firstNight);
      await group.getByLabel('Date of the first contact after arrival').fill(handover.firstContact);
    }
    await this.commentsBox.fill(comments);
    await this.countersign.getByRole('button', { name: 'Sign with my decision' }).click();
  }

  /** Records the decision, signs, and downloads the countersigned file. */
  async countersignAndDownload(decision: string, comments = '', handover?: Handover): Promise<Download> {
    await this.decide(decision, comments, handover);
    const link = this.page.getByRole('link', { name: 'Download the countersigned summary (PDF)' });
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    return download;
  }
}
