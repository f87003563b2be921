/**
 * The harness tests itself: if the static server, the guard or axe silently stopped working, every
 * other spec would pass for the wrong reason. These run against the real build and a real browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { describeViolations, runAxe } from './support/axe';
import { baseURL, launchBrowser, openApp } from './support/browser';
import { launchKillable } from './support/crash';
import type { PageGuard } from './support/guard';
import { distDir, newProfileDir } from './support/paths';
import { waitForServiceWorker } from './support/service-worker';
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
    const { guard, context } = await openApp(browser);
    // From a blank page: in the app's own page the CSP (connect-src 'self') stops it before the network.
    const blank = await context.newPage();
    await blank.evaluate(() => fetch('http://example.invalid/beacon').catch(() => undefined));
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

/** The policy the build ships, read from its index.html (the one place it is written down). */
function shippedPolicy(): string {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const policy = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  if (policy === undefined) throw new Error('The build has no Content-Security-Policy meta tag.');
  return policy;
}

/** Forgets a deliberate breach so it does not also fail the test at teardown. */
function forgetBreach(guard: PageGuard): void {
  guard.cspViolations.length = 0;
  guard.cspConsole.length = 0;
  guard.foreignRequests.length = 0;
}

describe('content security policy', () => {
  test('the build ships a strict policy and has no inline script, style or event handler it would block', () => {
    const policy = shippedPolicy();
    for (const directive of ["script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toMatch(/unsafe-|\*|https?:/);
    const html = readFileSync(join(distDir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs = '', body = ''] of scripts) {
      expect(attrs).toMatch(/\bsrc="\//);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
    // The meta must come before anything it governs: a policy applies only to what follows it.
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.search(/<script|<link rel="(?:stylesheet|modulepreload|manifest)"/));
  });

  test('records a blocked image and a blocked inline script in the page, and fails the guard', async () => {
    const { page, guard } = await openApp(browser);
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img alt="" src="https://example.invalid/x.png">'));
    await expect.poll(() => guard.cspViolations.find((v) => v.startsWith('img-src'))).toContain('blocked https://example.invalid/x.png');
    await expect.poll(() => guard.cspConsole.join('\n')).toMatch(/'https:\/\/example\.invalid\/x\.png' violates the following Content Security Policy directive: "img-src/);

    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.inlineRan = "yes"';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return document.documentElement.dataset.inlineRan === 'yes';
    });
    expect(ran, 'the policy blocks inline script').toBe(false);
    await expect.poll(() => guard.cspViolations.find((v) => v.startsWith('script-src'))).toMatch(/^script-src-elem blocked inline in http/);
    await expect.poll(() => guard.cspConsole.join('\n')).toMatch(/inline script violates the following Content Security Policy directive '?"?script-src 'self'/i);

    // Chromium reports the blocked image as a request (that failed with ERR_BLOCKED_BY_CSP); the
    // guard keeps the attempt, then the CSP check must fail on its own.
    expect(guard.foreignRequests).toEqual(['GET https://example.invalid/x.png']);
    guard.foreignRequests.length = 0;
    expect(() => guard.assertClean()).toThrow(/Content-Security-Policy violations/);
    forgetBreach(guard);
  });

  test('a normal app load records none, with the recorder live in the page', async () => {
    const { page, guard } = await openApp(browser);
    await page.getByRole('main').waitFor();
    const state = await page.evaluate((binding) => ({
      recorder: typeof Reflect.get(globalThis, binding),
      policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    }), '__homewardGuardCspViolation');
    expect(state).toEqual({ recorder: 'function', policy: shippedPolicy() });
    await page.reload();
    await page.getByRole('main').waitFor();
    expect(guard.cspViolations).toEqual([]);
    expect(guard.cspConsole).toEqual([]);
  });

  test('the app also runs clean with the policy sent as a header, and a violation in the service worker is recorded', async () => {
    // As a host that can send headers should: the same policy plus what a meta tag cannot carry.
    const server = await serveDist(distDir, { headers: { 'Content-Security-Policy': `${shippedPolicy()}; frame-ancestors 'none'` } });
    onTestFinished(() => server.close());
    const { page, guard, context } = await openApp(browser, { origin: server.url });
    await waitForServiceWorker(page);
    expect(guard.cspViolations).toEqual([]);
    expect(guard.cspConsole).toEqual([]);
    const worker = context.serviceWorkers()[0];
    if (!worker) throw new Error('no service worker');
    await worker.evaluate(() => fetch('https://example.invalid/from-worker').then(() => undefined, () => undefined));
    await expect.poll(() => guard.cspViolations.join('\n')).toMatch(/^connect-src blocked https:\/\/example\.invalid\/from-worker in worker http/m);
    forgetBreach(guard);
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
