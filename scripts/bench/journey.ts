/**
 * The caseworker's journey (issue 15): golden case 01 of instrument v2 completed at 360×740 with
 * touch, on a fresh profile, as a caseworker would: set up the passphrase, start the assessment
 * (with the person's language), answer every question of the case through its controls, move on
 * with the app's own "Next" button, and open the review until its overall rating and sign-off
 * status have been seen. Export is not part of it (its own screen and issue).
 *
 * Counted in the page (an init script's capture listeners, so the count does not depend on how the
 * UI is built):
 * - taps, counted as the UX review of December 2026 counted its 218 (the budget's baseline): every
 *   pointer press (pointerdown) and one per select whose value changed (Playwright picks an option
 *   without a pointer). Date pickers and text boxes typed into are reported beside the figure, as
 *   the review reported them, and a strict count (two taps per select, three per date picker:
 *   open, pick the day, confirm) in its note, so nothing is hidden;
 * - typed characters: the characters inserted by typing (beforeinput data);
 * - screens scrolled: for every screen shown (each step or page, the set-up and start screens, the
 *   review), how far the caseworker must scroll to reach its end (scrollHeight − innerHeight, taken
 *   as the screen is left, so questions revealed meanwhile count), and on the review how far down
 *   its overall rating and sign-off status sit; the sum divided by the screen's 740 px.
 * A caseworker never redoes what the screen already shows: a select already on the right value is
 * left alone (the page object checks), and an offered remembered value equal to the case's answer
 * is taken with one tap instead of typed (see `takeOffers`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DraftListPage } from '../../tests/e2e/pages/draft-list-page';
import { LockPage } from '../../tests/e2e/pages/lock-page';
import { WizardPage, englishWording } from '../../tests/e2e/pages/wizard-page';
import type { Answers } from '../../tests/e2e/support/instrument';
import { repoRoot } from '../../tests/e2e/support/paths';
import { BUDGETS } from './budgets';
import { assertNoForeignRequests, phoneContext, serveBuild } from './browser';
import type { Figure } from './figures';

const CASE_FILE = 'tests/golden/cases-v2/01-adult-avr-low-risk-signable.json';
const SCREEN_PX = 740;
const PERSON_LANGUAGE = 'sq';

interface GoldenCase {
  now: string;
  answers: Answers;
}

/** What the page counted; read before anything reloads it. */
export interface JourneyCounts {
  taps: number;
  typed: number;
  textFocus: number;
  selects: number;
  datePickers: number;
  scrollPx: number;
  screens: number;
}

/** In the page, before the app: the counters (see the header). */
function installCounters(): void {
  const counts = { taps: 0, typed: 0, textFocus: 0, selects: 0, datePickers: 0, scrollPx: 0, screens: 0 };
  (window as unknown as { __journey: typeof counts }).__journey = counts;
  let pressed: EventTarget | null = null;
  const isTextBox = (el: EventTarget | null): boolean =>
    el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && ['text', 'search', 'password', 'tel', 'email', 'number', ''].includes(el.type));
  document.addEventListener('pointerdown', (e) => {
    counts.taps += 1;
    pressed = e.target;
  }, { capture: true });
  document.addEventListener('focusin', (e) => {
    // A text box focused without a press on it: the caseworker would have tapped it to type.
    if (isTextBox(e.target) && e.target !== pressed) counts.textFocus += 1;
    pressed = null;
  }, { capture: true });
  document.addEventListener('beforeinput', (e) => {
    if (e.data) counts.typed += [...e.data].length;
  }, { capture: true });
  const values = new WeakMap<EventTarget, string>();
  document.addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLInputElement) values.set(e.target, e.target.value);
  }, { capture: true });
  document.addEventListener('change', (e) => {
    const el = e.target;
    if (el instanceof HTMLSelectElement) {
      if (values.get(el) !== el.value) counts.selects += 1;
      values.set(el, el.value);
    } else if (el instanceof HTMLInputElement && el.type === 'date') counts.datePickers += 1;
  }, { capture: true });
  // Every screen change goes through the hash: the screen being left is still on display then.
  const measure = (): void => {
    const root = document.scrollingElement ?? document.documentElement;
    counts.scrollPx += Math.max(0, root.scrollHeight - window.innerHeight);
    counts.screens += 1;
  };
  window.addEventListener('hashchange', measure, { capture: true });
  (window as unknown as { __journeyMeasure: () => void }).__journeyMeasure = measure;
}

async function counts(page: Page): Promise<JourneyCounts> {
  return page.evaluate(() => ({ ...(window as unknown as { __journey: JourneyCounts }).__journey }));
}

/**
 * Offers of remembered details (the assessor's, the interpreter's): a button whose text holds the
 * value the case gives. Taken when every value it would fill is the case's own answer.
 */
async function takeOffers(page: Page, golden: GoldenCase): Promise<void> {
  const offers = page.getByRole('main').locator('[data-offer]');
  for (const offer of await offers.all()) {
    if (!(await offer.isVisible())) continue;
    const raw = await offer.getAttribute('data-offer');
    if (raw === null) continue;
    const fills = JSON.parse(raw) as Record<string, string>;
    const matches = Object.entries(fills).every(([code, value]) => {
      const given = golden.answers[code];
      return typeof given === 'string' ? given === value : typeof given === 'object' && given !== null && !Array.isArray(given) && Object.values(given).includes(value);
    });
    if (matches) await offer.click();
  }
}

/** How far down the review the overall rating and the sign-off status end (0 when on the first screen). */
async function reviewScroll(page: Page): Promise<number> {
  const ready = englishWording.ui('review.signoff.ready');
  const computed = englishWording.ui('review.judgement.computed');
  return page.evaluate(({ texts }) => {
    let bottom = 0;
    for (const text of texts) {
      const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.includes(text) || !node.parentElement) continue;
        bottom = Math.max(bottom, node.parentElement.getBoundingClientRect().bottom + window.scrollY);
        break;
      }
    }
    return Math.max(0, bottom - window.innerHeight);
  }, { texts: [ready, computed] });
}

export interface JourneyResult extends JourneyCounts {
  sections: number;
  skipped: string[];
  seconds: number;
}

/** Runs the journey on a fresh phone profile; throws if the case could not be completed. */
export async function runJourney(browser: Browser, dist: string): Promise<JourneyResult> {
  const golden = JSON.parse(readFileSync(join(repoRoot, CASE_FILE), 'utf8')) as GoldenCase;
  const started = performance.now();
  const server = await serveBuild(dist);
  const { context, requests } = await phoneContext(browser, server.url);
  try {
    await context.clock.setFixedTime(new Date(`${golden.now}T12:00:00Z`));
    await context.addInitScript(installCounters);
    const page = await context.newPage();
    await page.goto(server.url);
    const lock = new LockPage(page);
    if ((await lock.settled()) !== 'setup') throw new Error('journey: a fresh profile must start at the passphrase set-up');
    await page.evaluate(() => (window as unknown as { __journeyMeasure: () => void }).__journeyMeasure());
    await lock.setUp();
    await lock.waitUntilUnlocked();

    const list = new DraftListPage(page);
    await list.waitUntilLoaded();
    await list.caseReference.fill('HW-JOURNEY-01');
    const language = page.getByRole('main').getByRole('combobox', { name: englishWording.ui('interview.personLanguage'), exact: true });
    if ((await language.count()) > 0) await language.selectOption(PERSON_LANGUAGE);
    await list.startButton.click();
    const wizard = new WizardPage(page);
    await wizard.waitUntilLoaded();

    const skipped: string[] = [];
    let sections = 0;
    for (;;) {
      await takeOffers(page, golden);
      const filled = await wizard.fillSection(golden.answers, { beforeEachPage: () => takeOffers(page, golden) });
      skipped.push(...filled.skipped);
      sections += 1;
      const before = page.url();
      await wizard.nextButton.click();
      await page.waitForURL((url) => url.href !== before);
      if (page.url().endsWith('/review')) break;
      await wizard.waitUntilStepShown();
    }
    await page.getByRole('heading', { level: 1, name: englishWording.ui('review.title') }).waitFor();
    await page.getByText(englishWording.ui('review.signoff.ready')).first().waitFor();
    const counted = await counts(page);
    const review = await reviewScroll(page);
    assertNoForeignRequests(requests, 'journey');
    return {
      ...counted,
      scrollPx: counted.scrollPx + review,
      screens: counted.screens + 1,
      sections,
      skipped,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await context.close();
    await server.close();
  }
}

export async function measureJourney(browser: Browser, dist: string): Promise<Figure[]> {
  const r = await runJourney(browser, dist);
  if (r.skipped.length > 0) throw new Error(`journey: answers of golden case 01 not on screen: ${r.skipped.join(', ')}`);
  const taps = r.taps + r.selects;
  const strict = r.taps + 2 * r.selects + 3 * r.datePickers;
  const method = `Playwright at 360×740 with touch, golden case 01 (v2) from first visit to the review's rating and sign-off status, ${String(r.sections)} sections, ${r.seconds.toFixed(0)} s`;
  const detail = { ...r, tapsIncludingTextBoxes: taps + r.textFocus };
  return [
    {
      id: 'journey_taps',
      label: 'Journey, golden case 01: taps (presses and select choices)',
      value: taps,
      unit: 'count',
      budget: BUDGETS.journeyTaps,
      method,
      note: `besides: ${String(r.datePickers)} date pickers, ${String(r.textFocus)} text boxes typed into; strict count (2 per select, 3 per date picker) ${String(strict)}`,
      detail: { ...detail, strictTaps: strict },
    },
    { id: 'journey_typed', label: 'Journey, golden case 01: characters typed', value: r.typed, unit: 'count', method, detail },
    {
      id: 'journey_screens',
      label: `Journey, golden case 01: screens scrolled (px ÷ ${String(SCREEN_PX)})`,
      value: r.scrollPx / SCREEN_PX,
      unit: 'screens',
      budget: BUDGETS.journeyScreens,
      method,
      note: `${String(r.screens)} screens shown`,
      detail,
    },
  ];
}
