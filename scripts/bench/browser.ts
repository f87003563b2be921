/**
 * Browser plumbing shared by the bench's Playwright parts: Debian's Chromium with the same flags as
 * the browser tests, a phone-sized context, CPU throttling over CDP, "offline for real" and a
 * record of every request (none may leave the app's origin).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { LockPage } from '../../tests/e2e/pages/lock-page';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/support/paths';
import { serveBuild, type BenchServer } from './serve';

export { LockPage, serveBuild, type BenchServer };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs], headless: true });
}

/** Requests seen in a context; anything not on the app's origin (or data:/blob:) is foreign. */
export interface RequestLog {
  readonly all: string[];
  readonly foreign: string[];
}

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome-error:']);

/** A context like the browser tests' phone: 360×740, touch, mobile viewport, service workers on. */
export async function phoneContext(browser: Browser, origin: string): Promise<{ context: BrowserContext; requests: RequestLog }> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'UTC',
    serviceWorkers: 'allow',
  });
  // tsx compiles this bench with esbuild's keepNames, which wraps named inner functions in
  // __name(...) calls; functions serialised into the page (evaluate, init scripts) need it defined.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  const appOrigin = new URL(origin).origin;
  const requests: RequestLog = { all: [], foreign: [] };
  context.on('request', (request) => {
    const url = request.url();
    requests.all.push(url);
    const parsed = new URL(url);
    if (!LOCAL_SCHEMES.has(parsed.protocol) && parsed.origin !== appOrigin) requests.foreign.push(url);
  });
  return { context, requests };
}

/** Slows the page's main thread by `rate` (1 = off) through Chrome DevTools' CPU throttling. */
export async function setCpuRate(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** A fresh profile's first visit: sets up the bench passphrase and waits until the app is unlocked. */
export async function setUpPassphrase(page: Page, origin: string): Promise<void> {
  await page.goto(origin);
  await new LockPage(page).ensureUnlocked();
}

/** Reload (which locks the app) and unlock again with the bench passphrase. */
export async function reloadAndUnlock(page: Page): Promise<void> {
  await page.reload();
  await new LockPage(page).ensureUnlocked();
}

/**
 * Waits until the service worker is active and controls the page (reloading once, as the next
 * visit would), then checks that every URL of the precache manifest is in Cache Storage.
 */
export async function waitForPrecache(page: Page, manifest: readonly string[]): Promise<void> {
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration()) !== undefined, undefined, { timeout: 30_000 });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await reloadAndUnlock(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  }
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.includes('precache')) continue;
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  const missing = manifest.map((u) => `/${u.replace(/^\//, '')}`).filter((u) => !cached.includes(u));
  if (missing.length > 0) throw new Error(`The precache is incomplete; missing: ${missing.join(', ')}`);
}

/** The origin's server stops (so the service worker's own fetches fail too) and the context goes offline. */
export async function goOffline(context: BrowserContext, server: BenchServer): Promise<void> {
  await server.close();
  await context.setOffline(true);
}

/** Fails when a context contacted another origin: the bench must not measure a leaking app. */
export function assertNoForeignRequests(requests: RequestLog, part: string): void {
  if (requests.foreign.length > 0) throw new Error(`${part}: requests to another origin: ${requests.foreign.join(', ')}`);
}
