/**
 * What a tab shows about its access to the open draft (src/session): the read-only notice of a
 * tab whose draft another tab writes, and its "Edit here instead" button. English names, from
 * locales/en/session.json.
 */
import type { Locator, Page } from 'playwright-core';

export const READ_ONLY_MESSAGE = 'This assessment is open in another tab: you can read it here but not change it.';

export class SessionTabsPage {
  constructor(readonly page: Page) {}

  /** The notice (role=status) that replaces the save status in a read-only tab. */
  get readOnlyNotice(): Locator {
    return this.page.getByRole('status').filter({ hasText: READ_ONLY_MESSAGE });
  }

  get takeOverButton(): Locator {
    return this.readOnlyNotice.getByRole('button', { name: 'Edit here instead', exact: true });
  }

  /** The read-only notice in any language: the region that holds the take-over button. */
  get anyLanguageNotice(): Locator {
    return this.page.locator('.read-only-notice[role="status"]');
  }

  async isReadOnly(): Promise<boolean> {
    return (await this.readOnlyNotice.count()) > 0;
  }
}
