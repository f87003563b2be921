import { describe, expect, it, vi } from 'vitest';
import { estimateStorage, isPersisted, requestPersistence } from './persistence';

describe('requestPersistence', () => {
  it('does not ask again when storage is already persisted', async () => {
    const persist = vi.fn(() => Promise.resolve(false));
    expect(await requestPersistence({ persisted: () => Promise.resolve(true), persist })).toBe('granted');
    expect(persist).not.toHaveBeenCalled();
  });

  it('asks, and reports the answer', async () => {
    const persisted = (): Promise<boolean> => Promise.resolve(false);
    expect(await requestPersistence({ persisted, persist: () => Promise.resolve(true) })).toBe('granted');
    expect(await requestPersistence({ persisted, persist: () => Promise.resolve(false) })).toBe('denied');
  });

  it('is unsupported without a StorageManager, or when the call throws', async () => {
    expect(await requestPersistence(undefined)).toBe('unsupported');
    expect(await requestPersistence({})).toBe('unsupported');
    expect(await requestPersistence({ persist: () => Promise.reject(new TypeError('insecure context')) })).toBe('unsupported');
  });
});

describe('isPersisted', () => {
  it('reports the state without asking', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    expect(await isPersisted({ persisted: () => Promise.resolve(false), persist })).toBe('denied');
    expect(persist).not.toHaveBeenCalled();
  });
});

describe('estimateStorage', () => {
  it('flags storage at or above 80 % of quota', async () => {
    expect(await estimateStorage({ estimate: () => Promise.resolve({ usage: 79, quota: 100 }) })).toEqual({
      usage: 79,
      quota: 100,
      ratio: 0.79,
      nearlyFull: false,
    });
    expect((await estimateStorage({ estimate: () => Promise.resolve({ usage: 80, quota: 100 }) }))?.nearlyFull).toBe(true);
  });

  it('is null when the browser cannot tell', async () => {
    expect(await estimateStorage(undefined)).toBeNull();
    expect(await estimateStorage({ estimate: () => Promise.resolve({}) })).toBeNull();
    expect(await estimateStorage({ estimate: () => Promise.resolve({ usage: 1, quota: 0 }) })).toBeNull();
  });
});
