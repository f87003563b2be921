/**
 * Whole golden cases, completed offline through the UI. After one online visit (service worker
 * installed, precache complete) the origin's server is stopped and the context goes offline, so
 * even the service worker's own requests fail; the page is reloaded and a new assessment started.
 * Every answer of the golden case (tests/golden/cases-v2/) is then given section by section, in
 * instrument order, by question text; in the middle of long sections the page is reloaded and every
 * answer given so far in that section must be shown again exactly. The review screen must show
 * exactly the case's flags, its computed ratings, and offer exactly its allowed recommendations.
 */
import { describe, expect, test } from 'vitest';
import { DraftListPage } from './pages/draft-list-page';
import { ReviewPage } from './pages/review-page';
import { normalizeAnswer, WizardPage } from './pages/wizard-page';
import { launchPersistentApp, privateServer } from './support/browser';
import {
  engineString, flagHeadline, loadGoldenCase, optionLabel, ruleDef, sectionTitle, wizardString, type GoldenCase,
} from './support/instrument';
import { goOffline, networkIsGone, waitForServiceWorker } from './support/service-worker';

interface Scenario {
  readonly golden: GoldenCase;
  readonly ref: string;
  /** The sections the wizard must offer for this case, in order. */
  readonly sections: readonly string[];
  /** Reload right after answering this item of its section, then check that section's answers so far. */
  readonly reloadAfter: readonly string[];
}

const adult: Scenario = {
  // A smuggler's debt with a plan: two RISK flags that the mitigation rows name (instrument v2).
  golden: loadGoldenCase('17-'),
  ref: 'HW-TEST-0401',
  sections: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'N', 'P'],
  // Half of the debt section (yes/no, a multi, numbers, text); the decision section after its
  // mitigation rows, whose first column ticks the flags each row answers.
  reloadAfter: ['E4.still_claimed', 'N5'],
};

const child: Scenario = {
  // A 16-year-old with a full best-interests determination, signable (instrument v2).
  golden: loadGoldenCase('22-'),
  ref: 'HW-TEST-0402',
  sections: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'N', 'P'],
  // Half of the child's section (choices, text, dates, the child's own words); the follow-up plan after its rows.
  reloadAfter: ['L6.weight', 'P2'],
};

/** The instrument's recommendation item (its `decision.recommendation`). */
const RECOMMENDATION = 'N4';
const recommendationLabel = (code: string): string => optionLabel(RECOMMENDATION, code);
const sorted = (list: readonly string[]): string[] => [...list].sort((a, b) => a.localeCompare(b));

describe.each([
  ['adult', adult],
  ['child', child],
] as const)('%s golden case, completed offline', (_name, scenario) => {
  test('every answer survives a reload mid-section; the review shows exactly the expected flags, ratings and recommendations', async () => {
    const started = performance.now();
    const { golden } = scenario;
    expect(golden.expect.missing, 'the golden case is complete').toEqual([]);

    const server = await privateServer();
    const session = await launchPersistentApp({ origin: server.url, label: 'case' });
    const { page } = session;
    // The golden case's assessment date: ages and date windows (e.g. D10) are computed from it.
    await session.context.clock.setFixedTime(new Date(`${golden.now}T12:00:00Z`));
    const list = new DraftListPage(page);
    await list.goto(server.url);
    await waitForServiceWorker(page);
    await goOffline(session.context, server);
    expect(await networkIsGone(page), 'the network is really gone for the service worker too').toBe(true);

    await page.reload();
    await list.waitUntilLoaded();
    const draftId = await list.start(scenario.ref);
    const wizard = new WizardPage(page);
    await wizard.waitUntilLoaded();

    const skipped: string[] = [];
    const reloadsDone: string[] = [];
    for (const section of scenario.sections) {
      await page.getByRole('main').getByRole('heading', { level: 1, name: sectionTitle(section), exact: true }).waitFor();
      const filled = await wizard.fillSection(golden.answers, {
        onAnswered: async (code, answeredSoFar) => {
          if (!scenario.reloadAfter.includes(code)) return;
          await wizard.waitUntilSaved();
          await page.reload();
          await wizard.waitUntilLoaded();
          expect(await wizard.currentSectionTitle(), 'the reload resumes in the same section').toBe(sectionTitle(section));
          for (const answered of answeredSoFar) {
            const given = golden.answers[answered];
            if (given === undefined) throw new Error(`${answered} was answered without an answer`);
            expect(await wizard.readItem(answered), `${answered} after the reload in section ${section}`).toEqual(normalizeAnswer(answered, given));
          }
          reloadsDone.push(code);
        },
      });
      expect(filled.section).toBe(section);
      skipped.push(...filled.skipped);
      // The last section's "Next section" leads to the review and decision.
      const before = page.url();
      await wizard.nextButton.click();
      await page.waitForURL((url) => url.href !== before);
      await wizard.waitUntilStepShown();
    }
    expect(reloadsDone, 'every planned mid-section reload happened').toEqual(scenario.reloadAfter);
    // Every answer of these golden cases belongs to an item the engine shows for them (by the end of its section).
    expect(skipped, 'answered items that were not on screen').toEqual([]);

    await page.waitForURL(/\/review$/);
    const review = new ReviewPage(page);
    await review.waitUntilLoaded();
    expect(page.url()).toContain(draftId);

    for (const [id, level] of Object.entries(golden.expect.flagLevels ?? {})) expect(ruleDef(id).level, `level of ${id}`).toBe(level);
    expect(sorted(await review.flagHeadlines()), 'flags on the review screen').toEqual(sorted(golden.expect.flags.map(flagHeadline)));

    expect(await review.computedOverallRating()).toBe(`${wizardString('review.judgement.computed')} ${engineString(`rating.level.${golden.expect.overall}`)}`);
    const areas = await review.areaRatings();
    expect(Object.keys(areas).length, 'areas rated').toBeGreaterThan(0);
    for (const [area, rating] of Object.entries(areas)) {
      const domain = Object.keys(golden.expect.domains).find((d) => engineString(`domain.${d}`) === area);
      if (domain === undefined) throw new Error(`Unknown area "${area}" in the ratings table`);
      expect(rating, `rating of ${area}`).toBe(engineString(`rating.level.${golden.expect.domains[domain] ?? ''}`));
    }

    expect(sorted(await review.allowedRecommendations()), 'recommendations offered').toEqual(sorted(golden.expect.allowed.map(recommendationLabel)));
    expect(sorted(await review.blockedRecommendations()), 'recommendations not available').toEqual(sorted(golden.expect.blocked.map(recommendationLabel)));

    const signOff = await review.signOffText();
    expect(signOff).toContain(wizardString('review.missing.none'));
    if (golden.expect.signOffReady) expect(signOff).toContain(wizardString('review.signoff.ready'));
    else expect(signOff).not.toContain(wizardString('review.signoff.ready'));

    console.log(`${scenario.ref}: ${String(Math.round((performance.now() - started) / 100) / 10)} s`);
  });
});
