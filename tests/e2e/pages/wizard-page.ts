/**
 * The wizard: one section per step, a "Sections" navigation, Next/Previous section buttons and a
 * save status. Items are found by their question text (the accessible name the instrument content
 * gives them), never by item code or CSS, so a test reads like the interview it drives.
 */
import { errors, type Locator, type Page } from 'playwright-core';
import { LockPage } from './lock-page';
import {
  columnLabel, columnOptionLabel, isSpecialAnswer, itemDef, itemLabel, MAX_RADIO_OPTIONS, optionLabel, sectionByTitle,
  wizardString, ynuLabel, ynuValues, type AnswerJson, type Answers, type ColumnDef, type ItemDef, type SectionDef,
} from '../support/instrument';

/** Either the visible question text or a pattern for it. */
export type Name = string | RegExp;

export class WizardPage {
  constructor(readonly page: Page) {}

  get sectionsNav(): Locator {
    return this.page.getByRole('navigation', { name: 'Sections' });
  }

  get nextButton(): Locator {
    return this.page.getByRole('button', { name: 'Next section', exact: true });
  }

  get previousButton(): Locator {
    return this.page.getByRole('button', { name: 'Previous section', exact: true });
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
  }

  async currentSectionTitle(): Promise<string> {
    return (await this.sectionHeading.first().innerText()).trim();
  }

  /** Names of the sections listed in the navigation (only those visible for this case). */
  async sectionNames(): Promise<string[]> {
    // Role locators skip hidden elements, so unfold the list on a phone first.
    if (await this.sectionsToggle.isVisible()) {
      if ((await this.sectionsToggle.getAttribute('aria-expanded')) !== 'true') await this.sectionsToggle.click();
    }
    const entries = this.sectionsNav.getByRole('listitem').getByRole('link');
    return (await entries.allInnerTexts()).map((t) => t.trim().replace(/\s+/g, ' '));
  }

  /** On a phone the section list is folded behind "Sections: step n of m". */
  get sectionsToggle(): Locator {
    return this.sectionsNav.getByRole('button', { name: /^Sections: step \d+ of \d+$/ });
  }

  async openSection(name: Name): Promise<void> {
    const entry = this.sectionsNav.getByRole('link', { name });
    if (!(await entry.first().isVisible()) && (await this.sectionsToggle.isVisible())) await this.sectionsToggle.click();
    await entry.first().click();
    await this.waitUntilLoaded();
  }

  /** Goes to the next section; resolves false when there is none (the last step). */
  async next(): Promise<boolean> {
    if ((await this.nextButton.count()) === 0) return false;
    const before = this.page.url();
    await this.nextButton.click();
    await this.page.waitForURL((url) => url.href !== before);
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
    await this.page.getByRole('status').filter({ hasText: /^All changes saved$/ }).first().waitFor();
  }

  /** Goes to the review screen from the wizard. */
  async openReview(): Promise<void> {
    const link = this.sectionsNav.getByRole('link', { name: 'Review and decision', exact: true });
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
    return this.page.getByRole('main').getByRole('group', { name: itemLabel(code), exact: true });
  }

  /** The section shown now, from its heading. */
  async currentSection(): Promise<SectionDef> {
    return sectionByTitle(await this.currentSectionTitle());
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
    const group = this.itemGroup(code);
    if (isSpecialAnswer(answer)) {
      // A ynu item has "Don't know" and "Declined to answer" among its radios; the others have the one-tap toggle.
      if (item.type === 'ynu') await group.getByRole('radio', { name: ynuLabel(answer.special), exact: true }).check();
      else await this.setSpecial(group, answer.special);
      return;
    }
    switch (item.type) {
      case 'ynu':
        await group.getByRole('radio', { name: ynuLabel(asYnu(code, answer)), exact: true }).check();
        return;
      case 'choice': {
        const label = optionLabel(code, asString(code, answer));
        if (isSelectChoice(item)) await group.getByRole('combobox', { name: itemLabel(code), exact: true }).selectOption({ label });
        else await group.getByRole('radio', { name: label, exact: true }).check();
        return;
      }
      case 'multi':
        for (const option of asStringList(code, answer)) await group.getByRole('checkbox', { name: optionLabel(code, option), exact: true }).check();
        return;
      case 'number':
        await group.getByRole('textbox', { name: itemLabel(code), exact: true }).fill(String(asNumber(code, answer)));
        return;
      case 'text':
        await group.getByRole('textbox', { name: itemLabel(code), exact: true }).fill(asString(code, answer));
        return;
      case 'date':
        await group.getByLabel(itemLabel(code), { exact: true }).fill(asString(code, answer));
        return;
      case 'scale':
        await group.getByRole('radio', { name: String(asNumber(code, answer)), exact: true }).check();
        return;
      case 'verbatim':
        await this.fillVerbatim(group, asRecord(code, answer));
        return;
      case 'rows':
        await this.fillRows(group, item, asRows(code, answer));
        return;
      case 'signature': {
        const signature = asRecord(code, answer);
        await group.getByRole('textbox', { name: wizardString('signature.name'), exact: true }).fill(signature.name ?? '');
        await group.getByRole('textbox', { name: wizardString('signature.role'), exact: true }).fill(signature.role ?? '');
        await group.getByLabel(wizardString('signature.date'), { exact: true }).fill(signature.date ?? '');
        return;
      }
    }
  }

  /**
   * Answers, in instrument order, every item of the current section that `answers` has and the
   * step shows. Items hidden by the engine are not on screen and are skipped. An item can be
   * revealed by a later answer of the same section (A7.guardian appears once the date of birth,
   * A10, makes the person a child), so skipped items are looked for again, top to bottom, until a
   * pass answers nothing more; those still hidden are returned. `onAnswered` runs after each
   * answer, e.g. to reload in the middle of a section.
   */
  async fillSection(
    answers: Answers,
    options: { onAnswered?: (code: string, answeredSoFar: readonly string[]) => Promise<void> } = {},
  ): Promise<{ section: string; answered: string[]; skipped: string[] }> {
    const section = await this.currentSection();
    const answered: string[] = [];
    let pending = section.items.map((i) => i.code).filter((code) => answers[code] !== undefined);
    for (;;) {
      const skipped: string[] = [];
      for (const code of pending) {
        const answer = answers[code];
        if (answer === undefined || !(await this.isItemShown(code))) {
          skipped.push(code);
          continue;
        }
        await this.answerItem(code, answer);
        answered.push(code);
        await options.onAnswered?.(code, [...answered]);
      }
      if (skipped.length === pending.length) return { section: section.code, answered, skipped };
      pending = skipped;
    }
  }

  /**
   * What the form shows for an item, read back from its controls in the answers format (multi
   * options in instrument order, every row with every column, `undefined` when unanswered), to
   * compare with `normalizeAnswer` of what was given.
   */
  async readItem(code: string): Promise<AnswerJson | undefined> {
    const item = itemDef(code);
    const group = this.itemGroup(code);
    if (item.type !== 'ynu' && item.allowUnknown !== false) {
      const pressed = group.getByRole('button', { pressed: true });
      if ((await pressed.count()) > 0) {
        const text = (await pressed.first().innerText()).trim();
        return { special: text === wizardString('special.unknown') ? 'unknown' : 'declined' };
      }
    }
    switch (item.type) {
      case 'ynu': {
        const label = await checkedLabel(group.getByRole('radio', { checked: true }));
        return label === null ? undefined : ynuValues.find((v) => ynuLabel(v) === label);
      }
      case 'choice': {
        const label = isSelectChoice(item)
          ? await selectedLabel(group.getByRole('combobox', { name: itemLabel(code), exact: true }))
          : await checkedLabel(group.getByRole('radio', { checked: true }));
        return optionCode(item, label);
      }
      case 'multi': {
        const labels: string[] = [];
        for (const box of await group.getByRole('checkbox', { checked: true }).all()) labels.push((await checkedLabel(box)) ?? '');
        const codes = (item.options ?? []).map((o) => o.code).filter((c) => labels.includes(optionLabel(code, c)));
        return codes.length > 0 ? codes : undefined;
      }
      case 'number':
      case 'text': {
        const text = await group.getByRole('textbox', { name: itemLabel(code), exact: true }).inputValue();
        if (text === '') return undefined;
        return item.type === 'number' ? Number(text) : text;
      }
      case 'date': {
        const text = await group.getByLabel(itemLabel(code), { exact: true }).inputValue();
        return text === '' ? undefined : text;
      }
      case 'scale': {
        const label = await checkedLabel(group.getByRole('radio', { checked: true }));
        return label === null ? undefined : Number(label);
      }
      case 'verbatim':
        return this.readVerbatim(group);
      case 'rows':
        return this.readRows(group, item);
      case 'signature': {
        const signature = {
          name: await group.getByRole('textbox', { name: wizardString('signature.name'), exact: true }).inputValue(),
          role: await group.getByRole('textbox', { name: wizardString('signature.role'), exact: true }).inputValue(),
          date: await group.getByLabel(wizardString('signature.date'), { exact: true }).inputValue(),
        };
        return Object.values(signature).every((v) => v === '') ? undefined : signature;
      }
    }
  }

  /** Presses the item's own "Don't know" / "Declined to answer" toggle (a second press would clear it). */
  private async setSpecial(group: Locator, special: 'unknown' | 'declined'): Promise<void> {
    const toggle = group.getByRole('button', { name: wizardString(`special.${special}`), exact: true });
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  }

  private async fillVerbatim(group: Locator, answer: Readonly<Record<string, string>>): Promise<void> {
    await group.getByRole('textbox', { name: wizardString('verbatim.original'), exact: true }).fill(answer.original ?? '');
    const language = answer.language ?? '';
    const picker = group.getByRole('combobox', { name: wizardString('verbatim.language'), exact: true });
    const name = languageName(language);
    if ((await picker.getByRole('option', { name, exact: true }).count()) > 0) {
      await picker.selectOption({ label: name });
    } else {
      await picker.selectOption({ label: wizardString('verbatim.languageOther') });
      await group.getByRole('textbox', { name: wizardString('verbatim.languageOtherName'), exact: true }).fill(language);
    }
    await group.getByRole('textbox', { name: wizardString('verbatim.translation'), exact: true }).fill(answer.translation ?? '');
    await group.getByRole('textbox', { name: wizardString('verbatim.translatedBy'), exact: true }).fill(answer.translatedBy ?? '');
  }

  private async readVerbatim(group: Locator): Promise<AnswerJson | undefined> {
    const other = group.getByRole('textbox', { name: wizardString('verbatim.languageOtherName'), exact: true });
    const picked = await selectedLabel(group.getByRole('combobox', { name: wizardString('verbatim.language'), exact: true }));
    const language = (await other.count()) > 0 ? await other.inputValue() : picked === null ? '' : languageCode(picked);
    const verbatim = {
      original: await group.getByRole('textbox', { name: wizardString('verbatim.original'), exact: true }).inputValue(),
      language,
      translation: await group.getByRole('textbox', { name: wizardString('verbatim.translation'), exact: true }).inputValue(),
      translatedBy: await group.getByRole('textbox', { name: wizardString('verbatim.translatedBy'), exact: true }).inputValue(),
    };
    return Object.values(verbatim).every((v) => v === '') ? undefined : verbatim;
  }

  /** A rows cell is named "<column label>, row N" (wizard/inputs/row-cell.tsx). */
  private cell(group: Locator, code: string, column: ColumnDef, row: number): Locator {
    const name = wizardString('rows.cellName', { column: columnLabel(code, column.key), row });
    if (column.type === 'choice' || column.type === 'ynu') return group.getByRole('combobox', { name, exact: true });
    if (column.type === 'date') return group.getByLabel(name, { exact: true });
    return group.getByRole('textbox', { name, exact: true });
  }

  private async fillRows(group: Locator, item: ItemDef, rows: readonly Readonly<Record<string, string | number | null>>[]): Promise<void> {
    const existing = await this.rowCount(group);
    for (const [index, row] of rows.entries()) {
      const number = existing + index + 1;
      await group.getByRole('button', { name: wizardString('rows.add'), exact: true }).click();
      for (const column of item.columns ?? []) {
        const value = row[column.key];
        if (value === undefined || value === null || value === '') continue;
        const cell = this.cell(group, item.code, column, number);
        if (column.type === 'choice' || column.type === 'ynu') await cell.selectOption({ label: cellOptionLabel(item.code, column, String(value)) });
        else await cell.fill(String(value));
      }
    }
  }

  private async rowCount(group: Locator): Promise<number> {
    return group.getByRole('group', { name: /^Row \d+$/ }).count();
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
        if (column.type === 'choice' || column.type === 'ynu') {
          const label = await selectedLabel(cell);
          text = label === null ? '' : cellOptionCode(item.code, column, label);
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
    return asRows(code, answer).map((row) => Object.fromEntries((item.columns ?? []).map((c) => [c.key, row[c.key] ?? null])));
  }
  return answer;
}

function isSelectChoice(item: ItemDef): boolean {
  return (item.options?.length ?? 0) > MAX_RADIO_OPTIONS;
}

function optionCode(item: ItemDef, label: string | null): string | undefined {
  if (label === null) return undefined;
  return (item.options ?? []).map((o) => o.code).find((c) => optionLabel(item.code, c) === label);
}

function cellOptionLabel(code: string, column: ColumnDef, value: string): string {
  if (column.type === 'ynu') return ynuLabel(asYnu(code, value));
  return columnOptionLabel(code, column.key, value);
}

function cellOptionCode(code: string, column: ColumnDef, label: string): string {
  const codes = column.type === 'ynu' ? ynuValues : (column.options ?? []).map((o) => o.code);
  return codes.find((c) => cellOptionLabel(code, column, c) === label) ?? `?${label}`;
}

/** The text of a checked radio's or checkbox's label; null when there is none. */
async function checkedLabel(control: Locator): Promise<string | null> {
  if ((await control.count()) === 0) return null;
  const text = await control.first().evaluate((el) => (el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? '') : ''));
  return text.trim();
}

/** The label of a select's chosen option; null for the "Choose…" placeholder. */
async function selectedLabel(select: Locator): Promise<string | null> {
  const { value, text } = await select.evaluate((el) => {
    const option = el instanceof HTMLSelectElement ? el.selectedOptions[0] : undefined;
    return { value: option?.value ?? '', text: option?.textContent ?? '' };
  });
  return value === '' ? null : text.trim();
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** A language's English name as the language picker shows it (Intl, as the app does). */
function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const PICKER_LANGUAGES = [
  'en', 'fr', 'es', 'pt', 'ar', 'fa', 'prs', 'ps', 'ur', 'hi', 'bn', 'pa', 'ne', 'ti', 'am', 'om', 'so', 'sw',
  'ha', 'yo', 'ig', 'tw', 'vi', 'th', 'tl', 'zh', 'ro', 'bg', 'sq', 'uk', 'ru', 'pl', 'tr', 'ku', 'ckb',
];

function languageCode(name: string): string {
  return PICKER_LANGUAGES.find((c) => languageName(c) === name) ?? `?${name}`;
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
