/**
 * The signing-identity sections of the settings screen ("My signing identity", "Organisation
 * certificate authority", "Trusted organisation roots"), found by role and accessible name. If a
 * name changes in locales/en/identity.json, change it here.
 */
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from 'playwright-core';
import { SettingsPage } from './settings-page';

export interface SavedFile {
  readonly name: string;
  readonly text: string;
}

export class IdentityPage {
  readonly settings: SettingsPage;

  constructor(readonly page: Page) {
    this.settings = new SettingsPage(page);
  }

  get identitySection(): Locator {
    return this.page.getByRole('region', { name: 'My signing identity', exact: true });
  }

  get authoritySection(): Locator {
    return this.page.getByRole('region', { name: 'Organisation certificate authority', exact: true });
  }

  get rootsSection(): Locator {
    return this.page.getByRole('region', { name: 'Trusted organisation roots', exact: true });
  }

  /** Opens settings from the header and waits for the sections to load. */
  async open(): Promise<void> {
    await this.settings.open();
    await this.rootsSection.waitFor();
  }

  async createIdentity(name: string, role: string, organisation: string): Promise<void> {
    const section = this.identitySection;
    await section.getByRole('textbox', { name: 'Your name', exact: true }).fill(name);
    await section.getByRole('combobox', { name: 'Your role', exact: true }).selectOption({ label: role });
    const org = section.getByRole('textbox', { name: 'Organisation', exact: true });
    await org.fill(organisation);
    await section.getByRole('button', { name: 'Create signing identity', exact: true }).click();
    await section.getByRole('button', { name: 'Download certificate request', exact: true }).waitFor();
  }

  /** "Identity not verified by an organisation" or "Verified by <org>". */
  async verificationStatus(): Promise<string> {
    const status = this.identitySection.getByText(/^(Identity not verified by an organisation|Verified by .+)$/);
    await status.waitFor();
    return (await status.textContent()) ?? '';
  }

  async createRoot(organisation: string): Promise<void> {
    const section = this.authoritySection;
    await section.getByRole('textbox', { name: 'Organisation name', exact: true }).fill(organisation);
    await section.getByRole('button', { name: 'Create organisation root', exact: true }).click();
    await section.getByRole('button', { name: 'Download organisation root', exact: true }).waitFor({ timeout: 30_000 });
  }

  /** Clicks `button` and returns the file the page downloads. */
  async download(button: Locator): Promise<SavedFile> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return { name: download.suggestedFilename(), text: await readDownload(download) };
  }

  async downloadRequest(): Promise<SavedFile> {
    return this.download(this.identitySection.getByRole('button', { name: 'Download certificate request', exact: true }));
  }

  async downloadRoot(): Promise<SavedFile> {
    return this.download(this.authoritySection.getByRole('button', { name: 'Download organisation root', exact: true }));
  }

  /** Chooses a request file; resolves once the request's names are shown for confirmation. */
  async chooseRequest(text: string): Promise<Locator> {
    await this.authoritySection.getByLabel('Issue a certificate from a request', { exact: true }).setInputFiles(pemFile('certificate-request.pem', text));
    const names = this.authoritySection.getByText(/^This request names /);
    await names.waitFor();
    return names;
  }

  async issue(): Promise<SavedFile> {
    return this.download(this.authoritySection.getByRole('button', { name: 'Issue and download certificate', exact: true }));
  }

  /** Imports a certificate file and returns the message the section shows (success or refusal). */
  async importCertificate(text: string, fileName = 'certificate.pem'): Promise<string> {
    return this.chooseFile(this.identitySection, 'Import certificate from your organisation', fileName, text);
  }

  /**
   * Chooses a root file in "Trusted organisation roots". A readable root opens the confirmation
   * dialog, which shows the organisation and the whole fingerprint: `decide` gets it and says
   * whether to trust. Returns the section's message (trusted, refused) or '' when cancelled.
   */
  async importRoot(text: string, decide: (dialog: Locator) => Promise<boolean> = () => Promise.resolve(true), fileName = 'organisation-root.pem'): Promise<string> {
    const section = this.rootsSection;
    const seq = Number(await section.locator('[data-outcome]').getAttribute('data-outcome'));
    await section.getByLabel('Import an organisation root', { exact: true }).setInputFiles(pemFile(fileName, text));
    const message = section.locator(`[data-outcome="${String(seq + 1)}"]:not(:empty)`);
    const dialog = this.trustDialog;
    await dialog.or(message).first().waitFor({ timeout: 30_000 });
    if (await dialog.isVisible()) {
      const trust = await decide(dialog);
      await dialog.getByRole('button', { name: trust ? 'The fingerprint matches: trust this root' : 'Cancel', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      if (!trust) return '';
      await message.waitFor({ timeout: 30_000 });
    }
    return ((await message.textContent()) ?? '').trim();
  }

  /** The "Trust <organisation>?" confirmation. */
  get trustDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Trust .+\?$/ });
  }

  /** The organisations listed as trusted roots. */
  async trustedRootLabels(): Promise<string[]> {
    const items = this.rootsSection.getByRole('listitem');
    return (await items.locator('strong').allTextContents()).map((t) => t.trim());
  }

  removeButton(organisation: string): Locator {
    return this.rootsSection.getByRole('button', { name: `Remove ${organisation}`, exact: true });
  }

  removeDialog(organisation: string): Locator {
    return this.page.getByRole('dialog', { name: `Stop trusting ${organisation}?`, exact: true });
  }

  private async chooseFile(section: Locator, label: string, name: string, text: string): Promise<string> {
    return this.outcomeOf(section, () => section.getByLabel(label, { exact: true }).setInputFiles(pemFile(name, text)));
  }

  /**
   * Runs `action` and returns the text of the message the section shows for it. Each message
   * carries a sequence number (data-outcome), so a refusal repeated word for word is still seen
   * as the new outcome.
   */
  async outcomeOf(section: Locator, action: () => Promise<unknown>): Promise<string> {
    const seq = Number(await section.locator('[data-outcome]').getAttribute('data-outcome'));
    await action();
    const message = section.locator(`[data-outcome="${String(seq + 1)}"]:not(:empty)`);
    await message.waitFor({ timeout: 30_000 });
    return ((await message.textContent()) ?? '').trim();
  }
}

function pemFile(name: string, text: string) {
  return { name, mimeType: 'application/x-pem-file', buffer: Buffer.from(text, 'utf8') };
}

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}
