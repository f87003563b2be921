/**
 * Settings, "Encrypted files": this device's encryption certificate and the address book, by role
 * and accessible name (locales/en/envelope.json: change them together).
 */
import type { Locator, Page } from 'playwright-core';
import { IdentityPage, type SavedFile } from './identity-page';

export class AddressBookPage {
  readonly identity: IdentityPage;

  constructor(readonly page: Page) {
    this.identity = new IdentityPage(page);
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Encrypted files', exact: true });
  }

  get downloadOwnButton(): Locator {
    return this.section.getByRole('button', { name: 'Download your encryption certificate', exact: true });
  }

  async downloadOwnCertificate(): Promise<SavedFile> {
    return this.identity.download(this.downloadOwnButton);
  }

  /** Adds a recipient's certificate file; returns the section's message (added, or refused with the reason). */
  async addRecipient(text: string, fileName = 'encryption-certificate.pem'): Promise<string> {
    return this.identity.outcomeOf(this.section, () =>
      this.section.getByLabel("Add a recipient's encryption certificate", { exact: true }).setInputFiles({ name: fileName, mimeType: 'application/x-pem-file', buffer: Buffer.from(text, 'utf8') }),
    );
  }

  /** The address book's entries, each as its visible text. */
  async entries(): Promise<string[]> {
    return (await this.section.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }
}
