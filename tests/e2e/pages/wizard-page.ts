/**
 * The wizard: each section in pages (src/features/wizard/pages.ts), a "Sections" navigation in
 * the bar at the bottom with Back and Next, and a save status. Items are found by their question text (the accessible name the instrument content
 * gives them), never by item code or CSS, so a test reads like the interview it drives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errors, type Locator, type Page } from 'playwright-core';
import { LockPage } from './lock-page';
import {
  definition, isSpecialAnswer, itemDef, MAX_RADIO_OPTIONS, RECORD_TYPES, ruleDef, ynuValues, type AnswerJson, type Answers, type ColumnDef,
  type ItemDef, type SectionDef,
} from '../support/instrument';
import { repoRoot } from '../support/paths';
import { getInstrument, type Section } from '../../../src/instrument';
import { sectionPages } from '../../../src/features/wizard/pages';

/** The app's own parsed instrument: the page object splits sections into pages exactly as the wizard does. */
function appSection(code: string): Section {
  const found = getInstrument(definition.id, definition.version).sections.find((s) => s.code === code);
  if (!found) throw new Error(`No section ${code} in the instrument`);
  return found;
}

/** The section and 0-based page an item is asked on, or null if it is not a question of the form. */
function placeOfItem(code: string): { section: string; page: number } | null {
  for (const section of getInstrument(definition.id, definition.version).sections) {
    const page = sectionPages(section).findIndex((codes) => codes.includes(code));
    if (page >= 0) return { section: section.code, page };
  }
  return null;
}

/** The 0-based page in a wizard address (#/draft/<id>/<section>/<page>); the first if none. */
function pageIndexOf(href: string): number {
  const page = /^#\/draft\/[^/]+\/[A-Z]{1,2}\/(\d+)$/.exec(new URL(href).hash)?.[1];
  return page ? Number(page) - 1 : 0;
}

/** Either the visible question text or a pattern for it. */
export type Name = string | RegExp;

export class WizardPage {
  /** `w`: the wording on screen (English unless a test switches language; see `loadWording`). */
  constructor(
    readonly page: Page,
    readonly w: Wording = englishWording,
  ) {}

  get sectionsNav(): Locator {
    return this.page.getByRole('navigation', { name: this.w.ui('nav.label') });
  }

  /** Next page, or the next section's first page, or (after the last) the review. */
  get nextButton(): Locator {
    return this.page.getByRole('button', { name: this.w.phone('wizard.next'), exact: true });
  }

  /** The previous page, or the previous section's last page. */
  get previousButton(): Locator {
    return this.page.getByRole('button', { name: this.w.phone('wizard.back'), exact: true });
  }

  /** "Section n of m · page p of q", read from the screen: 1-based numbers. */
  async position(): Promise<{ step: number; total: number; page: number; pages: number }> {
    const pattern = this.w.phonePattern('wizard.position');
    const text = (await this.page.getByRole('main').getByText(pattern).first().innerText()).trim();
    const numbers = text.match(new RegExp(pattern.source.slice(1, -1)))?.slice(1).map((n) => this.w.parseNum(n)) ?? [];
    const [step, total, page, pages] = numbers;
    if (step === undefined || total === undefined || page === undefined || pages === undefined) throw new Error(`No page position in "${text}"`);
    return { step, total, page, pages };
  }

  /** Presses Next (or Back) until another section (or the review) shows; false if none. */
  async nextSection(): Promise<boolean> {
    return this.changeSection(this.nextButton);
  }

  async previousSection(): Promise<boolean> {
    return this.changeSection(this.previousButton);
  }

  private async changeSection(button: Locator): Promise<boolean> {
    const title = await this.currentSectionTitle();
    for (let guard = 0; guard < 40; guard += 1) {
      if ((await button.count()) === 0) return false;
      const before = this.page.url();
      await button.click();
      await this.page.waitForURL((url) => url.href !== before);
      if (this.page.url().endsWith('/review')) return true;
      await this.waitUntilStepShown();
      if ((await this.currentSectionTitle()) !== title) return true;
    }
    throw new Error('the section did not change after 40 pages');
  }

  /** The autosave status (role=status), e.g. "Saving…" / "Saved". */
  get saveStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /sav/i });
  }

  /** The step's heading: the section's title. */
  get sectionHeading(): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 1 });
  }

  async waitUntilLoaded(): Promise<void> {
    // Drafts are encrypted: nothing of a case shows until the app is unlocked.
    await new LockPage(this.page).ensureUnlocked();
    await this.sectionsNav.waitFor();
    await this.sectionHeading.first().waitFor();
    await this.waitUntilStepShown();
  }

  /** A new step renders in the background (the old one stays, aria-busy): wait until it is shown. */
  async waitUntilStepShown(): Promise<void> {
    await this.page.locator('.wizard[aria-busy="true"]').waitFor({ state: 'detached' });
  }

  async currentSectionTitle(): Promise<string> {
    return (await this.sectionHeading.first().innerText()).trim().replace(/\s+/g, ' ');
  }

  /** Names of the sections listed in the navigation (only those visible for this case). */
  async sectionNames(): Promise<string[]> {
    // Role locators skip hidden elements, so unfold the list first (and fold it again after).
    const wasOpen = (await this.sectionsToggle.getAttribute('aria-expanded')) === 'true';
    await this.openSectionList();
    const entries = this.sectionsNav.getByRole('listitem').getByRole('link');
    const names = (await entries.allInnerTexts()).map((t) => t.trim().replace(/\s+/g, ' '));
    if (!wasOpen) await this.closeSectionList();
    return names;
  }

  /** The section list is folded behind "Sections n/m" in the bottom bar. */
  get sectionsToggle(): Locator {
    return this.sectionsNav.getByRole('button', { name: new RegExp(`^${escapeRegExp(this.w.phone('wizard.sectionsWord'))}\\s`) });
  }

  /** Unfolds the section list (with the interview's languages) if it is folded. */
  async openSectionList(): Promise<void> {
    if ((await this.sectionsToggle.getAttribute('aria-expanded')) !== 'true') await this.sectionsToggle.click();
  }

  /** Records the person's language on the draft and turns side by side on (the languages are with the section list). */
  async chooseSideBySide(code: string): Promise<void> {
    await this.openSectionList();
    await this.page.getByRole('combobox', { name: this.w.ui('interview.personLanguage'), exact: true }).selectOption(code);
    const toggle = this.page.getByRole('checkbox', { name: this.w.ui('interview.sideBySide'), exact: true });
    if (!(await toggle.isChecked())) await toggle.check();
    await this.closeSectionList();
  }

  /** Folds the section list again (it lies over the page's last questions while open). */
  async closeSectionList(): Promise<void> {
    if ((await this.sectionsToggle.getAttribute('aria-expanded')) === 'true') await this.sectionsToggle.click();
  }

  async openSection(name: Name): Promise<void> {
    const entry = this.sectionsNav.getByRole('link', { name });
    if (!(await entry.first().isVisible()) && (await this.sectionsToggle.isVisible())) await this.sectionsToggle.click();
    await entry.first().click();
    await this.waitUntilLoaded();
  }

  /** Goes to the next page (or section); resolves false when there is no Next. */
  async next(): Promise<boolean> {
    if ((await this.nextButton.count()) === 0) return false;
    const before = this.page.url();
    await this.nextButton.click();
    await this.page.waitForURL((url) => url.href !== before);
    await this.waitUntilStepShown();
    return true;
  }

  /** A question rendered as a group of options (radio group or fieldset). */
  question(name: Name): Locator {
    return this.page.getByRole('radiogroup', { name }).or(this.page.getByRole('group', { name })).first();
  }

  /** Picks one option of a single-choice or yes/no/unknown/declined question. */
  async choose(question: Name, option: Name): Promise<void> {
    await this.question(question).getByRole('radio', { name: option, exact: typeof option === 'string' }).check();
  }

  /** Ticks the given options of a multiple-choice question. */
  async tick(question: Name, options: readonly Name[]): Promise<void> {
    const group = this.question(question);
    for (const option of options) await group.getByRole('checkbox', { name: option, exact: typeof option === 'string' }).check();
  }

  textbox(name: Name): Locator {
    return this.page.getByRole('textbox', { name, exact: typeof name === 'string' });
  }

  async fillText(name: Name, value: string): Promise<void> {
    await this.textbox(name).fill(value);
  }

  /** Types like a person (key by key), so autosave sees a stream of changes, not one. */
  async typeText(name: Name, value: string, delayMs = 40): Promise<void> {
    await this.textbox(name).pressSequentially(value, { delay: delayMs });
  }

  /** Number items are text boxes with a numeric keyboard (inputs/number-input.tsx), not spinbuttons. */
  async fillNumber(name: Name, value: number): Promise<void> {
    await this.page.getByRole('textbox', { name, exact: typeof name === 'string' }).fill(String(value));
  }

  /** Date inputs have no ARIA role; they are found by their label. */
  async fillDate(name: Name, isoDate: string): Promise<void> {
    await this.page.getByLabel(name, { exact: typeof name === 'string' }).fill(isoDate);
  }

  /** Waits until autosave reports that everything typed so far is stored ("All changes saved"). */
  async waitUntilSaved(): Promise<void> {
    await this.page.getByRole('status').filter({ hasText: new RegExp(`^${escapeRegExp(this.w.ui('save.saved'))}$`) }).first().waitFor();
  }

  /** Goes to the review screen from the wizard. */
  async openReview(): Promise<void> {
    const link = this.sectionsNav.getByRole('link', { name: this.w.ui('nav.review'), exact: true });
    if (!(await link.isVisible()) && (await this.sectionsToggle.isVisible())) await this.sectionsToggle.click();
    await link.click();
    await this.page.waitForURL(/\/review$/);
  }

  // ---------------------------------------------------------------------------------------------
  // Answering any item from the answers format (docs/instrument-authoring.md), through the UI.

  /**
   * The item's question: its fieldset (legend) or labelled group, named by the English label of
   * content/en.json. Every lookup of an item's controls is scoped to it, so an option or field name
   * that recurs in other questions ("Yes", "Don't know", "Date") never collides.
   */
  itemGroup(code: string): Locator {
    return this.page.getByRole('main').getByRole('group', { name: this.w.item(code), exact: true });
  }

  /** The section shown now, from its heading. */
  async currentSection(): Promise<SectionDef> {
    const title = await this.currentSectionTitle();
    const section = definition.sections.find((s) => this.w.heading(s.code) === title);
    if (!section) throw new Error(`No section is titled "${title}" in ${this.w.lang}`);
    return section;
  }

  /**
   * True when the item is on the current step. The step re-renders a moment after an answer (the
   * engine's visibility runs on a deferred value), so an item that an earlier answer reveals is
   * given `graceMs` to appear; an item that stays absent is hidden by the engine.
   */
  async isItemShown(code: string, graceMs = 2_000): Promise<boolean> {
    try {
      await this.itemGroup(code).waitFor({ state: 'visible', timeout: graceMs });
      return true;
    } catch (error) {
      if (error instanceof errors.TimeoutError) return false;
      throw error;
    }
  }

  /** Sets one item's answer through its controls, according to the item's answer type. */
  async answerItem(code: string, answer: AnswerJson): Promise<void> {
    const item = itemDef(code);
    if (RECORD_TYPES.includes(item.type)) throw new Error(`${code} is a record (${item.type}), made on the review screen, not in the form`);
    const group = this.itemGroup(code);
    if (isSpecialAnswer(answer)) {
      // A ynu item has "Don't know" and "Declined to answer" among its radios; the others have the one-tap toggle.
      if (item.type === 'ynu') await group.getByRole('radio', { name: this.w.ynu(answer.special), exact: true }).check();
      else await this.setSpecial(group, answer.special);
      return;
    }
    switch (item.type) {
      case 'ynu':
        await group.getByRole('radio', { name: this.w.ynu(asYnu(code, answer)), exact: true }).check();
        return;
      case 'choice': {
        const option = asString(code, answer);
        if (isSelectChoice(item)) await group.getByRole('combobox', { name: this.w.item(code), exact: true }).selectOption({ label: this.w.selectOption(code, option) });
        else await group.getByRole('radio', { name: this.w.option(code, option), exact: true }).check();
        return;
      }
      case 'multi':
        for (const option of asStringList(code, answer)) await group.getByRole('checkbox', { name: this.w.option(code, option), exact: true }).check();
        return;
      case 'number':
        await group.getByRole('textbox', { name: this.w.item(code), exact: true }).fill(String(asNumber(code, answer)));
        return;
      case 'text':
        await group.getByRole('textbox', { name: this.w.item(code), exact: true }).fill(asString(code, answer));
        return;
      case 'date':
        await group.getByLabel(this.w.item(code), { exact: true }).fill(asString(code, answer));
        return;
      case 'scale':
        await group.getByRole('radio', { name: this.w.num(asNumber(code, answer)), exact: true }).check();
        return;
      case 'verbatim':
        await this.fillVerbatim(group, asRecord(code, answer));
        return;
      case 'rows':
        await this.fillRows(group, item, asRows(code, answer));
        return;
      case 'override':
      case 'signoff':
      case 'provenance':
        return;
      case 'signature': {
        const signature = asRecord(code, answer);
        await group.getByRole('textbox', { name: this.w.ui('signature.name'), exact: true }).fill(signature.name ?? '');
        await group.getByRole('textbox', { name: this.w.ui('signature.role'), exact: true }).fill(signature.role ?? '');
        await group.getByLabel(this.w.ui('signature.date'), { exact: true }).fill(signature.date ?? '');
        return;
      }
    }
  }

  /**
   * Answers, page by page and in instrument order, every item of the current section that
   * `answers` has and the page shows, pressing Next between the section's pages; it stops on the
   * section's last page (so Next then leads to the next section). Items hidden by the engine are
   * not on screen and are skipped. An item can be revealed by a later answer of the same page
   * (A7.guardian appears once the date of birth, A10, makes the person a child), so skipped items
   * are looked for again, top to bottom, until a pass answers nothing more; those still hidden are
   * returned. `onAnswered` runs after each answer, e.g. to reload in the middle of a section; the
   * page is shown again after it if it moved elsewhere.
   */
  async fillSection(
    answers: Answers,
    options: {
      onAnswered?: (code: string, answeredSoFar: readonly string[]) => Promise<void>;
      /** runs as each page of the section is reached (the bench takes offered details here) */
      beforeEachPage?: () => Promise<void>;
    } = {},
  ): Promise<{ section: string; answered: string[]; skipped: string[] }> {
    const section = await this.currentSection();
    const pages = sectionPages(appSection(section.code));
    // From the section's first page, wherever a test left the wizard.
    if ((await this.position()).page > 1) {
      const url = new URL(this.page.url());
      url.hash = url.hash.replace(/\/\d+$/, '/1');
      await this.showUrl(url.href);
    }
    const answered: string[] = [];
    const skipped: string[] = [];
    for (;;) {
      await options.beforeEachPage?.();
      const pageUrl = this.page.url();
      let pending = (pages[pageIndexOf(pageUrl)] ?? []).filter((code) => answers[code] !== undefined);
      for (;;) {
        const missed: string[] = [];
        for (const code of pending) {
          const answer = answers[code];
          if (answer === undefined || !(await this.isItemShown(code))) {
            missed.push(code);
            continue;
          }
          await this.answerItem(code, answer);
          answered.push(code);
          if (options.onAnswered) {
            await options.onAnswered(code, [...answered]);
            await this.showUrl(pageUrl);
          }
        }
        if (missed.length === pending.length) break;
        pending = missed;
      }
      skipped.push(...pending);
      const { page, pages: count } = await this.position();
      if (page >= count) return { section: section.code, answered, skipped };
      const before = this.page.url();
      await this.nextButton.click();
      await this.page.waitForURL((url) => url.href !== before);
      await this.waitUntilStepShown();
    }
  }

  /** Shows the page holding an item of the current draft (by its address, as a reload would). */
  async showItem(code: string): Promise<void> {
    if ((await this.itemGroup(code).count()) > 0) return;
    const place = placeOfItem(code);
    if (!place) return;
    const url = new URL(this.page.url());
    const draft = /^#\/draft\/([^/]+)/.exec(url.hash)?.[1];
    if (!draft) return;
    url.hash = `#/draft/${draft}/${place.section}/${String(place.page + 1)}`;
    await this.showUrl(url.href);
  }

  private async showUrl(href: string): Promise<void> {
    if (this.page.url() === href) return;
    const hash = new URL(href).hash;
    await this.page.evaluate((h) => {
      window.location.hash = h;
    }, hash);
    await this.page.waitForURL((url) => url.hash === hash);
    await this.waitUntilLoaded();
  }

  /**
   * What the form shows for an item, read back from its controls in the answers format (multi
   * options in instrument order, every row with every column, `undefined` when unanswered), to
   * compare with `normalizeAnswer` of what was given.
   */
  async readItem(code: string): Promise<AnswerJson | undefined> {
    await this.showItem(code);
    const item = itemDef(code);
    const group = this.itemGroup(code);
    if (item.type !== 'ynu' && item.allowUnknown !== false) {
      const pressed = group.getByRole('button', { pressed: true });
      if ((await pressed.count()) > 0) {
        const text = (await pressed.first().innerText()).trim().replace(/\s+/g, ' ');
        return { special: text === this.w.special('unknown') ? 'unknown' : 'declined' };
      }
    }
    switch (item.type) {
      case 'ynu': {
        const label = await checkedLabel(group.getByRole('radio', { checked: true }));
        return label === null ? undefined : ynuValues.find((v) => this.w.ynu(v) === label);
      }
      case 'choice': {
        const label = isSelectChoice(item)
          ? await selectedLabel(group.getByRole('combobox', { name: this.w.item(code), exact: true }))
          : await checkedLabel(group.getByRole('radio', { checked: true }));
        return optionCode(this.w, item, label);
      }
      case 'multi': {
        const labels: string[] = [];
        for (const box of await group.getByRole('checkbox', { checked: true }).all()) labels.push((await checkedLabel(box)) ?? '');
        const codes = (item.options ?? []).map((o) => o.code).filter((c) => labels.includes(this.w.option(code, c)));
        return codes.length > 0 ? codes : undefined;
      }
      case 'number':
      case 'text': {
        const text = await group.getByRole('textbox', { name: this.w.item(code), exact: true }).inputValue();
        if (text === '') return undefined;
        return item.type === 'number' ? Number(text) : text;
      }
      case 'date': {
        const text = await group.getByLabel(this.w.item(code), { exact: true }).inputValue();
        return text === '' ? undefined : text;
      }
      case 'scale': {
        const label = await checkedLabel(group.getByRole('radio', { checked: true }));
        return label === null ? undefined : this.w.parseNum(label);
      }
      case 'verbatim':
        return this.readVerbatim(group);
      case 'rows':
        return this.readRows(group, item);
      case 'signature': {
        const signature = {
          name: await group.getByRole('textbox', { name: this.w.ui('signature.name'), exact: true }).inputValue(),
          role: await group.getByRole('textbox', { name: this.w.ui('signature.role'), exact: true }).inputValue(),
          date: await group.getByLabel(this.w.ui('signature.date'), { exact: true }).inputValue(),
        };
        return Object.values(signature).every((v) => v === '') ? undefined : signature;
      }
      case 'override':
      case 'signoff':
      case 'provenance':
        return undefined;
    }
  }

  /** Presses the item's own "Don't know" / "Declined to answer" toggle (a second press would clear it). */
  private async setSpecial(group: Locator, special: 'unknown' | 'declined'): Promise<void> {
    const toggle = group.getByRole('button', { name: this.w.special(special), exact: true });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  }

  private async fillVerbatim(group: Locator, answer: Readonly<Record<string, string>>): Promise<void> {
    await group.getByRole('textbox', { name: this.w.ui('verbatim.original'), exact: true }).fill(answer.original ?? '');
    const language = answer.language ?? '';
    const picker = group.getByRole('combobox', { name: this.w.ui('verbatim.language'), exact: true });
    const name = this.w.languageName(language);
    if ((await picker.getByRole('option', { name, exact: true }).count()) > 0) {
      // Already on it (the person's language is the default): a caseworker would leave it.
      if ((await selectedLabel(picker)) !== name) await picker.selectOption({ label: name });
    } else {
      await picker.selectOption({ label: this.w.ui('verbatim.languageOther') });
      await group.getByRole('textbox', { name: this.w.ui('verbatim.languageOtherName'), exact: true }).fill(language);
    }
    await group.getByRole('textbox', { name: this.w.ui('verbatim.translation'), exact: true }).fill(answer.translation ?? '');
    // An interpreter this device already knows is offered: one tap, as a caseworker would.
    const offered = group.getByRole('button', { name: this.w.phone('offer.interpreter', { name: answer.translatedBy ?? '' }), exact: true });
    if (answer.translatedBy && (await offered.count()) > 0) await offered.click();
    else await group.getByRole('textbox', { name: this.w.ui('verbatim.translatedBy'), exact: true }).fill(answer.translatedBy ?? '');
  }

  private async readVerbatim(group: Locator): Promise<AnswerJson | undefined> {
    const other = group.getByRole('textbox', { name: this.w.ui('verbatim.languageOtherName'), exact: true });
    const picked = await selectedLabel(group.getByRole('combobox', { name: this.w.ui('verbatim.language'), exact: true }));
    const language = (await other.count()) > 0 ? await other.inputValue() : picked === null ? '' : languageCode(this.w, picked);
    const verbatim = {
      original: await group.getByRole('textbox', { name: this.w.ui('verbatim.original'), exact: true }).inputValue(),
      language,
      translation: await group.getByRole('textbox', { name: this.w.ui('verbatim.translation'), exact: true }).inputValue(),
      translatedBy: await group.getByRole('textbox', { name: this.w.ui('verbatim.translatedBy'), exact: true }).inputValue(),
    };
    return Object.values(verbatim).every((v) => v === '') ? undefined : verbatim;
  }

  /**
   * A rows cell is named "<column label>, row N" (wizard/inputs/row-cell.tsx); a flags cell is a
   * group of that name with one checkbox per flag, "<level>: <reason>" (wizard/inputs/flags-cell.tsx).
   */
  private cell(group: Locator, code: string, column: ColumnDef, row: number): Locator {
    const name = this.w.ui('rows.cellName', { column: this.w.column(code, column.key), row });
    if (column.type === 'flags') return group.getByRole('group', { name, exact: true });
    if (column.type === 'choice' || column.type === 'ynu') return group.getByRole('combobox', { name, exact: true });
    if (column.type === 'date') return group.getByLabel(name, { exact: true });
    return group.getByRole('textbox', { name, exact: true });
  }

  private async fillRows(group: Locator, item: ItemDef, rows: readonly Readonly<Record<string, string | number | null>>[]): Promise<void> {
    const existing = await this.rowCount(group);
    for (const [index, row] of rows.entries()) {
      const number = existing + index + 1;
      await group.getByRole('button', { name: this.w.ui('rows.add'), exact: true }).click();
      for (const column of item.columns ?? []) {
        const value = row[column.key];
        if (value === undefined || value === null || value === '') continue;
        const cell = this.cell(group, item.code, column, number);
        if (column.type === 'flags') {
          for (const ruleId of String(value).split(/\s+/).filter(Boolean)) await cell.getByRole('checkbox', { name: flagLabel(this.w, ruleId), exact: true }).check();
        } else if (column.type === 'choice' || column.type === 'ynu') await cell.selectOption({ label: cellOptionLabel(this.w, item.code, column, String(value)) });
        else await cell.fill(String(value));
      }
    }
  }

  private async rowCount(group: Locator): Promise<number> {
    return group.getByRole('group', { name: this.w.pattern('rows.row') }).count();
  }

  private async readRows(group: Locator, item: ItemDef): Promise<AnswerJson | undefined> {
    const count = await this.rowCount(group);
    if (count === 0) return undefined;
    const rows: Record<string, string | number | null>[] = [];
    for (let number = 1; number <= count; number += 1) {
      const row: Record<string, string | number | null> = {};
      for (const column of item.columns ?? []) {
        const cell = this.cell(group, item.code, column, number);
        let text: string;
        if (column.type === 'flags') {
          const ticked: string[] = [];
          for (const box of await cell.getByRole('checkbox', { checked: true }).all()) ticked.push((await checkedLabel(box)) ?? '');
          // A set of rule ids: compared in a fixed order (normalizeAnswer sorts them too).
          text = ticked.map((label) => flagOfLabel(this.w, label)).sort().join(' ');
        } else if (column.type === 'choice' || column.type === 'ynu') {
          const label = await selectedLabel(cell);
          text = label === null ? '' : cellOptionCode(this.w, item.code, column, label);
        } else {
          text = await cell.inputValue();
        }
        row[column.key] = text === '' ? null : column.type === 'number' ? Number(text) : text;
      }
      rows.push(row);
    }
    return rows;
  }
}

/**
 * An answer in the form `readItem` reports it: multi options in instrument order, every row with
 * every column (null when blank), so a given answer and a read-back one compare with toEqual.
 */
export function normalizeAnswer(code: string, answer: AnswerJson): AnswerJson {
  const item = itemDef(code);
  if (isSpecialAnswer(answer)) return item.type === 'ynu' ? answer.special : answer;
  if (item.type === 'multi') {
    const given = asStringList(code, answer);
    return (item.options ?? []).map((o) => o.code).filter((c) => given.includes(c));
  }
  if (item.type === 'rows') {
    const cell = (column: ColumnDef, value: string | number | null | undefined) =>
      column.type === 'flags' && typeof value === 'string' ? value.split(/\s+/).filter(Boolean).sort().join(' ') : (value ?? null);
    return asRows(code, answer).map((row) => Object.fromEntries((item.columns ?? []).map((c) => [c.key, cell(c, row[c.key])])));
  }
  return answer;
}

function isSelectChoice(item: ItemDef): boolean {
  return (item.options?.length ?? 0) > MAX_RADIO_OPTIONS;
}

function optionCode(w: Wording, item: ItemDef, label: string | null): string | undefined {
  if (label === null) return undefined;
  const shown = isSelectChoice(item) ? (c: string) => w.selectOption(item.code, c) : (c: string) => w.option(item.code, c);
  return (item.options ?? []).map((o) => o.code).find((c) => shown(c) === label);
}

/** Row cells are in the working language only (wizard/inputs/row-cell.tsx). */
function cellOptionLabel(w: Wording, code: string, column: ColumnDef, value: string): string {
  if (column.type === 'ynu') return w.ui(`ynu.${asYnu(code, value)}`);
  return w.content(`item.${code}.column.${column.key}.option.${value}`);
}

function cellOptionCode(w: Wording, code: string, column: ColumnDef, label: string): string {
  const codes = column.type === 'ynu' ? ynuValues : (column.options ?? []).map((o) => o.code);
  return codes.find((c) => cellOptionLabel(w, code, column, c) === label) ?? `?${label}`;
}

/** A standing flag's checkbox in a flags cell: "<level>: <reason>" in the working language. */
function flagLabel(w: Wording, ruleId: string): string {
  return w.ui('rows.flag', { level: w.engine(`level.${ruleDef(ruleId).level}`), reason: w.content(`rule.${ruleId}.reason`) });
}

function flagOfLabel(w: Wording, label: string): string {
  return definition.rules.map((r) => r.id).find((id) => flagLabel(w, id) === label) ?? `?${label}`;
}

/** The text of a checked radio's or checkbox's label; null when there is none. */
async function checkedLabel(control: Locator): Promise<string | null> {
  if ((await control.count()) === 0) return null;
  const text = await control.first().evaluate((el) => (el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? '') : ''));
  return text.trim().replace(/\s+/g, ' ');
}

/** The label of a select's chosen option; null for the "Choose…" placeholder. */
async function selectedLabel(select: Locator): Promise<string | null> {
  const { value, text } = await select.evaluate((el) => {
    const option = el instanceof HTMLSelectElement ? el.selectedOptions[0] : undefined;
    return { value: option?.value ?? '', text: option?.textContent ?? '' };
  });
  return value === '' ? null : text.trim();
}

const englishNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** A language's English name as the language picker shows it (Intl, as the app does). */
function englishName(code: string): string {
  try {
    return englishNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const PICKER_LANGUAGES = [
  'en', 'fr', 'es', 'pt', 'ar', 'fa', 'prs', 'ps', 'ur', 'hi', 'bn', 'pa', 'ne', 'ti', 'am', 'om', 'so', 'sw',
  'ha', 'yo', 'ig', 'tw', 'vi', 'th', 'tl', 'zh', 'ro', 'bg', 'sq', 'uk', 'ru', 'pl', 'tr', 'ku', 'ckb',
];

function languageCode(w: Wording, name: string): string {
  return PICKER_LANGUAGES.find((c) => w.languageName(c) === name) ?? `?${name}`;
}

function fail(code: string, expected: string, answer: unknown): never {
  throw new Error(`Answer of ${code} is not ${expected}: ${JSON.stringify(answer)}`);
}

function asString(code: string, answer: AnswerJson): string {
  return typeof answer === 'string' ? answer : fail(code, 'a string', answer);
}

function asYnu(code: string, answer: AnswerJson): (typeof ynuValues)[number] {
  return ynuValues.find((v) => v === answer) ?? fail(code, 'yes/no/unknown/declined', answer);
}

function asNumber(code: string, answer: AnswerJson): number {
  return typeof answer === 'number' ? answer : fail(code, 'a number', answer);
}

function asStringList(code: string, answer: AnswerJson): readonly string[] {
  return Array.isArray(answer) && answer.every((v): v is string => typeof v === 'string') ? answer : fail(code, 'a list of option codes', answer);
}

function asRecord(code: string, answer: AnswerJson): Readonly<Record<string, string>> {
  if (typeof answer !== 'object' || Array.isArray(answer)) return fail(code, 'an object', answer);
  const record: Record<string, string> = {};
  for (const [key, value] of Object.entries(answer)) record[key] = typeof value === 'string' ? value : fail(code, 'an object of strings', answer);
  return record;
}

function asRows(code: string, answer: AnswerJson): readonly Readonly<Record<string, string | number | null>>[] {
  if (!Array.isArray(answer)) return fail(code, 'a list of rows', answer);
  return answer.map((row: unknown) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return fail(code, 'a list of row objects', answer);
    return row as Readonly<Record<string, string | number | null>>;
  });
}

// -----------------------------------------------------------------------------------------------
// The wording on screen in any shipped language, and in the side-by-side interview (the person's
// language first, then the working language): read from the same JSON files the app ships.

type Strings = Readonly<Record<string, string>>;

function readStrings(path: string): Strings {
  return JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as Strings;
}

function lookup(table: Strings, key: string, file: string): string {
  const text = table[key];
  if (text === undefined) throw new Error(`${file} has no "${key}"`);
  return text;
}

function fill(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The strings of one language: instrument wording and the wizard, UI and engine namespaces. */
class LanguageFiles {
  readonly content: Strings;
  readonly wizard: Strings;
  readonly ui: Strings;
  readonly engine: Strings;
  readonly phone: Strings;
  constructor(readonly lang: string) {
    this.content = readStrings(`src/instrument/definitions/${definition.id}/v${String(definition.version)}/content/${lang}.json`);
    this.wizard = readStrings(`locales/${lang}/wizard.json`);
    this.ui = readStrings(`locales/${lang}/ui.json`);
    this.engine = readStrings(`locales/${lang}/engine.json`);
    this.phone = readStrings(`locales/${lang}/phone.json`);
  }
}

export interface Wording {
  /** the working (UI) language */
  readonly lang: string;
  /** the person's language while the side-by-side interview shows it, else null */
  readonly person: string | null;
  /** a wizard.json string of the working language, placeholders filled */
  ui(key: string, params?: Readonly<Record<string, string | number>>): string;
  /** a wizard.json string with a {{placeholder}} of digits, as a whole-name pattern */
  pattern(key: string): RegExp;
  app(key: string, params?: Readonly<Record<string, string | number>>): string;
  /** a phone.json string of the working language, placeholders filled */
  phone(key: string, params?: Readonly<Record<string, string | number>>): string;
  /** a phone.json string whose {{placeholders}} are numbers, as a whole-text pattern capturing each */
  phonePattern(key: string): RegExp;
  engine(key: string): string;
  /** instrument wording in the working language */
  content(key: string): string;
  /** accessible names of what the side-by-side interview shows in both languages */
  item(code: string): string;
  option(code: string, option: string): string;
  selectOption(code: string, option: string): string;
  ynu(value: string): string;
  special(kind: 'unknown' | 'declined'): string;
  heading(section: string): string;
  column(code: string, column: string): string;
  /** a small whole number as the UI language writes it (Intl, as the app does) */
  num(n: number): string;
  parseNum(text: string): number;
  languageName(code: string): string;
}

function makeWording(
  working: LanguageFiles,
  person: LanguageFiles | null,
  digits: readonly string[],
  names: Readonly<Record<string, string>>,
): Wording {
  const both = (theirs: string, mine: string): string => (person ? `${theirs} ${mine}` : mine);
  const shownContent = (key: string): string =>
    both(person ? lookup(person.content, key, `content/${person.lang}.json`) : '', lookup(working.content, key, `content/${working.lang}.json`));
  const shownWizard = (key: string): string =>
    both(person ? lookup(person.wizard, key, `${person.lang}/wizard.json`) : '', lookup(working.wizard, key, `${working.lang}/wizard.json`));
  const ui = (key: string, params: Readonly<Record<string, string | number>> = {}): string =>
    fill(lookup(working.wizard, key, `${working.lang}/wizard.json`), params);
  const digitClass = `[${digits.join('')}]+`;
  return {
    lang: working.lang,
    person: person?.lang ?? null,
    ui,
    pattern: (key) => new RegExp(`^${escapeRegExp(lookup(working.wizard, key, 'wizard.json')).replace(/\\\{\\\{\w+\\\}\\\}/g, digitClass)}$`),
    app: (key, params = {}) => fill(lookup(working.ui, key, `${working.lang}/ui.json`), params),
    phone: (key, params = {}) => fill(lookup(working.phone, key, `${working.lang}/phone.json`), params),
    phonePattern: (key) => new RegExp(`^${escapeRegExp(lookup(working.phone, key, 'phone.json')).replace(/\\\{\\\{\w+\\\}\\\}/g, `(${digitClass})`)}$`),
    engine: (key) => lookup(working.engine, key, `${working.lang}/engine.json`),
    content: (key) => lookup(working.content, key, `content/${working.lang}.json`),
    item: (code) => shownContent(`item.${code}.label`),
    option: (code, option) => shownContent(`item.${code}.option.${option}`),
    selectOption: (code, option) => {
      const key = `item.${code}.option.${option}`;
      const mine = lookup(working.content, key, 'content');
      return person ? `\u2068${lookup(person.content, key, 'content')}\u2069 · \u2068${mine}\u2069` : mine;
    },
    ynu: (value) => shownWizard(`ynu.${value}`),
    special: (kind) => shownWizard(`special.${kind}`),
    heading: (section) => shownContent(`section.${section}.title`),
    column: (code, column) => lookup(working.content, `item.${code}.column.${column}.label`, 'content'),
    num: (n) => String(n).replace(/\d/g, (d) => digits[Number(d)] ?? d),
    parseNum: (text) => Number([...text].map((c) => (digits.includes(c) ? String(digits.indexOf(c)) : c)).join('')),
    languageName: (code) => names[code] ?? code,
  };
}

const english = new LanguageFiles('en');
const latinDigits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** English, the app's default: what every test sees unless it switches language. */
export const englishWording: Wording = makeWording(
  english,
  null,
  latinDigits,
  Object.fromEntries(PICKER_LANGUAGES.map((c) => [c, englishName(c)])),
);

/**
 * The wording for UI language `lang` (and, side by side, the person's language first). Digits and
 * language names come from the browser's own Intl, exactly as the app computes them.
 */
export async function loadWording(page: Page, lang: string, person: string | null = null): Promise<Wording> {
  const { digits, names } = await page.evaluate(
    ({ lang, codes }) => {
      const format = new Intl.NumberFormat(lang);
      const display = new Intl.DisplayNames([lang], { type: 'language' });
      return {
        digits: Array.from({ length: 10 }, (_, i) => format.format(i)),
        names: Object.fromEntries(codes.map((c) => [c, display.of(c) ?? c])),
      };
    },
    { lang, codes: PICKER_LANGUAGES },
  );
  return makeWording(new LanguageFiles(lang), person && person !== lang ? new LanguageFiles(person) : null, digits, names);
}

/** Switches the UI language with the app's own language switcher (named in the current language). */
export async function switchUiLanguage(page: Page, from: Wording, to: string): Promise<void> {
  await page.getByRole('combobox', { name: from.app('app.language'), exact: true }).selectOption(to);
  await page.waitForFunction((code) => document.documentElement.lang === code, to);
}
