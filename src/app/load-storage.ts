/**
 * The storage layer, loaded in two tasks instead of one. Its chunk needs the instrument's chunk
 * (zod and the answer schemas); evaluated together they hold a cheap phone's main thread for about
 * half a second just after the first screen appears, while the caseworker may already be typing
 * the passphrase. Loading the instrument first, then yielding, lets a key press through between
 * the two. Both are ordinary dynamic imports: a later `import('../storage')` gets the same module,
 * and a load that failed (a chunk missing offline) is simply tried again on the next call.
 */
import type * as Storage from '../storage';

export async function loadStorageInSteps(): Promise<typeof Storage> {
  await import('../instrument');
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  return import('../storage');
}
