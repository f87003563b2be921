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
    });
    expect(outcome).toEqual({ kind: 'rotated', records: 4 });
    expect(seen).toEqual([{ phase: 'sealing', done: 2, total: 4 }]);
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
    expect(await replaceDataKey('x', 'y', progress, { replace: () => Promise.resolve({ records: 1 }), now: () => clock })).toEqual({ kind: 'rotated', records: 1 });
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
    expect(await finishDataKeyReplacement(progress, { finish: () => Promise.resolve({ kind: 'finished', records: 5 }) })).toEqual({ kind: 'finished', records: 5 });
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
