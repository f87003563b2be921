// Imported by the service worker Workbox generates (vite.config.ts, workbox.importScripts).
// Saves one file of the offline kit (src/features/offline) when a page asks, so the download and
// its write into Cache Storage run on the worker's thread, not on the page's main thread, where
// a slow phone spent tens of milliseconds per file while the caseworker was typing. Answers on
// the message's port: true once the file is stored, false when it could not be fetched or stored.
// Only the kit's cache, and only built files of this site, can be asked for.
const KIT_CACHE = 'homeward-offline-kit-v1';

self.addEventListener('message', (event) => {
  const data = event.data;
  const port = event.ports[0];
  if (!port || typeof data !== 'object' || data === null || data.type !== 'homeward:save-kit-file') return;
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
