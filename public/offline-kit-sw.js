// Imported by the service worker Workbox generates (vite.config.ts, workbox.importScripts).
// Does the offline kit's Cache Storage work (src/features/offline) on the worker's thread, not on
// the page's main thread, where a slow phone spent 50–190 ms per file saved and about 100 ms per
// reading of the caches while the caseworker was typing. Two questions, answered on the port:
// - 'homeward:save-kit-file': true once the file is stored, false when it could not be fetched
//   or stored. Only the kit's cache, and only built files of this site, can be asked for.
// - 'homeward:cached-paths': the paths (no leading slash, no query) held by the precache and the
//   kit cache, or null when Cache Storage could not be read.
const KIT_CACHE = 'homeward-offline-kit-v1';
const PRECACHE_PREFIX = 'workbox-precache';

async function cachedPaths() {
  const paths = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PRECACHE_PREFIX) && name !== KIT_CACHE) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) paths.push(new URL(request.url).pathname.slice(1));
  }
  return paths;
}

self.addEventListener('message', (event) => {
  const data = event.data;
  const port = event.ports[0];
  if (!port || typeof data !== 'object' || data === null) return;
  if (data.type === 'homeward:cached-paths') {
    event.waitUntil(cachedPaths().then((paths) => port.postMessage(paths), () => port.postMessage(null)));
    return;
  }
  if (data.type !== 'homeward:save-kit-file') return;
  const scope = new URL(self.registration.scope);
  let url;
  try {
    url = new URL(String(data.url), scope);
  } catch {
    port.postMessage(false);
    return;
  }
  if (url.origin !== scope.origin || !url.pathname.startsWith(`${scope.pathname}assets/`) || url.search !== '' || url.hash !== '') {
    port.postMessage(false);
    return;
  }
  event.waitUntil(
    caches
      .open(KIT_CACHE)
      // Cache.add refuses an answer that is not 2xx, so an error page is never kept.
      .then((cache) => cache.add(url.href))
      .then(
        () => port.postMessage(true),
        () => port.postMessage(false),
      ),
  );
});
