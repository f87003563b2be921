/**
 * The person's half of a side-by-side interview (issue 15, item 4): on every page of the
 * interview, in every language as the person's, the half turned to the person holds only the
 * questions asked of them (instrument audience "person"), in their language, each marked
 * "read aloud" for the interpreter; never a flag, a rule's reason or next step, or a question for
 * the assessor or taken from records, in either language. A STOP standing on the page (Debt, E1)
 * shows in the caseworker's part and not in the half.
 */
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { languages } from '../../src/i18n/languages';
import { CURRENT, getInstrument } from '../../src/instrument';
import { sectionPages } from '../../src/features/wizard/pages';
import { DraftListPage } from './pages/draft-list-page';
import { loadWording, switchUiLanguage, englishWording, WizardPage, type Wording } from './pages/wizard-page';
import { launchBrowser, openApp } from './support/browser';

const instrument = getInstrument(CURRENT.id, CURRENT.version);
const items = instrument.sections.flatMap((s) => s.items);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The person's language for each: English works with Arabic as the UI; every other with English. */
const pairs = languages.map((l) => (l.code === 'en' ? (['ar', 'en'] as const) : (['en', l.code] as const)));

/** Texts that must never be in the half: every rule's reason and own next step, every assessor or records question. */
function forbiddenTexts(w: Wording): string[] {
  const optional = (key: string): string | null => {
    try {
      return w.content(key);
    } catch {
      return null;
    }
  };
  return [
    ...instrument.rules.flatMap((r) => [optional(`rule.${r.id}.reason`), optional(`rule.${r.id}.next`)]),
    ...items.filter((i) => i.audience !== 'person' && i.type !== 'override' && i.type !== 'signoff' && i.type !== 'provenance').map((i) => optional(`item.${i.code}.label`)),
  ].filter((text): text is string => text !== null && text.length > 0);
}

async function checkHalf(half: Locator, forbidden: readonly string[], where: string): Promise<void> {
  expect(await half.locator('.flag, [class*="flag"]').count(), `${where}: no flag in the person's half`).toBe(0);
  const text = await half.innerText();
  const found = forbidden.filter((f) => text.includes(f));
  expect(found, `${where}: assessor-only or flag text in the person's half`).toEqual([]);
}

describe.each(pairs)('working language %s, the person’s %s', (working, person) => {
  test('the person’s half shows only their questions, in their language, never a flag', { timeout: 300_000 }, async () => {
    const { page, origin } = await openApp(browser);
    const list = new DraftListPage(page);
    await list.waitUntilLoaded();
    const draftId = await list.start(`HW-HALF-${person.toUpperCase()}`);
    await new WizardPage(page).waitUntilLoaded();
    if (working !== 'en') await switchUiLanguage(page, englishWording, working);
    const w = await loadWording(page, working);
    await new WizardPage(page, w).chooseSideBySide(person);
    const both = await loadWording(page, working, person);
    const theirs = await loadWording(page, person);
    const forbidden = [...forbiddenTexts(w), ...forbiddenTexts(theirs)];
    const half = page.locator('main [data-person-half]');

    // A STOP on the page: in the caseworker's part, not in the half.
    const debtSection = instrument.sections.find((s) => s.code === 'E');
    if (!debtSection) throw new Error('no Debt section');
    expect(sectionPages(debtSection)[0]).toContain('E1');
    await page.goto(`${origin}#/draft/${draftId}/E/1`);
    const wizard = new WizardPage(page, both);
    await wizard.itemGroup('E1').waitFor();
    await wizard.answerItem('E1', 'yes');
    await expect.poll(() => page.locator('main .item-flags .flag').count(), { message: 'a flag stands on the page' }).toBeGreaterThan(0);
    await checkHalf(half, forbidden, `${person} E/1 with a STOP`);

    let pagesSeen = 0;
    for (const section of instrument.sections) {
      for (let n = 1; n <= sectionPages(section).length; n += 1) {
        await page.goto(`${origin}#/draft/${draftId}/${section.code}/${String(n)}`);
        await page.locator('.wizard[aria-busy="true"]').waitFor({ state: 'detached' });
        await half.waitFor();
        const where = `${person} ${new URL(page.url()).hash.replace(/^#\/draft\/[^/]+\//, '')}`;
        await checkHalf(half, forbidden, where);
        // Exactly the page's questions asked of the person that the form shows, in their words, each marked to read aloud.
        const codes = (sectionPages(section)[Number(new URL(page.url()).hash.split('/').at(-1)) - 1] ?? []).filter(
          (code) => items.find((i) => i.code === code)?.audience === 'person',
        );
        const expected: string[] = [];
        for (const code of codes) if ((await wizard.itemGroup(code).count()) > 0) expected.push(theirs.content(`item.${code}.label`));
        const asked = half.locator('.person-half__question');
        expect(await asked.allInnerTexts(), `${where}: the person's questions`).toEqual(expected);
        for (const question of await asked.all()) expect(await question.getAttribute('lang')).toBe(person);
        expect(await half.locator('.person-half__aloud').count()).toBe(expected.length);
        pagesSeen += 1;
      }
    }
    expect(pagesSeen).toBeGreaterThan(20);
  });
});
