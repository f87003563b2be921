/**
 * Saves the offline kit in the background and tells the screen what is saved. Started by the
 * shell after the first screen is painted (OfflineStatus). Order of a first visit:
 * 1. the service worker installs with its precache, the core (at most 2 MB): this module only
 *    watches, so the core gets the connection to itself;
 * 2. once the worker is active and the core is cached, this module fetches the kit's files one
 *    or two at a time into KIT_CACHE (the UI language's first, then the PDF code and fonts, then
 *    the other languages); the worker's runtime route serves them from there offline;
 * 3. a failed download (no connection) pauses until the browser is back online, or 30 s.
 * The status is recomputed from Cache Storage itself, never from what this module believes it
 * fetched, so a cache the browser evicted or a wipe shows as not saved.
 */
import { i18next, languages } from '../../i18n';
import { KIT_CACHE, KIT_MANIFEST_URL, parseKitManifest, type KitManifest } from './kit-manifest';
import { downloadOrder, kitStatus, type KitStatus } from './kit-status';

export type KitPhase = 'starting' | 'unsupported' | 'saving' | 'paused' | 'done';

export interface KitSnapshot {
  readonly phase: KitPhase;
  /** Null until the manifest and the caches have been read once. */
  readonly status: KitStatus | null;
}

const PRECACHE_PREFIX = 'workbox-precache';
const CORE_POLL_MS = 1_500;
const RETRY_MS = 30_000;
const PARALLEL = 2;

let snapshot: KitSnapshot = { phase: 'starting', status: null };
const listeners = new Set<() => void>();
let started = false;

function publish(next: KitSnapshot): void {
  // Re-render only on news: the core is polled every 1.5 s while the worker installs.
  if (next.phase === snapshot.phase && JSON.stringify(next.status) === JSON.stringify(snapshot.status)) return;
  snapshot = next;
  for (const listener of listeners) listener();
}

export function subscribeKit(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function kitSnapshot(): KitSnapshot {
  return snapshot;
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

function siteUrl(path: string): string {
  return new URL(path, document.baseURI).href;
}

/** Paths (no leading slash, no query) of every file in the precache and the kit cache. */
async function cachedPaths(): Promise<Set<string>> {
  const paths = new Set<string>();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PRECACHE_PREFIX) && name !== KIT_CACHE) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) paths.add(new URL(request.url).pathname.replace(/^\//, ''));
  }
  return paths;
}

async function workerActive(): Promise<boolean> {
  const registration = await navigator.serviceWorker.getRegistration();
  return Boolean(registration?.active);
}

async function readManifest(): Promise<KitManifest> {
  const response = await fetch(siteUrl(KIT_MANIFEST_URL));
  if (!response.ok) throw new Error(`offline kit manifest: HTTP ${String(response.status)}`);
  const manifest = parseKitManifest(await response.json());
  if (!manifest) throw new Error('offline kit manifest: not understood');
  return manifest;
}

async function look(manifest: KitManifest): Promise<{ status: KitStatus; cached: Set<string> }> {
  const [cached, active] = await Promise.all([cachedPaths(), workerActive()]);
  return { status: kitStatus(manifest, languages.map((l) => l.code), cached, active), cached };
}

function waitForOnline(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      window.removeEventListener('online', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, RETRY_MS);
    window.addEventListener('online', done);
  });
}

/** Saves one file into the kit cache; false when it could not be fetched. */
async function save(cache: Cache, url: string): Promise<boolean> {
  try {
    // Cache.add refuses an answer that is not 2xx, so an error page is never kept.
    await cache.add(siteUrl(url));
    return true;
  } catch {
    return false;
  }
}

/** Removes kit files of earlier versions, once this version's kit is complete. */
async function dropOldFiles(manifest: KitManifest): Promise<void> {
  // Only when this page is served by the active worker: a page loaded past the worker (a
  // forced reload) may be newer than the version that works offline.
  const registration = await navigator.serviceWorker.getRegistration();
  if (!navigator.serviceWorker.controller || registration?.waiting || registration?.installing) return;
  const wanted = new Set([...manifest.shared, ...Object.values(manifest.languages).flat()].map((f) => f.url));
  const cache = await caches.open(KIT_CACHE);
  for (const request of await cache.keys()) {
    if (!wanted.has(new URL(request.url).pathname.replace(/^\//, ''))) await cache.delete(request);
  }
}

async function run(): Promise<void> {
  let manifest: KitManifest | null = null;
  for (;;) {
    try {
      manifest ??= await readManifest();
      const { status, cached } = await look(manifest);
      if (!status.coreReady) {
        publish({ phase: 'saving', status });
        await sleep(CORE_POLL_MS);
        continue;
      }
      const queue = downloadOrder(manifest, i18next.language, cached);
      if (queue.length === 0) {
        publish({ phase: 'done', status });
        await dropOldFiles(manifest).catch(() => undefined);
        return;
      }
      publish({ phase: 'saving', status });
      const cache = await caches.open(KIT_CACHE);
      const results = await Promise.all(queue.slice(0, PARALLEL).map((f) => save(cache, f.url)));
      if (results.includes(false)) {
        publish({ phase: 'paused', status: (await look(manifest)).status });
        await waitForOnline();
      }
    } catch {
      // No manifest yet (offline before the precache finished) or Cache Storage refused.
      publish({ phase: 'paused', status: snapshot.status });
      await waitForOnline();
    }
  }
}

/** Starts watching and saving, once per page. */
export function startOfflineKit(): void {
  if (started) return;
  started = true;
  if (!('serviceWorker' in navigator) || typeof caches === 'undefined') {
    publish({ phase: 'unsupported', status: null });
    return;
  }
  void run();
}
