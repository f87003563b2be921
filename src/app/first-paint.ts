/**
 * "After the first screen is on show": work the first screen does not need (the storage
 * layer's own look at the keyring, the strings of the screens behind the lock) waits for it, so
 * its script and its fetches cannot delay that first paint on a slow phone.
 */
let markPainted: () => void = () => undefined;
const painted = new Promise<void>((resolve) => {
  markPainted = resolve;
});

/** If no paint is ever reported (a tab opened in the background, an old browser), waiting stops after this. */
const LONGEST_WAIT_MS = 3_000;

/**
 * Called by the shell once its first render is committed. The browser reports the paint that
 * shows it as 'first-contentful-paint' (Paint Timing); animation frames are no substitute, as
 * the paint can reach the screen a few frames after they run. The waiting work starts in the
 * task after that report.
 */
export function firstScreenCommitted(): void {
  setTimeout(markPainted, LONGEST_WAIT_MS);
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes.includes('paint')) {
    requestAnimationFrame(() => {
      requestAnimationFrame(() => {
        setTimeout(markPainted, 0);
      });
    });
    return;
  }
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntries().some((entry) => entry.name === 'first-contentful-paint')) return;
    observer.disconnect();
    setTimeout(markPainted, 0);
  });
  observer.observe({ type: 'paint', buffered: true });
}

/** Runs `task` once the first screen has been painted (see firstScreenCommitted). */
export function afterFirstPaint(task: () => void): void {
  void painted.then(task);
}
