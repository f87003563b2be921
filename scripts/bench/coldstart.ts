/**
 * Offline cold start to an interactive first screen.
 *
 * Set-up (online): a fresh profile sets up the passphrase, the service worker installs and its
 * precache is checked complete. Then the origin's server is stopped and the context set offline.
 * Each run: every tab is closed and the service worker stopped (as a phone does with a backgrounded
 * app), a new tab is opened, CPU throttling set, and the app's URL loaded. The first screen of a
 * set-up device is the unlock screen; it is "interactive" at the first animation frame (the frame
 * that paints it) in which the passphrase field is in the DOM, rendered, enabled and editable, and
 * the Unlock button is enabled. The figure is that frame's time since navigation start
 * (performance.now() of the new document). Median of 5 per CPU rate.
 */
import type { Browser } from 'playwright-core';
import { BUDGETS } from './budgets';
import { assertNoForeignRequests, goOffline, phoneContext, serveBuild, setCpuRate, setUpPassphrase, waitForPrecache } from './browser';
import type { Figure } from './figures';
import { median } from './stats';

const RUNS = 5;
/** Starts the console message in which the page reports its first usable frame. */
const REPORT_PREFIX = 'homeward-bench:coldstart ';

/** Runs in every new document (before the app's scripts): records when the unlock screen becomes usable. */
function watchFirstScreen(reportPrefix: string): void {
  const w = window as unknown as { __benchColdStart?: { readyAt: number; frameAt?: number; focused: boolean } };
  const usable = (): boolean => {
    const input = document.querySelector('main[data-lock-state="locked"] input[autocomplete="current-password"]');
    const button = document.querySelector('main[data-lock-state="locked"] form button[type="submit"]');
    return (
      input instanceof HTMLInputElement &&
      button instanceof HTMLButtonElement &&
      !input.disabled &&
      !input.readOnly &&
      !button.disabled &&
      input.getClientRects().length > 0
    );
  };
  const observer = new MutationObserver(() => {
    if (w.__benchColdStart || !usable()) return;
    observer.disconnect();
    const state: { readyAt: number; frameAt?: number; focused: boolean } = { readyAt: performance.now(), focused: false };
    w.__benchColdStart = state;
    requestAnimationFrame(() => {
      state.frameAt = performance.now();
      state.focused = document.activeElement?.getAttribute('autocomplete') === 'current-password';
      // Reported as a console message, which reaches the bench over the DevTools protocol with no
      // work in the page; polling for it (page.waitForFunction) would first inject Playwright's
      // own script, about 250 KB compiled and run on the page's main thread while the app starts.
      console.debug(`${reportPrefix}${JSON.stringify({ frameAt: state.frameAt, focused: state.focused })}`);
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

async function coldStarts(browser: Browser, dist: string, manifest: readonly string[], rate: number): Promise<{ samples: number[]; focused: boolean; served: number }> {
  const server = await serveBuild(dist);
  const { context, requests } = await phoneContext(browser, server.url);
  try {
    const first = await context.newPage();
    await setUpPassphrase(first, server.url);
    await waitForPrecache(first, manifest);
    await goOffline(context, server);
    const servedBefore = server.requests.length;
    await context.addInitScript(watchFirstScreen, REPORT_PREFIX);
    const samples: number[] = [];
    let focused = true;
    for (let run = 0; run < RUNS; run += 1) {
      for (const page of context.pages()) await page.close();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await setCpuRate(page, rate);
      const report = page.waitForEvent('console', { predicate: (message) => message.text().startsWith(REPORT_PREFIX), timeout: 60_000 });
      await page.goto(server.url, { waitUntil: 'commit' });
      const result = JSON.parse((await report).text().slice(REPORT_PREFIX.length)) as { frameAt: number; focused: boolean };
      samples.push(result.frameAt);
      focused &&= result.focused;
    }
    assertNoForeignRequests(requests, 'coldstart');
    return { samples, focused, served: server.requests.length - servedBefore };
  } finally {
    await context.close();
    await server.close();
  }
}

export async function measureColdStart(browser: Browser, dist: string, manifest: readonly string[]): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const rate of [1, 4] as const) {
    const { samples, focused, served } = await coldStarts(browser, dist, manifest, rate);
    if (served !== 0) throw new Error(`coldstart: the server answered ${String(served)} requests while offline`);
    figures.push({
      id: `coldstart_${String(rate)}x_ms`,
      label: `Offline cold start, unlock screen usable (${String(rate)}× CPU), median of ${String(RUNS)}`,
      value: median(samples),
      unit: 'ms',
      budget: rate === 1 ? BUDGETS.coldStart1xMs : BUDGETS.coldStart4xMs,
      method: 'Playwright, server stopped + setOffline, SW stopped, new tab; navigation start → first frame with the passphrase field enabled',
      note: focused ? undefined : 'the field was not focused in every run',
      detail: { samplesMs: samples.map((s) => Math.round(s)), cpuRate: rate },
    });
  }
  return figures;
}
