/**
 * The settings screen, "Settings", with the panic wipe ("Erase everything on this device"),
 * found by role and accessible name. If a name changes in locales/en/ui.json, change it here.
 */
import type { Locator, Page } from 'playwright-core';
import { LockPage } from './lock-page';

export class SettingsPage {
  constructor(readonly page: Page) {}

  /** The header link that leads here (only while unlocked). */
  get navLink(): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true });
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Settings', exact: true });
  }

  get eraseSection(): Locator {
    return this.page.getByRole('region', { name: 'Erase everything on this device', exact: true });
  }

  get eraseButton(): Locator {
    return this.eraseSection.getByRole('button', { name: 'Erase everything', exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Erase everything on this device?', exact: true });
  }

  get confirmWord(): Locator {
    return this.dialog.getByRole('textbox', { name: 'To confirm, type ERASE', exact: true });
  }

  get confirmButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Erase everything', exact: true });
  }

  get cancelButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Cancel', exact: true });
  }

  /** Opens settings from the header, unlocking first if needed. */
  async open(): Promise<void> {
    await new LockPage(this.page).ensureUnlocked();
    await this.navLink.click();
    await this.page.waitForURL(/#\/settings$/);
    await this.heading.waitFor();
  }

  async openDialog(): Promise<void> {
    await this.eraseButton.click();
    await this.dialog.waitFor();
  }

  /** Types the confirmation word and erases; resolves once the app shows first-run set-up. */
  async erase(word = 'ERASE'): Promise<void> {
    await this.openDialog();
    await this.confirmWord.fill(word);
    await this.confirmButton.click();
    await this.page.locator('main[data-lock-state="setup"]').waitFor({ timeout: 30_000 });
  }
}
