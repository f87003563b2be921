/**
 * Runs a task holding a named Web Lock (exclusive, across the origin's tabs) where the browser has
 * Web Locks; elsewhere (old browsers, Node in unit tests) at least this page's tasks of that name
 * run one at a time. Each name has its own queue, so a task holding one lock can take another
 * (the data key rotation writes the keyring, which takes the keyring's lock).
 */
const localQueues = new Map<string, Promise<unknown>>();

export function withWebLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).locks;
  if (locks) return locks.request(name, task);
  const run = (localQueues.get(name) ?? Promise.resolve()).then(task, task);
  localQueues.set(name, run.catch(() => undefined));
  return run;
}
