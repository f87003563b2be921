/**
 * The lock screens: first-run passphrase set-up and the unlock screen. Found by the password
 * fields' autocomplete tokens and by `main[data-lock-state]`, so `ensureUnlocked` works in every
 * UI language (the language tests switch language and reload, which locks the app).
 */
import type { Locator, Page } from 'playwright-core';

/** The passphrase the harness sets up in every test profile (fictional, long enough). */
export const TEST_PASSPHRASE = 'harbour lantern violet 42';

export class LockPage {
  constructor(readonly page: Page) {}

  get main(): Locator {
    return this.page.locator('main[data-lock-state]');
  }

  get newPassphrase(): Locator {
    return this.page.locator('input[autocomplete="new-password"][name="passphrase"]');
  }

  get repeatPassphrase(): Locator {
    return this.page.locator('input[autocomplete="new-password"][name="repeat"]');
  }

  get currentPassphrase(): Locator {
    return this.page.locator('input[autocomplete="current-password"]');
  }

  get submit(): Locator {
    return this.page.locator('main form button[type="submit"]');
  }

  /** English names, for the specs that test the lock itself. */
  get lockButton(): Locator {
    return this.page.getByRole('button', { name: 'Lock', exact: true });
  }

  get quickExitButton(): Locator {
    return this.page.getByRole('button', { name: 'Quick exit', exact: true });
  }

  async state(): Promise<string | null> {
    return this.main.getAttribute('data-lock-state');
  }

  /** Waits until the app has decided what to show: set-up, unlock screen, or the unlocked app. */
  async settled(): Promise<string> {
    await this.page.locator('main[data-lock-state="setup"], main[data-lock-state="locked"], main[data-lock-state="unlocked"], main[data-lock-state="failed"]').waitFor();
    return (await this.state()) ?? '';
  }

  async waitUntilUnlocked(): Promise<void> {
    await this.page.locator('main[data-lock-state="unlocked"]').waitFor({ timeout: 30_000 });
  }

  async setUp(passphrase = TEST_PASSPHRASE): Promise<void> {
    await this.newPassphrase.fill(passphrase);
    await this.repeatPassphrase.fill(passphrase);
    await this.submit.click();
  }

  async unlock(passphrase = TEST_PASSPHRASE): Promise<void> {
    await this.currentPassphrase.fill(passphrase);
    await this.submit.click();
  }

  /** Sets up the passphrase on a new profile, or unlocks; returns once the app is unlocked. */
  async ensureUnlocked(passphrase = TEST_PASSPHRASE): Promise<void> {
    const state = await this.settled();
    if (state === 'unlocked') return;
    if (state === 'setup') await this.setUp(passphrase);
    else if (state === 'locked') {
      // The unlock screen may still be waiting out an earlier attempt's delay.
      await this.submit.and(this.page.locator(':enabled')).waitFor();
      await this.unlock(passphrase);
    } else throw new Error(`The app cannot start (lock state "${state}").`);
    await this.waitUntilUnlocked();
  }
}
