/**
 * The storage layer, loaded in three tasks instead of one. Its chunk needs the instrument's chunk
 * (zod and the answer schemas); evaluated together, and followed at once by Dexie building the
 * database's schema and opening it, they hold a cheap phone's main thread for about half a second
 * just after the first screen appears, while the caseworker may already be typing the passphrase.
 * Loading the instrument first, then the storage chunk, then opening the database, with a yield
 * between each, lets a key press through between them (docs/performance.md, TBT). All three are
 * what the storage check did anyway: the keyring's status reads the database, so it was opened
 * (and created on a fresh profile) right after the chunk loaded. Both imports are ordinary dynamic
 * imports: a later `import('../storage')` gets the same module, and a load that failed (a chunk
 * missing offline) is simply tried again on the next call.
 */
import type * as Storage from '../storage';

const yieldToMain = (): Promise<void> =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, 0);
  });

export async function loadStorageInSteps(): Promise<typeof Storage> {
  await import('../instrument');
  await yieldToMain();
  const storage = await import('../storage');
  await yieldToMain();
  // An open that fails here fails again, with its reason, on the storage check's first query.
  await storage
    .openDb()
    .open()
    .catch(() => undefined);
  await yieldToMain();
  return storage;
}
