/**
 * A second version of the app, and a server that can switch from one version to the other on the
 * same origin, for service-worker update tests.
 *
 * Version B is a copy of the build under test (A) whose index.html carries one extra
 * `<meta name="homeward-build">` and whose sw.js has index.html's precache revision updated to
 * match (Workbox's revision is the file's MD5). So sw.js differs byte for byte, the browser finds
 * a new worker on its next update check, and that worker's install precaches B's index.html. The
 * hashed assets are identical, so nothing else changes and no second `vite build` is needed. The
 * marker also tells a test which version a tab is running: only B's HTML has it.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Dialog, Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { serveDist, type StaticServer } from './static-server';

/** Name and content of the meta element only version B's index.html has. */
export const UPDATE_MARKER = { name: 'homeward-build', content: 'update-test-b' } as const;

export interface UpdatedBuild {
  readonly dir: string;
  remove(): void;
}

/**
 * Copies `fromDir` to a new folder under the OS temp dir and turns the copy into version B (see
 * above). Throws if the build does not look as expected, so a changed build format fails loudly
 * instead of silently producing a "B" identical to A.
 */
export function buildUpdatedCopy(fromDir: string): UpdatedBuild {
  const dir = mkdtempSync(join(tmpdir(), 'homeward-update-b-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    cpSync(fromDir, dir, { recursive: true });

    const htmlPath = join(dir, 'index.html');
    const html = readFileSync(htmlPath, 'utf8');
    if (!html.includes('</head>')) throw new Error(`${htmlPath} has no </head>.`);
    const patched = html.replace('</head>', `  <meta name="${UPDATE_MARKER.name}" content="${UPDATE_MARKER.content}" />\n  </head>`);
    writeFileSync(htmlPath, patched);

    const swPath = join(dir, 'sw.js');
    const sw = readFileSync(swPath, 'utf8');
    const entry = /(\{\s*url\s*:\s*"index\.html"\s*,\s*revision\s*:\s*")([0-9a-f]+)(")/g;
    const matches = [...sw.matchAll(entry)];
    if (matches.length !== 1) throw new Error(`Expected one precache entry for index.html in ${swPath}, found ${String(matches.length)}.`);
    const revision = createHash('md5').update(patched).digest('hex');
    if (matches[0]?.[2] === revision) throw new Error('The patched index.html has the revision of the original.');
    writeFileSync(swPath, sw.replace(entry, `$1${revision}$3`));
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, remove };
}

/**
 * A private static server whose content can be swapped for another build on the same port (so the
 * same origin, storage and service-worker registration): the old server stops, a new one listens.
 * Whichever is running is stopped when the current test finishes.
 */
export interface SwitchableServer {
  readonly url: string;
  readonly port: number;
  switchTo(root: string): Promise<void>;
}

export async function switchableServer(root: string): Promise<SwitchableServer> {
  let current: StaticServer = await serveDist(root);
  onTestFinished(() => current.close());
  const { url, port } = current;
  return {
    url,
    port,
    async switchTo(next: string): Promise<void> {
      await current.close();
      current = await serveDist(next, { port });
    },
  };
}

/** True when the page's document is version B's index.html. */
export async function runsUpdatedVersion(page: Page): Promise<boolean> {
  return page.evaluate(({ name, content }) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') === content, UPDATE_MARKER);
}

/**
 * Asks the browser to check for a new service worker now (as it does by itself on navigations and
 * every 24 h), from this page. Resolves when the check has run.
 */
export async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) throw new Error('No service-worker registration to update.');
    await registration.update();
  });
}

/**
 * Counts the loads of a page's main document from now on (a reload is one load), and what the
 * page shows in dialogs (a `beforeunload` "Leave site?" prompt means the page tried to unload
 * while it still had unsaved input): those are dismissed, i.e. the page stays, and recorded.
 */
export interface LoadWatch {
  loads(): number;
  readonly dialogs: readonly string[];
  /**
   * Resolves at the page's next load; rejects at once if the page shows a dialog first (a
   * reload refused by the "Leave site?" guard never loads), or after `timeoutMs`.
   */
  nextLoad(timeoutMs?: number): Promise<void>;
}

export function watchLoads(page: Page): LoadWatch {
  let loads = 0;
  const dialogs: string[] = [];
  page.on('load', () => {
    loads += 1;
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined);
  });
  return {
    loads: () => loads,
    dialogs,
    nextLoad(timeoutMs = 30_000) {
      const next = new Promise<void>((resolve, reject) => {
        const done = (): void => {
          clearTimeout(timer);
          page.off('load', onLoad);
          page.off('dialog', onDialog);
        };
        const onLoad = (): void => {
          done();
          resolve();
        };
        const onDialog = (dialog: Dialog): void => {
          done();
          reject(new Error(`The page showed a ${dialog.type()} dialog instead of loading (it tried to unload with unsaved input).`));
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`The page did not load within ${String(timeoutMs)} ms.`));
        }, timeoutMs);
        page.on('load', onLoad);
        page.on('dialog', onDialog);
      });
      // Awaited later by the test; a failure before that must not count as unhandled.
      void next.catch(() => undefined);
      return next;
    },
  };
}

/**
 * Stamps the page's current document: the stamp is gone after any reload or navigation to
 * another document, so its presence proves the page was not reloaded. Also remembers the
 * service worker controlling the document now, for `controllerChanged`.
 */
export async function stampDocument(page: Page, stamp: string): Promise<void> {
  await page.evaluate((value) => {
    Object.assign(window, { homewardTestStamp: value, homewardTestController: navigator.serviceWorker.controller });
  }, stamp);
}

/** The stamp set by `stampDocument` on the current document, or null after a reload. */
export async function documentStamp(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const value: unknown = Reflect.get(window, 'homewardTestStamp');
    return typeof value === 'string' ? value : null;
  });
}

/** Waits until the service worker controlling the stamped document is another one (the update took over). */
export async function waitForControllerChange(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const before: unknown = Reflect.get(window, 'homewardTestController');
    return before !== undefined && navigator.serviceWorker.controller !== null && navigator.serviceWorker.controller !== before;
  });
}

/**
 * Keeps a read-write transaction on the app's `drafts` store open, by chaining reads, until
 * `release` is called. Every later transaction on that store waits behind it, so a draft save
 * started meanwhile stays in flight: "the write has not gone through yet", as on a slow or busy
 * disk, for as long as the test needs. The transaction lives in a page of its own at the app's
 * origin that runs no app code (the precached icon), so no update reloads it; that page is closed
 * on release, and released at the latest when the test finishes.
 */
export interface StorageHold {
  release(): Promise<void>;
}

export async function holdDraftWrites(context: BrowserContext, origin: string, database = 'homeward', store = 'drafts'): Promise<StorageHold> {
  const page = await context.newPage();
  await page.goto(new URL('icons/icon.svg', origin).href);
  await page.evaluate(
    ({ database, store }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(new Error(`Could not open ${database}: ${String(open.error)}`));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            reject(new Error(`${database} has no store ${store}.`));
            return;
          }
          const tx = db.transaction(store, 'readwrite');
          const objects = tx.objectStore(store);
          let holding = true;
          let started = false;
          const done = new Promise<void>((settle) => {
            tx.oncomplete = () => settle();
            tx.onabort = () => settle();
          });
          const spin = (): void => {
            const request = objects.count();
            request.onsuccess = () => {
              if (!started) {
                started = true;
                resolve();
              }
              if (holding) spin();
            };
          };
          spin();
          Object.assign(window, {
            homewardReleaseHold: async () => {
              holding = false;
              await done;
              db.close();
            },
          });
        };
      }),
    { database, store },
  );
  let released: Promise<void> | null = null;
  const release = (): Promise<void> => {
    released ??= (async () => {
      await page.evaluate(async () => {
        const end: unknown = Reflect.get(window, 'homewardReleaseHold');
        if (typeof end !== 'function') throw new Error('No storage hold in this page.');
        await (end as () => Promise<void>)();
      });
      await page.close();
    })();
    return released;
  };
  onTestFinished(async () => {
    if (!page.isClosed()) await release();
  });
  return { release };
}
