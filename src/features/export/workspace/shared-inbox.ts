/**
 * Files the system's share sheet gave Homeward (Web Share Target): the service worker set them
 * aside in their own cache (public/share-target-sw.js, same names); this takes them out for the
 * import, oldest first, and deletes them and the cache whatever becomes of them, so a shared file
 * never lingers unsealed. Returns nothing where Cache Storage is missing.
 */
export const SHARED_INBOX = 'homeward-shared-inbox';

export async function takeSharedFiles(storage: CacheStorage | undefined = globalThis.caches): Promise<File[]> {
  if (storage === undefined || !(await storage.has(SHARED_INBOX))) return [];
  const cache = await storage.open(SHARED_INBOX);
  const files: File[] = [];
  try {
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (response !== undefined) files.push(new File([await response.blob()], 'shared.pdf', { type: 'application/pdf' }));
    }
  } finally {
    await storage.delete(SHARED_INBOX);
  }
  return files;
}
