/**
 * Input latency while filling 30 fields, and the longest main-thread task during autosave, at 4×
 * CPU. A new draft is opened in the wizard; then, throttled, the first 30 visible text boxes met
 * step by step (text, number and text-area items) are typed into key by key (20 ms between keys,
 * "Bench note 12" or "7" for a number), autosave running as it does for a caseworker (500 ms
 * debounce, 2 s max wait); each box is first scrolled to the middle of the screen, as a phone does
 * when its keyboard opens (see showAboveKeyboard). In the page, PerformanceObservers record Event Timing entries (type
 * 'event', durationThreshold 16, buffered) and long tasks (type 'longtask'), and the
 * `homeward:autosave` user timings (src/storage/autosave.ts) give each save's span.
 * - input latency = the longest Event Timing duration (input delay + processing + next paint);
 * - longest task during autosave = the longest long task (≥ 50 ms) overlapping a save's span; 0 when
 *   no long task overlapped one.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { BUDGETS } from './budgets';
import { assertNoForeignRequests, phoneContext, serveBuild, setCpuRate } from './browser';
import type { Figure } from './figures';
import { editableTextboxes, isNumeric, openNewDraft } from './wizard';

const FIELDS = 30;
const RATE = 4;

interface Span {
  name: string;
  start: number;
  duration: number;
}

interface Recorded {
  events: Span[];
  longTasks: Span[];
  saves: Span[];
  /** each save's own synchronous main-thread step (homeward:autosave:sync) */
  saveSteps: Span[];
}

/** In the page: starts recording Event Timing and long-task entries from now on. */
function startRecording(): void {
  const since = performance.now();
  const target: Recorded & { since: number } = { events: [], longTasks: [], saves: [], saveSteps: [], since };
  (window as unknown as { __benchTyping: typeof target }).__benchTyping = target;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.startTime >= since) target.events.push({ name: e.name, start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.startTime >= since) target.longTasks.push({ name: e.name, start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Scrolls the text box to the middle of the screen before it is typed into, as Chrome on Android
 * does for a focused field when the on-screen keyboard opens. Without it, a box left half below
 * the bottom edge by Playwright's focus makes headless Chromium present no frame until the typing
 * stops: each key's frame is committed within ~40 ms but reported dropped, so every key's Event
 * Timing duration stretched to the end of the field (up to ~1 s) whatever the app did (checked in
 * a trace; the same box typed into in the middle of the screen presents every key).
 */
async function showAboveKeyboard(box: Locator): Promise<void> {
  await box.evaluate((el) => {
    el.scrollIntoView({ block: 'center' });
  });
}

async function collect(page: Page): Promise<Recorded> {
  // Let the observers' callbacks for the last entries run.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  return page.evaluate(() => {
    const r = (window as unknown as { __benchTyping: Recorded & { since: number } }).__benchTyping;
    const spans = (name: string) =>
      performance
        .getEntriesByName(name, 'measure')
        .filter((m) => m.startTime >= r.since)
        .map((m) => ({ name: m.name, start: m.startTime, duration: m.duration }));
    return { events: r.events, longTasks: r.longTasks, saves: spans('homeward:autosave'), saveSteps: spans('homeward:autosave:sync') };
  });
}

/** The longest task overlapping any save's span (0 if none). Pure; exported for the tests. */
export function longestTaskDuring(tasks: readonly Span[], saves: readonly Span[]): number {
  let longest = 0;
  for (const t of tasks) {
    const overlaps = saves.some((s) => t.start < s.start + s.duration && t.start + t.duration > s.start);
    if (overlaps) longest = Math.max(longest, t.duration);
  }
  return longest;
}

export async function measureTyping(browser: Browser, dist: string): Promise<Figure[]> {
  const server = await serveBuild(dist);
  const { context, requests } = await phoneContext(browser, server.url);
  try {
    const page = await context.newPage();
    const wizard = await openNewDraft(page, server.url, 'BENCH-TYPING-1');
    await setCpuRate(page, RATE);
    await page.evaluate(startRecording);
    let filled = 0;
    do {
      for (const box of await editableTextboxes(page)) {
        if (filled >= FIELDS) break;
        await showAboveKeyboard(box);
        await box.pressSequentially((await isNumeric(box)) ? '7' : 'Bench note 12', { delay: 20 });
        // Leaving the box first, as the keyboard closes: its check on leaving may show a message
        // that moves the Next button, and a tap on a moving button is lost.
        await box.blur();
        filled += 1;
      }
    } while (filled < FIELDS && (await wizard.next()));
    if (filled < FIELDS) throw new Error(`typing: only ${String(filled)} text boxes found in the whole wizard`);
    await wizard.waitUntilSaved();
    const rec = await collect(page);
    await setCpuRate(page, 1);
    assertNoForeignRequests(requests, 'typing');

    const longestEvent = rec.events.reduce<Span | null>((a, e) => (a === null || e.duration > a.duration ? e : a), null);
    const longestTask = rec.longTasks.reduce((m, t) => Math.max(m, t.duration), 0);
    const duringSave = longestTaskDuring(rec.longTasks, rec.saves);
    const over100 = rec.events.filter((e) => e.duration > 100).length;
    return [
      {
        id: 'input_event_max_4x_ms',
        label: `Longest input event while filling ${String(FIELDS)} fields (4× CPU)`,
        value: longestEvent?.duration ?? 0,
        unit: 'ms',
        budget: BUDGETS.inputEvent4xMs,
        method: "Playwright typing key by key; PerformanceObserver 'event', durationThreshold 16",
        note: longestEvent
          ? `${longestEvent.name}; ${String(rec.events.length)} events ≥ 16 ms, ${String(over100)} over 100 ms`
          : 'no event reached the 16 ms reporting threshold',
        detail: { eventsOver16: rec.events.length, over100, top: [...rec.events].sort((a, b) => b.duration - a.duration).slice(0, 5) },
      },
      {
        id: 'autosave_longtask_4x_ms',
        label: 'Longest main-thread task during an autosave (4× CPU; ref §4.3)',
        value: duringSave,
        unit: 'ms',
        budget: BUDGETS.autosaveLongTask4xMs,
        method: "same run; PerformanceObserver 'longtask' overlapping a homeward:autosave measure",
        note: `${String(rec.saves.length)} saves; longest task of the whole run ${Math.round(longestTask).toString()} ms`,
        detail: { saves: rec.saves.length, longTasks: rec.longTasks.length, longestTaskOverallMs: longestTask },
      },
      {
        id: 'autosave_sync_step_4x_ms',
        label: "Longest main-thread step of an autosave itself (4× CPU; ref §4.3)",
        value: rec.saveSteps.reduce((m, t) => Math.max(m, t.duration), 0),
        unit: 'ms',
        budget: BUDGETS.autosaveSyncStep4xMs,
        method: 'same run; homeward:autosave:sync measure: validating and serialising the draft, before encryption and IndexedDB (off the main thread)',
        note: `${String(rec.saveSteps.length)} saves`,
        detail: { durations: rec.saveSteps.map((t) => Math.round(t.duration * 10) / 10) },
      },
    ];
  } finally {
    await context.close();
    await server.close();
  }
}
