/**
 * The harness tests itself: if the static server, the guard or axe silently stopped working, every
 * other spec would pass for the wrong reason. These run against the real build and a real browser.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeViolations, runAxe } from './support/axe';
import { baseURL, launchBrowser, openApp } from './support/browser';
import { launchKillable } from './support/crash';
import { distDir, newProfileDir } from './support/paths';
import { serveDist } from './support/static-server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('static server', () => {
  test('serves the build with real MIME types, falls back to index.html for pages and 404s missing assets', async () => {
    const html = await fetch(baseURL(), { headers: { accept: 'text/html' } });
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const script = /<script[^>]+src="([^"]+)"/.exec(await html.text())?.[1];
    expect(script).toBeDefined();
    const js = await fetch(new URL(script ?? '', baseURL()));
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    const manifest = await fetch(new URL('manifest.webmanifest', baseURL()));
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const deepLink = await fetch(new URL('some/page', baseURL()), { headers: { accept: 'text/html' } });
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<div id="root">');
    const missing = await fetch(new URL('assets/missing-chunk.js', baseURL()));
    expect(missing.status).toBe(404);
    const escape = await fetch(new URL('/%2e%2e/package.json', baseURL()));
    expect(escape.status).toBe(404);
  });

  test('close() takes the origin away at once', async () => {
    const server = await serveDist(distDir);
    expect((await fetch(server.url)).ok).toBe(true);
    await server.close();
    await expect(fetch(server.url)).rejects.toThrow();
  });
});

describe('guard', () => {
  test('records a request to another origin', async () => {
    const { page, guard, context } = await openApp(browser);
    await page.evaluate(() => fetch('http://example.invalid/beacon').catch(() => undefined));
    expect(guard.foreignRequests).toEqual(['GET http://example.invalid/beacon']);
    expect(() => guard.assertClean()).toThrow(/another origin/);
    // Cleared so this deliberate breach does not fail the test at teardown.
    guard.foreignRequests.length = 0;
    await context.close();
  });

  test('records an uncaught page error', async () => {
    const { page, guard } = await openApp(browser);
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('deliberate');
      }, 0);
    });
    await expect.poll(() => guard.pageErrors.length).toBe(1);
    expect(guard.pageErrors[0]).toContain('deliberate');
    guard.pageErrors.length = 0;
  });
});

describe('axe', () => {
  test('reports a real WCAG violation, and none once it is fixed', async () => {
    const { page } = await openApp(browser);
    await page.setContent('<!doctype html><html lang="en"><title>t</title><main><h1>Fixture</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></html>');
    const broken = await runAxe(page);
    expect(broken.map((v) => v.id)).toContain('image-alt');
    await page.evaluate(() => document.querySelector('img')?.setAttribute('alt', 'A dot'));
    const fixed = await runAxe(page);
    expect(fixed, describeViolations(fixed)).toEqual([]);
  });
});

/** Runs in the page (serialised by Playwright): opens a one-store database, then reads or writes one key. */
async function idb(value: string | null): Promise<string | null> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('harness', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kv');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('open failed'));
  });
  const tx = db.transaction('kv', value === null ? 'readonly' : 'readwrite');
  const store = tx.objectStore('kv');
  const read = value === null ? store.get('key') : (store.put(value, 'key'), null);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
  });
  db.close();
  const result: unknown = read?.result;
  return typeof result === 'string' ? result : null;
}

describe('killable browser', () => {
  test('what IndexedDB committed survives SIGKILL of the whole browser, and the profile opens again', async () => {
    const profile = newProfileDir('harness-kill');
    try {
      const first = await launchKillable(profile.dir);
      await first.page.goto(baseURL());
      // IndexedDB, like the app's drafts: a committed transaction has been handed to the OS, which
      // is exactly what survives the browser (not the machine) dying.
      await first.page.evaluate(idb, 'kept');
      await first.kill();
      const second = await launchKillable(profile.dir);
      try {
        await second.page.goto(baseURL());
        expect(await second.page.evaluate(idb, null)).toBe('kept');
      } finally {
        await second.close();
      }
    } finally {
      profile.remove();
    }
  });
});
