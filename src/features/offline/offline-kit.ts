/**
 * Saves the offline kit in the background and tells the screen what is saved. Started by the
 * shell after the first screen is painted (OfflineStatus). Order of a first visit:
 * 1. the service worker installs with its precache, the core (at most 2 MB): this module only
 *    watches, so the core gets the connection to itself;
 * 2. once the worker is active and the core is cached, this module asks the worker to fetch the
 *    kit's files, two at a time, into KIT_CACHE (the UI language's first, then the PDF code and
 *    fonts, then the other languages): the worker downloads and stores them on its own thread
 *    (public/offline-kit-sw.js), and its runtime route serves them from there offline;
 * 3. a failed download (no connection) pauses until the browser is back online, or 30 s.
 * The status comes from Cache Storage itself: it is read at the start, every 6 s while the core
 * installs, after a failed download and at the end; in between, a file counts once the worker's
 * Cache.add has resolved (the browser has stored it). The worker does the reading too when there
 * is one: on the page it costs a slow phone's main thread about 100 ms. A cache the browser
 * evicted shows as not saved at the next reading, and the missing files are fetched again.
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
const CORE_SCANS_EVERY = 4;
const ASK_TIMEOUT_MS = 10_000;
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
async function cachedPathsHere(): Promise<Set<string>> {
  const paths = new Set<string>();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PRECACHE_PREFIX) && name !== KIT_CACHE) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) paths.add(new URL(request.url).pathname.slice(1));
  }
  return paths;
}

/** Asks a worker one question (public/offline-kit-sw.js); undefined when it does not answer in time. */
function ask(worker: ServiceWorker, message: Readonly<Record<string, unknown>>, timeoutMs: number): Promise<unknown> {
  return new Promise<unknown>((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => {
      channel.port1.close();
      resolve(undefined);
    }, timeoutMs);
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      clearTimeout(timer);
      channel.port1.close();
      resolve(event.data);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

/**
 * The same paths, read by the worker (installing or active) when there is one: reading Cache
 * Storage costs a slow phone's main thread about 100 ms; the page reads it itself otherwise.
 */
async function cachedPaths(): Promise<Set<string>> {
  const registration = await navigator.serviceWorker.getRegistration();
  const worker = registration?.active ?? registration?.waiting ?? registration?.installing;
  const answer = worker ? await ask(worker, { type: 'homeward:cached-paths' }, ASK_TIMEOUT_MS) : undefined;
  if (Array.isArray(answer) && answer.every((p) => typeof p === 'string')) return new Set(answer);
  return cachedPathsHere();
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

function statusOf(manifest: KitManifest, cached: ReadonlySet<string>, active: boolean): KitStatus {
  return kitStatus(manifest, languages.map((l) => l.code), cached, active);
}

/** Reads Cache Storage itself (through the worker when there is one), so not after every file. */
async function look(manifest: KitManifest, active?: boolean): Promise<{ status: KitStatus; cached: Set<string> }> {
  const [cached, isActive] = await Promise.all([cachedPaths(), active ?? workerActive()]);
  return { status: statusOf(manifest, cached, isActive), cached };
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

const SAVE_TIMEOUT_MS = 120_000;

/**
 * Asks the active worker to fetch and store one file in the kit cache, off this page's main
 * thread; false when it could not, or did not answer in two minutes.
 */
async function save(url: string): Promise<boolean> {
  const worker = (await navigator.serviceWorker.getRegistration())?.active;
  return worker ? (await ask(worker, { type: 'homeward:save-kit-file', url }, SAVE_TIMEOUT_MS)) === true : false;
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

/**
 * Until the worker is active (its install saves the core): its state every 1.5 s, which is cheap,
 * and what is cached every 6 s, for the amount shown. Returns what is cached once the core is.
 */
async function waitForCore(manifest: KitManifest): Promise<Set<string>> {
  let wasActive = false;
  for (let poll = 0; ; poll += 1) {
    const active = await workerActive();
    if (poll % CORE_SCANS_EVERY === 0 || (active && !wasActive)) {
      const { status, cached } = await look(manifest, active);
      if (status.coreReady) return cached;
      publish({ phase: 'saving', status });
    }
    wasActive = active;
    await sleep(CORE_POLL_MS);
  }
}

/**
 * Saves what is missing, two files at a time. A file counts as saved once the worker has said
 * its Cache.add resolved, i.e. the browser has stored it; Cache Storage is read again after a failure and at the end, and
 * "done" is said only when that reading finds everything.
 */
async function saveKit(manifest: KitManifest, found: Set<string>): Promise<boolean> {
  const cached = new Set(found);
  for (;;) {
    const batch = downloadOrder(manifest, i18next.language, cached).slice(0, PARALLEL);
    if (batch.length === 0) break;
    publish({ phase: 'saving', status: statusOf(manifest, cached, true) });
    const results = await Promise.all(batch.map((f) => save(f.url)));
    batch.forEach((f, i) => {
      if (results[i]) cached.add(f.url);
    });
    if (results.includes(false)) {
      publish({ phase: 'paused', status: (await look(manifest)).status });
      await waitForOnline();
      return false;
    }
  }
  const { status } = await look(manifest);
  if (!status.complete) {
    // Something saved is gone again (evicted): show it, and fetch it again a little later.
    publish({ phase: 'saving', status });
    await sleep(RETRY_MS);
    return false;
  }
  publish({ phase: 'done', status });
  return true;
}

async function run(): Promise<void> {
  let manifest: KitManifest | null = null;
  for (;;) {
    try {
      manifest ??= await readManifest();
      if (await saveKit(manifest, await waitForCore(manifest))) {
        await dropOldFiles(manifest).catch(() => undefined);
        return;
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
