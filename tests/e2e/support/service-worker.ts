/**
 * Service-worker helpers. Offline behaviour can only be tested against the production build with
 * its precache, and only once the worker has installed (precache complete) and controls the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { distDir } from './paths';
import type { StaticServer } from './static-server';

/** The URLs Workbox was told to precache, read from the built sw.js (`{url:"…",revision:…}` entries). */
export function precacheManifest(): string[] {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  return [...new Set([...sw.matchAll(/\burl\s*:\s*"([^"]+)"/g)].map((m) => m[1] ?? ''))].filter((u) => u !== '');
}

/**
 * Waits until a service worker is active (so its install, which fills the precache, has finished)
 * and controls this page. The first visit is never controlled without clients.claim(), so the page
 * is reloaded once, as a caseworker's next visit would be. Then checks that every file of the
 * precache manifest really is in Cache Storage: a lazy chunk missing there breaks offline use.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  const supported = await page.evaluate(() => 'serviceWorker' in navigator);
  expect(supported, 'service workers are available (secure context)').toBe(true);
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration()) !== undefined, undefined, { timeout: 15_000 }).catch(() => {
    throw new Error('The app did not register a service worker within 15 s (is registerSW() called at start-up?).');
  });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!controlled) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
  }
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.includes('precache')) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  const expected = precacheManifest().map((u) => `/${u.replace(/^\//, '')}`);
  expect(cached, 'every file of the precache manifest is in Cache Storage').toEqual(expect.arrayContaining(expected));
}

/**
 * Takes the network away for real: the origin's server stops (so the service worker's own fetches
 * fail too) and the context is emulated offline (so the page sees navigator.onLine === false).
 */
export async function goOffline(context: BrowserContext, server: StaticServer): Promise<void> {
  await server.close();
  await context.setOffline(true);
}

/** True when a request the service worker does not precache fails, i.e. the network really is gone. */
export async function networkIsGone(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    try {
      await fetch(`/not-precached-${String(Date.now())}.txt`, { cache: 'no-store' });
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * Waits until the offline status says the device is ready to go offline in these languages
 * (every offered language by default): the offline kit (PDF and signing code, PDF fonts, the
 * languages' strings and wording) is saved beside the precache. Read as a caseworker reads it,
 * from the status's list in English.
 */
export async function waitUntilReadyOffline(page: Page, labels: readonly string[] = ['English', 'Tiếng Việt', 'Română', 'Shqip', 'ትግርኛ', 'العربية']): Promise<void> {
  const list = page.getByRole('list', { name: 'Ready to go offline, by language' });
  for (const label of labels) {
    await list.getByRole('listitem').filter({ hasText: new RegExp(`^${label}: ready to go offline$`) }).waitFor({ timeout: 60_000 });
  }
}
