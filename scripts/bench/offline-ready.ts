/**
 * A first visit on a slow link: 400 kbit/s down and up, 400 ms round trip, set through the
 * DevTools protocol (`Network.emulateNetworkConditions`). From navigation, the figures are the
 * time until the offline status (src/features/offline) says the core works offline, says the
 * device is ready to go offline in English, and says so for every language. Report only: the
 * issue sets no budget yet.
 *
 * The precache downloads, and since the kit moved into the worker the kit's downloads too, are
 * the service worker's own requests, which the page's emulated link does not always reach. So
 * each figure is checked against the bytes it needs: the gzip bytes of the core (and of the PDF
 * code and fonts, and of the languages' files) cannot cross a 400 kbit/s link faster than
 * bytes / 50 KB/s. A figure below 90 % of that is withheld as "not trusted", never reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { measurePrecache } from '../size.mjs';
import type { Figure } from './figures';
import { assertNoForeignRequests, phoneContext, serveBuild } from './browser';

const BYTES_PER_S = 400_000 / 8;
const LINK = { offline: false, latency: 400, downloadThroughput: BYTES_PER_S, uploadThroughput: BYTES_PER_S } as const;
const GIVE_UP_MS = 10 * 60_000;

interface Seen {
  core: number | null;
  perLanguage: Record<string, number>;
  languages: number;
}

async function watch(page: Page, started: number): Promise<Seen> {
  const seen: Seen = { core: null, perLanguage: {}, languages: 0 };
  while (performance.now() - started < GIVE_UP_MS) {
    const state = await page
      .evaluate(() => {
        const section = document.querySelector('.offline-status');
        const items = [...document.querySelectorAll('.offline-status li[data-language]')];
        return {
          core: section?.getAttribute('data-core-ready') === 'true',
          ready: items.filter((li) => li.getAttribute('data-ready') === 'true').map((li) => li.getAttribute('data-language') ?? ''),
          count: items.length,
        };
      })
      .catch(() => ({ core: false, ready: [] as string[], count: 0 }));
    const now = performance.now() - started;
    if (state.core) seen.core ??= now;
    for (const code of state.ready) seen.perLanguage[code] ??= now;
    seen.languages = state.count;
    if (state.count > 0 && Object.keys(seen.perLanguage).length === state.count) break;
    await page.waitForTimeout(250);
  }
  return seen;
}

/** Gzip bytes of the kit's shared files (PDF code, fonts) and of every language's own files. */
function kitGzipBytes(dist: string): { shared: number; languages: number } {
  const plan = JSON.parse(readFileSync(join(dist, 'offline-kit.json'), 'utf8')) as { shared: { url: string }[]; languages: Record<string, { url: string }[]> };
  const gz = (files: readonly { url: string }[]): number => files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f.url)), { level: 9 }).length, 0);
  return { shared: gz(plan.shared), languages: gz(Object.values(plan.languages).flat()) };
}

export async function measureOfflineReady(browser: Browser, dist: string): Promise<Figure[]> {
  const precache = measurePrecache(dist);
  if (!precache) throw new Error('no sw.js in the build');
  const server = await serveBuild(dist);
  const { context, requests } = await phoneContext(browser, server.url);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', LINK);
    const started = performance.now();
    await page.goto(server.url, { timeout: 120_000 });
    const seen = await watch(page, started);
    assertNoForeignRequests(requests, 'offline');

    const kit = kitGzipBytes(dist);
    const fastestMs = (bytes: number): number => (bytes / BYTES_PER_S) * 1000;
    const bounds = {
      core: fastestMs(precache.gzipBytes),
      english: fastestMs(precache.gzipBytes + kit.shared),
      every: fastestMs(precache.gzipBytes + kit.shared + kit.languages),
    };
    const times = Object.values(seen.perLanguage);
    const every = seen.languages > 0 && times.length === seen.languages ? Math.max(...times) : null;
    const english = seen.perLanguage.en ?? null;
    const method = 'scripts/bench/offline-ready.ts: fresh profile at 360×740, 400 kbit/s both ways, 400 ms RTT (CDP Network.emulateNetworkConditions), navigation → the offline status saying so';
    const figure = (id: string, label: string, value: number | null, fastest: number, detail?: Record<string, unknown>): Figure => {
      const untrusted = value !== null && value < fastest * 0.9;
      return {
        id, label, value: untrusted ? null : value, unit: 'ms', method,
        note: untrusted
          ? `not trusted: ${String(Math.round(value))} ms, faster than its gzip bytes can cross the link (${String(Math.round(fastest))} ms); the worker's requests were not throttled`
          : value === null ? 'not ready within 10 min' : undefined,
        detail: { ...detail, fastestPossibleMs: fastest, observedMs: value },
      };
    };
    return [
      figure('offline_core_ready_ms', 'First visit → core saved (set up, interview, review work offline), 400 kbit/s, 400 ms', seen.core, bounds.core, {
        coreGzipKb: precache.gzipBytes / 1024,
      }),
      figure('offline_ready_en_ms', 'First visit → "ready to go offline" in English, same link', english, bounds.english),
      figure('offline_ready_all_ms', 'First visit → "ready to go offline" in every language, same link', every, bounds.every, { perLanguageMs: seen.perLanguage }),
    ];
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
  }
}
