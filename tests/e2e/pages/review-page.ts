/**
 * The review screen, "Review and decision": the computed ratings with their reasons, the flags
 * (STOP, ESC, RISK, INFO), and which recommendations are blocked and why.
 */
import type { Locator, Page } from 'playwright-core';
import { LockPage } from './lock-page';

export class ReviewPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Review and decision' });
  }

  async goto(origin: string, draftId: string): Promise<void> {
    await this.page.goto(new URL(`#/draft/${draftId}/review`, origin).href);
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    // Drafts are encrypted: nothing of a case shows until the app is unlocked.
    await new LockPage(this.page).ensureUnlocked();
    await this.heading.waitFor();
  }

  /** A titled part of the screen (a region or a section labelled by its heading). */
  region(name: string | RegExp): Locator {
    return this.page.getByRole('region', { name });
  }

  /** Every raised flag: one list item each, starting with its level (STOP, Escalate, Risk, Information). */
  get flags(): Locator {
    return this.region('Flags').getByRole('listitem');
  }

  async flagTexts(): Promise<string[]> {
    return (await this.flags.allInnerTexts()).map((t) => t.trim().replace(/\s+/g, ' '));
  }

  /**
   * Recommendations the caseworker may choose now: the radios of the "Recommendation" question
   * itself (the override form beside it, in the same region, has radios of its own).
   */
  async allowedRecommendations(): Promise<string[]> {
    const radios = this.region('Recommendation').getByRole('group', { name: 'Recommendation', exact: true }).getByRole('radio');
    const names: string[] = [];
    for (const radio of await radios.all()) names.push((await radio.evaluate((el) => (el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? '') : ''))).trim());
    return names;
  }

  /** Recommendations listed under "Not available now", by label. */
  async blockedRecommendations(): Promise<string[]> {
    const items = await this.region('Recommendation').getByRole('listitem').filter({ hasText: /: not available/ }).allInnerTexts();
    return items.map((t) => (/^(.*?): not available/.exec(t.trim())?.[1] ?? t).trim());
  }

  /** Visible text of the whole screen, for "does not show X" checks. */
  async text(): Promise<string> {
    return this.page.getByRole('main').innerText();
  }

  /**
   * The first line of every flag, exactly as shown: "<level> · <area>: <reason>" (review/flag-list.tsx).
   * Read from the "Flags" region by its exact name, so the per-level sub-sections are not counted twice.
   */
  async flagHeadlines(): Promise<string[]> {
    const texts = await this.region(/^Flags$/).getByRole('listitem').allInnerTexts();
    return texts.map((t) => (t.trim().split('\n')[0] ?? '').trim().replace(/\s+/g, ' '));
  }

  /** "Computed overall rating: <level>" beside the caseworker's own judgement. */
  async computedOverallRating(): Promise<string> {
    const text = await this.region(/^Risk ratings$/).getByText(/^Computed overall rating:/).innerText();
    return text.trim().replace(/\s+/g, ' ');
  }

  /** Each area's computed rating, as the "Computed rating for each area" table shows it. */
  async areaRatings(): Promise<Record<string, string>> {
    const table = this.page.getByRole('table', { name: 'Computed rating for each area', exact: true });
    const out: Record<string, string> = {};
    for (const row of await table.getByRole('row').all()) {
      const header = row.getByRole('rowheader');
      if ((await header.count()) === 0) continue;
      const cells = await row.getByRole('cell').allInnerTexts();
      out[(await header.innerText()).trim()] = (cells[0] ?? '').trim();
    }
    return out;
  }

  /** The "Before sign-off" region's text (blockers, or "Nothing blocks sign-off.", and missing answers). */
  async signOffText(): Promise<string> {
    return this.region(/^Before sign-off$/).innerText();
  }
}
