/*
 * Files shared to Homeward by the system's share sheet (Web Share Target, see the manifest's
 * share_target in vite.config.ts). Loaded into the service worker with importScripts, before
 * Workbox's own routes. The worker cannot verify or seal a file (the data key exists only in an
 * unlocked page), so it only sets the files aside in a cache of their own and opens "Received
 * cases"; that screen takes them out at once after unlock, verifies and seals what verifies, and
 * deletes the cache (src/features/export/workspace/shared-inbox.ts). Erasing the device deletes it
 * too. Names must match shared-inbox.ts.
 */
const SHARE_TARGET_PATH = '/share-target';
const SHARED_INBOX = 'homeward-shared-inbox';
const MAX_SHARED_FILES = 20;
// A little above the largest file the workspace accepts (30 MiB): larger ones are refused there with a reason.
const MAX_SHARED_BYTES = 31 * 1024 * 1024;

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST' || url.origin !== self.location.origin || url.pathname !== SHARE_TARGET_PATH) return;
  event.respondWith(
    (async () => {
      try {
        const form = await event.request.formData();
        const files = form.getAll('files').filter((value) => typeof value === 'object' && value !== null && 'arrayBuffer' in value);
        const cache = await caches.open(SHARED_INBOX);
        let index = 0;
        for (const file of files.slice(0, MAX_SHARED_FILES)) {
          if (file.size > MAX_SHARED_BYTES) continue;
          index += 1;
          await cache.put(new Request(`/shared-inbox/${String(Date.now())}-${String(index)}`), new Response(file, { headers: { 'Content-Type': 'application/pdf' } }));
        }
      } catch {
        // Nothing readable was shared: the screen opens with nothing to take.
      }
      return Response.redirect('/#/received', 303);
    })(),
  );
});
