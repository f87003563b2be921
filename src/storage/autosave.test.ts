import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachLifecycleFlush, createAutosaver, errorName, type AutosaveState } from './autosave';

/** A save whose calls stay pending until the test settles them, one by one. */
function controlledSave() {
  const calls: { value: string; resolve: () => void; reject: (error: Error) => void }[] = [];
  let running = 0;
  let maxRunning = 0;
  const save = vi.fn(
    (value: string) =>
      new Promise<void>((resolve, reject) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        const done = (): void => {
          running -= 1;
        };
        calls.push({
          value,
          resolve: () => {
            done();
            resolve();
          },
          reject: (error: Error) => {
            done();
            reject(error);
          },
        });
      }),
  );
  return { save, calls, maxRunning: () => maxRunning, values: () => calls.map((c) => c.value) };
}

const quotaError = (): DOMException => new DOMException('full', 'QuotaExceededError');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createAutosaver', () => {
  it('debounces: saves the latest value once input pauses for delayMs', async () => {
    const { save, values } = controlledSave();
    const saver = createAutosaver({ save, delayMs: 300 });
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(200);
    saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(299);
    expect(save).not.toHaveBeenCalled();
    expect(saver.hasPending()).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(values()).toEqual(['ab']);
  });

  it('never waits longer than maxWaitMs while input keeps coming', async () => {
    const { save, values, calls } = controlledSave();
    const saver = createAutosaver({ save, delayMs: 300, maxWaitMs: 1000 });
    for (let i = 1; i <= 10; i++) {
      saver.schedule(`v${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    // Typing every 100 ms never lets the 300 ms debounce fire; maxWait did, at 1000 ms.
    expect(values()).toEqual(['v10']);
    calls[0]?.resolve();
    for (let i = 11; i <= 20; i++) {
      saver.schedule(`v${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(values()).toEqual(['v10', 'v20']);
  });

  it('runs one save at a time, and the latest value wins', async () => {
    const { save, values, calls, maxRunning } = controlledSave();
    const saver = createAutosaver({ save, delayMs: 300 });
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule('b');
    saver.schedule('c');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(values()).toEqual(['a']); // still in flight: nothing else starts

    calls[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(values()).toEqual(['a', 'c']);
    calls[1]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(maxRunning()).toBe(1);
    expect(saver.hasPending()).toBe(false);
  });

  it('reports status transitions', async () => {
    const { save, calls } = controlledSave();
    const states: AutosaveState[] = [];
    const saver = createAutosaver({ save, onStatus: (s) => states.push(s) });
    expect(saver.state()).toEqual({ status: 'idle' });
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(300);
    calls[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(states.map((s) => s.status)).toEqual(['pending', 'saving', 'saved']);
  });

  it('keeps the value after a failed save and retries with backoff until it succeeds', async () => {
    const { save, values, calls } = controlledSave();
    const states: AutosaveState[] = [];
    const saver = createAutosaver({ save, retryBaseMs: 1000, onStatus: (s) => states.push(s) });
    saver.schedule('precious');
    await vi.advanceTimersByTimeAsync(300);
    calls[0]?.reject(quotaError());
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.state()).toEqual({ status: 'error', errorName: 'QuotaExceededError', attempt: 1, retryInMs: 1000 });
    expect(saver.hasPending()).toBe(true);

    await vi.advanceTimersByTimeAsync(1000);
    expect(values()).toEqual(['precious', 'precious']);
    calls[1]?.reject(quotaError());
    await vi.advanceTimersByTimeAsync(1999);
    expect(saver.state()).toMatchObject({ status: 'error', attempt: 2, retryInMs: 2000 });
    expect(values()).toHaveLength(2); // backing off: not yet
    await vi.advanceTimersByTimeAsync(1);
    expect(values()).toEqual(['precious', 'precious', 'precious']);

    calls[2]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.state()).toEqual({ status: 'saved' });
    expect(saver.hasPending()).toBe(false);
    expect(states.filter((s) => s.status === 'pending')).toHaveLength(1);
  });

  it('retries with the newer value when input arrives after a failure', async () => {
    const { save, values, calls } = controlledSave();
    const saver = createAutosaver({ save });
    saver.schedule('old');
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule('new'); // arrives while 'old' is being written
    calls[0]?.reject(new Error('io'));
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.state()).toMatchObject({ status: 'error', errorName: 'Error' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(values()).toEqual(['old', 'new']);
  });

  it('flush saves immediately, starting the write synchronously', async () => {
    const { save, values, calls } = controlledSave();
    const saver = createAutosaver({ save });
    saver.schedule('a');
    const flushed = saver.flush();
    expect(values()).toEqual(['a']); // before any await: survives a page frozen right after
    calls[0]?.resolve();
    await flushed;
    expect(saver.hasPending()).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(values()).toEqual(['a']); // the debounce timer did not save it again
  });

  it('flush waits for a save in flight, then saves what came after it', async () => {
    const { save, values, calls } = controlledSave();
    const saver = createAutosaver({ save });
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule('b');
    const flushed = saver.flush();
    calls[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(values()).toEqual(['a', 'b']);
    calls[1]?.resolve();
    await flushed;
    expect(saver.hasPending()).toBe(false);
  });

  it('flush rejects when the save fails, and the value is kept for the retry', async () => {
    const { save, values, calls } = controlledSave();
    const saver = createAutosaver({ save });
    saver.schedule('a');
    const flushed = saver.flush();
    calls[0]?.reject(quotaError());
    await expect(flushed).rejects.toThrow('full');
    expect(saver.hasPending()).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(values()).toEqual(['a', 'a']);
  });

  it('dispose makes one last attempt, then stops retrying and refuses new values', async () => {
    const { save, values, calls } = controlledSave();
    const saver = createAutosaver({ save });
    saver.schedule('last');
    saver.dispose();
    expect(values()).toEqual(['last']);
    calls[0]?.reject(new Error('io'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(values()).toEqual(['last']);
    expect(saver.hasPending()).toBe(true);
    expect(() => saver.schedule('late')).toThrow(/dispose/);
  });
});

describe('errorName', () => {
  it('finds a QuotaExceededError wrapped by Dexie as AbortError.inner', () => {
    const dexieAbort = Object.assign(new Error('aborted'), { name: 'AbortError', inner: quotaError() });
    expect(errorName(dexieAbort)).toBe('QuotaExceededError');
    expect(errorName(Object.assign(new Error('x'), { name: 'AbortError' }))).toBe('AbortError');
    expect(errorName('a string')).toBe('Error');
  });
});

describe('attachLifecycleFlush', () => {
  function targets(visibilityState: DocumentVisibilityState) {
    const document = Object.assign(new EventTarget(), { visibilityState });
    return { window: new EventTarget(), document };
  }

  it('flushes when the page becomes hidden, not when it becomes visible', () => {
    const flush = vi.fn(() => Promise.resolve());
    const page = targets('visible');
    attachLifecycleFlush({ flush }, page);
    page.document.dispatchEvent(new Event('visibilitychange'));
    expect(flush).not.toHaveBeenCalled();
    page.document.visibilityState = 'hidden';
    page.document.dispatchEvent(new Event('visibilitychange'));
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('flushes on pagehide, and stops after detach', () => {
    const flush = vi.fn(() => Promise.resolve());
    const page = targets('hidden');
    const detach = attachLifecycleFlush({ flush }, page);
    page.window.dispatchEvent(new Event('pagehide'));
    expect(flush).toHaveBeenCalledTimes(1);
    detach();
    page.window.dispatchEvent(new Event('pagehide'));
    page.document.dispatchEvent(new Event('visibilitychange'));
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('starts the real save synchronously on pagehide and swallows a failure already reported', async () => {
    const { save, values, calls } = controlledSave();
    const saver = createAutosaver({ save });
    const page = targets('visible');
    attachLifecycleFlush(saver, page);
    saver.schedule('typed just now');
    page.window.dispatchEvent(new Event('pagehide'));
    expect(values()).toEqual(['typed just now']);
    calls[0]?.reject(quotaError());
    await vi.advanceTimersByTimeAsync(0); // no unhandled rejection
    expect(saver.state()).toMatchObject({ status: 'error', errorName: 'QuotaExceededError' });
  });
});

describe('a save that never settles (Dexie may never settle a transaction aborted by a full disk)', () => {
  it('is reported after saveTimeoutMs instead of "Saving…" forever; the value stays pending, with no overlapping write', async () => {
    const { save, values, calls, maxRunning } = controlledSave();
    const saver = createAutosaver({ save, saveTimeoutMs: 5_000, retryBaseMs: 1_000 });
    saver.schedule('stuck');
    await vi.advanceTimersByTimeAsync(300);
    expect(values()).toEqual(['stuck']);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(saver.state()).toEqual({ status: 'saving' });
    await vi.advanceTimersByTimeAsync(1);
    expect(saver.state()).toEqual({ status: 'error', errorName: 'SaveTimeoutError', attempt: 1, retryInMs: 0 });
    expect(saver.hasPending()).toBe(true);

    // Newer input waits for the stuck write instead of racing it.
    saver.schedule('stuck, newer');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(values()).toEqual(['stuck']);
    expect(saver.state()).toMatchObject({ status: 'error', errorName: 'SaveTimeoutError' });

    calls[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(values()).toEqual(['stuck', 'stuck, newer']);
    calls[1]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.state()).toEqual({ status: 'saved' });
    expect(saver.hasPending()).toBe(false);
    expect(maxRunning()).toBe(1);
  });

  it('flush waits for the real outcome of a slow write (a slow disk is not a failure)', async () => {
    const { save, calls } = controlledSave();
    const saver = createAutosaver({ save, saveTimeoutMs: 2_000 });
    saver.schedule('a');
    let settled = false;
    const flushed = saver.flush().then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(settled).toBe(false);
    expect(saver.state()).toMatchObject({ status: 'error', errorName: 'SaveTimeoutError' });
    calls[0]?.resolve();
    await flushed;
    expect(saver.state()).toEqual({ status: 'saved' });
  });
});
