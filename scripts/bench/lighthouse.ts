/**
 * Lighthouse 12.8.2 through its Node API, against Debian's Chromium started by chrome-launcher:
 * mobile form factor (Moto G Power screen), simulated throttling (Slow 4G, 4× CPU), categories
 * performance, accessibility and best practices. The page is the app served gzipped on 127.0.0.1;
 * Lighthouse resets storage first, so it measures a fresh profile's first screen: the passphrase
 * set-up screen (the first thing a new caseworker sees).
 *
 * Five runs, each in a new Chromium, and the figures of the median run: the run closest to the
 * median first contentful paint and time to interactive, chosen by Lighthouse's own
 * computeMedianRun (as Lighthouse CI does). One run's TBT moves by hundreds of milliseconds on a
 * machine this size, because simulated throttling multiplies whatever the host did meanwhile;
 * every run's score, LCP and TBT are kept in the JSON output.
 *
 * Nothing may leave this machine: Chromium runs with background networking off and a host resolver
 * that maps every name except localhost to "not found", the network records Lighthouse gathered
 * are checked to stay on the page's origin, and Node's own connections are watched (net-watch.ts).
 */
import lighthouse from 'lighthouse';
import { computeMedianRun as computeMedianRunUntyped } from 'lighthouse/core/lib/median-run.js';
import * as chromeLauncher from 'chrome-launcher';
import { BUDGETS } from './budgets';
import type { Figure } from './figures';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/support/paths';
import { serveBuild } from './serve';

const CHROME_FLAGS = [
  ...chromiumArgs,
  // Lighthouse runs Chromium itself; no name may resolve beyond this machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

interface NetworkItem {
  url?: unknown;
}

const RUNS = 5;

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

// Its declaration names the global LH.Result, which Lighthouse's public types do not export; it
// is the same type as the Node API's result.
const computeMedianRun = computeMedianRunUntyped as unknown as (runs: readonly Result[]) => Result;

/** The URLs of the network requests Lighthouse recorded. */
function requestUrls(lhr: Result): string[] {
  const items = (lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? [];
  return items.map((i) => String(i.url));
}

/** One Lighthouse run in a new Chromium; refuses a run that failed or requested another origin. */
async function runOnce(url: string): Promise<Result> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  let lhr: Result;
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      {
        extends: 'lighthouse:default',
        settings: {
          formFactor: 'mobile',
          throttlingMethod: 'simulate',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        },
      },
    );
    if (!result) throw new Error('Lighthouse returned no result.');
    lhr = result.lhr;
  } finally {
    chrome.kill();
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const origin = new URL(url).origin;
  const foreign = requestUrls(lhr).filter((u) => /^https?:/.test(u) && new URL(u).origin !== origin);
  if (foreign.length > 0) throw new Error(`lighthouse: the page requested another origin: ${foreign.join(', ')}`);
  return lhr;
}

export async function measureLighthouse(dist: string): Promise<Figure[]> {
  const server = await serveBuild(dist);
  const runs: Result[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) runs.push(await runOnce(server.url));
  } finally {
    await server.close();
  }
  const lhr = computeMedianRun(runs);

  const score = (id: string, result: Result = lhr): number | null => {
    const s = result.categories[id]?.score;
    return typeof s === 'number' ? Math.round(s * 100) : null;
  };
  const metric = (id: string, result: Result = lhr): number | null => {
    const v = result.audits[id]?.numericValue;
    return typeof v === 'number' ? v : null;
  };
  const everyRun = {
    performance: runs.map((r) => score('performance', r)),
    lcpMs: runs.map((r) => Math.round(metric('largest-contentful-paint', r) ?? NaN)),
    tbtMs: runs.map((r) => Math.round(metric('total-blocking-time', r) ?? NaN)),
    benchmarkIndex: runs.map((r) => Math.round(r.environment.benchmarkIndex)),
    medianRun: runs.indexOf(lhr) + 1,
  };
  const failing = (id: string): string[] =>
    (lhr.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id);
  const method = `lighthouse 12.8.2 Node API, mobile, simulated throttling (Slow 4G, 4× CPU), fresh profile → set-up screen; median run of ${String(RUNS)}`;
  const env = { benchmarkIndex: lhr.environment.benchmarkIndex, lighthouseVersion: lhr.lighthouseVersion, requests: requestUrls(lhr).length, everyRun };
  return [
    { id: 'lh_performance', label: 'Lighthouse performance', value: score('performance'), unit: 'score', budget: BUDGETS.lighthousePerformance, method, detail: { ...env, failing: failing('performance') } },
    { id: 'lh_accessibility', label: 'Lighthouse accessibility', value: score('accessibility'), unit: 'score', budget: BUDGETS.lighthouseAccessibility, method, detail: { failing: failing('accessibility') } },
    { id: 'lh_best_practices', label: 'Lighthouse best practices', value: score('best-practices'), unit: 'score', budget: BUDGETS.lighthouseBestPractices, method, detail: { failing: failing('best-practices') } },
    { id: 'lh_lcp_ms', label: 'Largest Contentful Paint (Lighthouse)', value: metric('largest-contentful-paint'), unit: 'ms', budget: BUDGETS.lcpMs, method: 'same Lighthouse run', detail: { everyRun: everyRun.lcpMs } },
    { id: 'lh_tbt_ms', label: 'Total Blocking Time (Lighthouse)', value: metric('total-blocking-time'), unit: 'ms', budget: BUDGETS.tbtMs, method: 'same Lighthouse run', detail: { everyRun: everyRun.tbtMs } },
    { id: 'lh_cls', label: 'Cumulative Layout Shift (Lighthouse; budget web.dev)', value: metric('cumulative-layout-shift'), unit: 'ratio', budget: BUDGETS.cls, method: 'same Lighthouse run', note: `benchmarkIndex ${String(Math.round(lhr.environment.benchmarkIndex))}` },
  ];
}
