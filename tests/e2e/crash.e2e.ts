/**
 * Crash consistency: Chromium is SIGKILLed (no pagehide, no flush) right after a burst of typing,
 * then started again on the same profile. The draft must be there, and the answer must be what was
 * typed minus at most the autosave window (maxWait 2 s): a prefix of the text, never garbage.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, onTestFinished, test } from 'vitest';
import { DraftListPage } from './pages/draft-list-page';
import { WizardPage } from './pages/wizard-page';
import { baseURL } from './support/browser';
import { launchKillable } from './support/crash';
import { newProfileDir } from './support/paths';

const KEY_DELAY_MS = 100;
/** The autosave's max wait (2 s) plus a margin for a save in flight when the browser died. */
const MAX_LOST_MS = 2_500;

test('a SIGKILL while typing loses at most the last ~2 s of input', async () => {
  const profile = newProfileDir('crash');
  onTestFinished(() => profile.remove());
  const origin = baseURL();

  const first = await launchKillable(profile.dir);
  onTestFinished(() => first.close());
  const list = new DraftListPage(first.page);
  await list.goto(origin);
  await list.start('HW-TEST-0301');
  const wizard = new WizardPage(first.page);
  await wizard.waitUntilLoaded();

  // The first free-text question the case reaches; remember its section URL and its label.
  let label = '';
  do {
    const box = first.page.getByRole('main').getByRole('textbox').first();
    if ((await box.count()) > 0) label = await box.evaluate((el) => (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? (el.labels?.[0]?.textContent ?? '') : ''));
  } while (label === '' && (await wizard.next()));
  expect(label, 'some step has a labelled free-text question').not.toBe('');
  const sectionUrl = first.page.url();

  // Fictional words, typed key by key so only autosave's max-wait can save mid-burst.
  const text = 'The bus left the harbour at dawn and nobody looked back';
  await wizard.typeText(label.trim(), text, KEY_DELAY_MS);
  await first.kill();

  const second = await launchKillable(profile.dir);
  onTestFinished(() => second.close());
  const again = new DraftListPage(second.page);
  await again.goto(origin);
  expect(await again.draftReferences()).toEqual(['HW-TEST-0301']);
  await second.page.goto(sectionUrl);
  const resumed = new WizardPage(second.page);
  await resumed.waitUntilLoaded();
  // Give the draft a moment to load into the form before reading it.
  await sleep(500);
  const recovered = await resumed.textbox(label.trim()).inputValue();

  expect(text.startsWith(recovered), `recovered "${recovered}" is a prefix of what was typed`).toBe(true);
  expect(recovered.length, 'something was saved during the burst (max-wait, not only debounce)').toBeGreaterThan(0);
  const lostMs = (text.length - recovered.length) * KEY_DELAY_MS;
  expect(lostMs, `lost ${String(text.length - recovered.length)} characters`).toBeLessThanOrEqual(MAX_LOST_MS);
});
