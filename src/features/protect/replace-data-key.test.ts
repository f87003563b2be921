import { beforeEach, describe, expect, it } from 'vitest';
import { resetAttemptsForTests, retryAt } from './change-passphrase';
import { finishDataKeyReplacement, replaceDataKey, replacementPending } from './replace-data-key';

/** An error as the storage layer throws it (the feature branches on names and fields only). */
function storageError(name: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(name), { name }, fields);
}

const progress = () => undefined;

beforeEach(() => {
  resetAttemptsForTests();
});

describe('replace the data key (outcomes)', () => {
  it('reports the records re-encrypted, and passes progress through', async () => {
    const seen: unknown[] = [];
    const outcome = await replaceDataKey('old', 'new', (p) => seen.push(p), {
      replace: (_current, _next, onProgress) => {
        onProgress({ phase: 'sealing', done: 2, total: 4 });
        return Promise.resolve({ records: 4 });
      },
      location: () => Promise.resolve('opfs'),
    });
    expect(outcome).toEqual({ kind: 'rotated', records: 4, traces: false });
    expect(seen).toEqual([{ phase: 'sealing', done: 2, total: 4 }]);
  });

  it('does not claim the old key is gone from the device where the keyring lives in IndexedDB, or where that is unknown', async () => {
    const replace = () => Promise.resolve({ records: 1 });
    expect(await replaceDataKey('a', 'b', progress, { replace, location: () => Promise.resolve('indexeddb') })).toMatchObject({ traces: true });
    expect(await replaceDataKey('a', 'b', progress, { replace, location: () => Promise.reject(new Error('unknown')) })).toMatchObject({ traces: true });
    const finish = () => Promise.resolve({ kind: 'finished' as const, records: 2 });
    expect(await finishDataKeyReplacement(progress, { finish, location: () => Promise.resolve('indexeddb') })).toEqual({ kind: 'finished', records: 2, traces: true });
  });

  it('a wrong current passphrase waits like a plain change; nothing is tried during the wait', async () => {
    let clock = 50_000;
    let calls = 0;
    const replace = () => {
      calls += 1;
      return Promise.reject(storageError('WrongPassphraseError'));
    };
    expect(await replaceDataKey('x', 'y', progress, { replace, now: () => clock })).toEqual({ kind: 'wrong' });
    expect(retryAt()).toBe(51_000);
    expect(await replaceDataKey('x', 'y', progress, { replace, now: () => clock })).toEqual({ kind: 'wait' });
    expect(calls).toBe(1);
    clock = 51_000;
    expect(await replaceDataKey('x', 'y', progress, { replace: () => Promise.resolve({ records: 1 }), location: () => Promise.resolve('opfs'), now: () => clock })).toEqual({ kind: 'rotated', records: 1, traces: false });
    expect(retryAt()).toBe(0);
  });

  it('tells "nothing changed" refusals apart from a replacement that started and stopped', async () => {
    const cases: [Error, unknown][] = [
      [storageError('RotationRefusedError', { unreadable: 2 }), { kind: 'refused', unreadable: 2 }],
      [storageError('KeyringError', { problem: 'rotating' }), { kind: 'pending' }],
      [storageError('KeyringError', { problem: 'changed' }), { kind: 'changed-elsewhere' }],
      [storageError('QuotaExceededError'), { kind: 'failed' }],
      [storageError('RotationIncompleteError', { problem: 'interrupted', count: 0 }), { kind: 'incomplete', unreadable: 0 }],
      [storageError('RotationIncompleteError', { problem: 'unreadable', count: 3 }), { kind: 'incomplete', unreadable: 3 }],
      [storageError('LockedError'), { kind: 'locked' }],
    ];
    for (const [error, expected] of cases) {
      expect(await replaceDataKey('x', 'y', progress, { replace: () => Promise.reject(error) }), error.name).toEqual(expected);
      expect(retryAt(), `${error.name} is not a wrong passphrase`).toBe(0);
    }
  });

  it('finish now: finished, nothing to finish, still incomplete, or failed', async () => {
    expect(await finishDataKeyReplacement(progress, { finish: () => Promise.resolve({ kind: 'finished', records: 5 }), location: () => Promise.resolve('opfs') })).toEqual({ kind: 'finished', records: 5, traces: false });
    expect(await finishDataKeyReplacement(progress, { finish: () => Promise.resolve({ kind: 'ready' }) })).toEqual({ kind: 'nothing-to-finish' });
    expect(await finishDataKeyReplacement(progress, { finish: () => Promise.reject(storageError('RotationIncompleteError', { problem: 'interrupted', count: 0 })) })).toEqual({ kind: 'incomplete', unreadable: 0 });
    expect(await finishDataKeyReplacement(progress, { finish: () => Promise.reject(storageError('LockedError')) })).toEqual({ kind: 'locked' });
    expect(await finishDataKeyReplacement(progress, { finish: () => Promise.reject(storageError('AbortError')) })).toEqual({ kind: 'failed' });
  });

  it('an unreadable keyring reads as "nothing pending" rather than breaking the settings screen', async () => {
    expect(await replacementPending({ pending: () => Promise.resolve(true) })).toBe(true);
    expect(await replacementPending({ pending: () => Promise.reject(storageError('KeyringError')) })).toBe(false);
  });
});
