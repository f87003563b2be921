import { describe, expect, it, vi } from 'vitest';
import { assessStorageDurability, estimateStorage, isPersisted, judgeDurability, requestPersistence, smallQuotaBound } from './persistence';

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

describe('judgeDurability (private or ephemeral storage)', () => {
  const MIB = 1024 ** 2;
  const GIB = 1024 ** 3;
  const estimate = (quota: number) => ({ usage: 0, quota, ratio: 0, nearlyFull: false });

  it('warns when there is no IndexedDB at all', () => {
    expect(judgeDurability({ hasIndexedDb: false, estimate: estimate(10 * GIB) })).toEqual({ kind: 'ephemeral', reason: 'no-indexeddb' });
  });

  it('flags a Chromium incognito pool (15–20 % of RAM) on a cheap phone', () => {
    // 3 GiB of RAM, reported as 2 by deviceMemory (rounded down); incognito pool 0.2 × 3 GiB.
    expect(judgeDurability({ hasIndexedDb: true, deviceMemoryGb: 2, estimate: estimate(0.2 * 3 * GIB) })).toEqual({ kind: 'ephemeral', reason: 'small-quota' });
    // 1 GiB phone, pool of 150 MiB.
    expect(judgeDurability({ hasIndexedDb: true, deviceMemoryGb: 1, estimate: estimate(150 * MIB) }).kind).toBe('ephemeral');
  });

  it('does not flag a normal profile whose quota is a share of the disk', () => {
    // 60 % of a 32 GB phone's disk; 10 GiB is what headless Chromium reports.
    expect(judgeDurability({ hasIndexedDb: true, deviceMemoryGb: 2, estimate: estimate(19 * GIB) })).toEqual({ kind: 'durable' });
    expect(judgeDurability({ hasIndexedDb: true, deviceMemoryGb: 16, estimate: estimate(10 * GIB) })).toEqual({ kind: 'durable' });
  });

  it('caps the bound, so plenty of RAM never turns an ordinary quota into a warning', () => {
    expect(smallQuotaBound(64)).toBe(2 * GIB);
    expect(judgeDurability({ hasIndexedDb: true, deviceMemoryGb: 64, estimate: estimate(3 * GIB) }).kind).toBe('durable');
    expect(smallQuotaBound(1)).toBeCloseTo(0.4 * GIB);
  });

  it('uses the cap alone without deviceMemory, and ignores nonsense values', () => {
    expect(smallQuotaBound(undefined)).toBe(2 * GIB);
    expect(smallQuotaBound(0)).toBe(2 * GIB);
    expect(smallQuotaBound(Number.NaN)).toBe(2 * GIB);
    expect(judgeDurability({ hasIndexedDb: true, estimate: estimate(500 * MIB) }).kind).toBe('ephemeral');
  });

  it('says nothing when the browser gives no figures', () => {
    expect(judgeDurability({ hasIndexedDb: true, deviceMemoryGb: 4, estimate: null })).toEqual({ kind: 'unknown' });
  });

  it('reads the live figures through assessStorageDurability', async () => {
    const storage = { estimate: () => Promise.resolve({ usage: 1 * MIB, quota: 300 * MIB }) };
    expect(await assessStorageDurability(storage, { hasIndexedDb: true, deviceMemoryGb: 2 })).toEqual({ kind: 'ephemeral', reason: 'small-quota' });
    expect(await assessStorageDurability({ estimate: () => Promise.reject(new Error('x')) }, { hasIndexedDb: true })).toEqual({ kind: 'unknown' });
  });
});
