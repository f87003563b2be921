import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushUnsavedInput, hasUnsavedInput, registerUnsavedCheck } from './unsaved-input';

describe('unsaved input', () => {
  let target: EventTarget;
  const cleanups: (() => void)[] = [];

  beforeEach(() => {
    target = new EventTarget();
    vi.stubGlobal('window', target);
  });
  afterEach(() => {
    cleanups.splice(0).forEach((fn) => {
      fn();
    });
    vi.unstubAllGlobals();
  });

  it('is safe when no screen has registered', async () => {
    expect(hasUnsavedInput()).toBe(false);
    await expect(flushUnsavedInput()).resolves.toBe(true);
  });

  it('flushes pending input and then allows the update', async () => {
    let pending = true;
    cleanups.push(registerUnsavedCheck(() => ({ hasUnsaved: pending, flush: () => Promise.resolve().then(() => void (pending = false)) })));
    expect(hasUnsavedInput()).toBe(true);
    await expect(flushUnsavedInput()).resolves.toBe(true);
  });

  it('refuses when input is still unsaved after the flush, or the flush fails', async () => {
    const stuck = registerUnsavedCheck(() => ({ hasUnsaved: true, flush: () => Promise.resolve() }));
    await expect(flushUnsavedInput()).resolves.toBe(false);
    stuck();
    cleanups.push(registerUnsavedCheck(() => ({ hasUnsaved: true, flush: () => Promise.reject(new Error('quota')) })));
    await expect(flushUnsavedInput()).resolves.toBe(false);
  });

  it('asks the browser to confirm leaving while input is unsaved, and stops once unregistered', () => {
    let pending = true;
    const unregister = registerUnsavedCheck(() => ({ hasUnsaved: pending, flush: () => Promise.resolve() }));
    const first = new Event('beforeunload', { cancelable: true });
    target.dispatchEvent(first);
    expect(first.defaultPrevented).toBe(true);
    pending = false;
    const second = new Event('beforeunload', { cancelable: true });
    target.dispatchEvent(second);
    expect(second.defaultPrevented).toBe(false);
    pending = true;
    unregister();
    const third = new Event('beforeunload', { cancelable: true });
    target.dispatchEvent(third);
    expect(third.defaultPrevented).toBe(false);
  });
});
