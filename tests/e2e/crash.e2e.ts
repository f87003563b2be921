/**
 * Crash consistency, repeated: Chromium is SIGKILLed (no pagehide, no flush) right after a burst
 * of typing, then started again on the same profile, ROUNDS times in a row on one draft. After
 * every restart the answer must be everything saved before the burst plus a prefix of the burst
 * (never garbage, never an older text), losing at most the autosave window (maxWait 2 s).
 * About 8 s a round on an idle 2-core machine (start, unlock, 3–4 s of typing); the timeout is
 * generous because a machine shared with other jobs starts Chromium several times slower.
 */
import { expect, onTestFinished, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DraftListPage } from './pages/draft-list-page';
import { WizardPage } from './pages/wizard-page';
import { baseURL } from './support/browser';
import { launchKillable, type KillableBrowser } from './support/crash';
import { newProfileDir } from './support/paths';

const ROUNDS = 10;
const KEY_DELAY_MS = 100;
/** The autosave's max wait (2 s) plus a margin for a save in flight when the browser died. */
const MAX_LOST_MS = 2_500;
/** Fictional words; each round types one, so a loss or a mix-up between rounds shows. */
const BURSTS = [
  'The bus left the harbour at dawn. ',
  'Nobody on board looked back at the pier. ',
  'A woman sold bread near the gate. ',
  'Rain started before the second stop. ',
  'The driver kept the radio low all night. ',
  'At the border the queue was short. ',
  'A boy counted the lorries out loud. ',
  'The road climbed into grey hills. ',
  'Someone had left a blue scarf behind. ',
  'Morning came slowly over the fields. ',
];

/** Reads the field once the draft has loaded into the form (autosave never blanks it). */
async function readField(page: Page, label: string): Promise<string> {
  const box = new WizardPage(page).textbox(label);
  await box.waitFor();
  return box.inputValue();
}

test(`${String(ROUNDS)} SIGKILLs while typing each lose at most the last ~2 s of input`, { timeout: 600_000 }, async () => {
  expect(BURSTS.length).toBeGreaterThanOrEqual(ROUNDS);
  const profile = newProfileDir('crash');
  onTestFinished(() => profile.remove());
  const origin = baseURL();
  let open: KillableBrowser | null = null;
  onTestFinished(async () => {
    await open?.close();
  });

  open = await launchKillable(profile.dir);
  const list = new DraftListPage(open.page);
  await list.goto(origin);
  await list.start('HW-TEST-0301');
  const wizard = new WizardPage(open.page);
  await wizard.waitUntilLoaded();
  // The first free-text question the case reaches; remember its section URL and its label.
  let label = '';
  do {
    const box = open.page.getByRole('main').getByRole('textbox').first();
    if ((await box.count()) > 0) label = (await box.evaluate((el) => (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? (el.labels?.[0]?.textContent ?? '') : ''))).trim();
  } while (label === '' && (await wizard.next()));
  expect(label, 'some step has a labelled free-text question').not.toBe('');
  const sectionUrl = open.page.url();

  let saved = '';
  for (let round = 0; round < ROUNDS; round += 1) {
    const burst = BURSTS[round] ?? '';
    const page = open.page;
    const box = new WizardPage(page).textbox(label);
    // Typed key by key at the end of what is there, so only autosave's max-wait saves mid-burst.
    await box.press('Control+End');
    await page.keyboard.type(burst, { delay: KEY_DELAY_MS });
    await open.kill();
    open = null;

    open = await launchKillable(profile.dir);
    // Straight to the step: the draft opening there is the proof that it survived.
    await open.page.goto(sectionUrl);
    await new WizardPage(open.page).waitUntilLoaded();
    const recovered = await readField(open.page, label);

    const where = `round ${String(round + 1)}`;
    expect(recovered.startsWith(saved), `${where}: what was saved before the burst is intact ("${recovered}")`).toBe(true);
    const typed = saved + burst;
    expect(typed.startsWith(recovered), `${where}: "${recovered}" is a prefix of what was typed`).toBe(true);
    expect(recovered.length, `${where}: something of the burst was saved (max-wait, not only debounce)`).toBeGreaterThan(saved.length);
    const lost = typed.length - recovered.length;
    expect(lost * KEY_DELAY_MS, `${where}: lost ${String(lost)} characters`).toBeLessThanOrEqual(MAX_LOST_MS);
    saved = recovered;
  }
});
