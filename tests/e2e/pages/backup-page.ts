/**
 * The Settings sections that protect what is on the phone: "Change passphrase" (with "Also
 * replace the data key"), "Back up
 * assessments" and "Restore from a backup", found by role and accessible name (English names
 * from locales/en/protect.json; if one changes there, change it here).
 */
import type { Download, Locator, Page } from 'playwright-core';
import { WizardPage } from './wizard-page';

export class BackupPage {
  constructor(readonly page: Page) {}

  // Change passphrase -------------------------------------------------------------------------

  get changeSection(): Locator {
    return this.page.getByRole('region', { name: 'Change passphrase', exact: true });
  }

  get currentPassphrase(): Locator {
    return this.changeSection.getByLabel('Current passphrase', { exact: true });
  }

  get newPassphrase(): Locator {
    return this.changeSection.getByLabel('New passphrase', { exact: true });
  }

  get repeatNewPassphrase(): Locator {
    return this.changeSection.getByLabel('Repeat the new passphrase', { exact: true });
  }

  get changeButton(): Locator {
    return this.changeSection.getByRole('button', { name: 'Change passphrase', exact: true });
  }

  /** Fills the form and submits; resolves once the attempt has finished (no progress line). */
  async changePassphrase(current: string, next: string, repeat = next): Promise<void> {
    await this.changeButton.and(this.page.locator(':enabled')).waitFor();
    await this.currentPassphrase.fill(current);
    await this.newPassphrase.fill(next);
    await this.repeatNewPassphrase.fill(repeat);
    await this.changeButton.click();
    await this.changeSection.getByText('Changing the passphrase…').waitFor({ state: 'detached', timeout: 30_000 });
  }

  get replaceKeyOption(): Locator {
    return this.changeSection.getByRole('checkbox', { name: 'Also replace the data key', exact: true });
  }

  /** The form's status line (progress while a change or a replacement runs). */
  get progressLine(): Locator {
    return this.changeSection.locator('form [role="status"].lock-progress');
  }

  /**
   * Ticks "Also replace the data key", fills the form and submits. Resolves once the button is
   * enabled again, with the outcome message the section shows.
   */
  async replaceDataKey(current: string, next: string): Promise<string> {
    await this.changeButton.and(this.page.locator(':enabled')).waitFor();
    await this.currentPassphrase.fill(current);
    await this.newPassphrase.fill(next);
    await this.repeatNewPassphrase.fill(next);
    await this.replaceKeyOption.check();
    await this.submitReplacement();
    return this.outcome();
  }

  /** Clicks "Change passphrase" on a filled form; resolves once something has started. */
  async submitReplacement(): Promise<void> {
    await this.changeButton.click();
    await this.changeButton.and(this.page.locator(':disabled')).waitFor();
  }

  /** The last outcome message of the change form, once the attempt has finished. */
  async outcome(): Promise<string> {
    await this.changeButton.and(this.page.locator(':enabled')).waitFor({ timeout: 120_000 });
    const message = this.changeSection.locator('form').locator('[role="alert"], .status--success');
    await message.first().waitFor();
    return (await message.first().innerText()).trim();
  }

  get finishButton(): Locator {
    return this.changeSection.getByRole('button', { name: 'Finish replacing the data key', exact: true });
  }

  // Back up -------------------------------------------------------------------------------------

  get backupSection(): Locator {
    return this.page.getByRole('region', { name: 'Back up assessments', exact: true });
  }

  get backupPassphrase(): Locator {
    return this.backupSection.getByLabel('Backup passphrase', { exact: true });
  }

  get backupRepeat(): Locator {
    return this.backupSection.getByLabel('Repeat the backup passphrase', { exact: true });
  }

  get backupButton(): Locator {
    return this.backupSection.getByRole('button', { name: 'Save backup file', exact: true });
  }

  /** Makes a backup and resolves to the browser's download of it. */
  async backUp(passphrase: string): Promise<Download> {
    await this.backupPassphrase.fill(passphrase);
    await this.backupRepeat.fill(passphrase);
    const download = this.page.waitForEvent('download', { timeout: 30_000 });
    await this.backupButton.click();
    return download;
  }

  // Restore -------------------------------------------------------------------------------------

  get restoreSection(): Locator {
    return this.page.getByRole('region', { name: 'Restore from a backup', exact: true });
  }

  get restoreFile(): Locator {
    return this.restoreSection.getByLabel('Backup file', { exact: true });
  }

  get restorePassphrase(): Locator {
    return this.restoreSection.getByLabel('Backup passphrase', { exact: true });
  }

  get restoreButton(): Locator {
    return this.restoreSection.getByRole('button', { name: 'Restore', exact: true });
  }

  /** The restore's outcome: its success or error message, once the attempt has finished. */
  async restore(file: { name: string; buffer: Buffer }, passphrase: string): Promise<string> {
    await this.restoreFile.setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
    await this.restorePassphrase.fill(passphrase);
    await this.restoreButton.click();
    const outcome = this.restoreSection.locator('[role="alert"], .status--success');
    await outcome.first().waitFor({ timeout: 30_000 });
    return (await outcome.first().innerText()).trim();
  }
}

/**
 * True once some answer field of the open draft holds `marker`: walks the wizard from the section
 * it opened on, step by step, as a caseworker looking for it would.
 */
export async function wizardShowsMarker(page: Page, marker: string): Promise<boolean> {
  const wizard = new WizardPage(page);
  await wizard.waitUntilLoaded();
  const present = () =>
    page.evaluate((m) => [...document.querySelectorAll('main input, main textarea')].some((el) => (el as HTMLInputElement).value === m), marker);
  for (let step = 0; step < 40; step += 1) {
    if (await present()) return true;
    if (!(await wizard.next())) return present();
  }
  return false;
}
