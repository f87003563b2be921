import { beforeEach, describe, expect, it } from 'vitest';
import { changePassphrase, checkNewPassphrase, resetAttemptsForTests, retryAt } from './change-passphrase';

class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError';
}

beforeEach(() => {
  resetAttemptsForTests();
});

describe('change passphrase', () => {
  it('applies the set-up rules to the new passphrase', () => {
    expect(checkNewPassphrase('', 'long enough one', 'long enough one')).toBe('currentMissing');
    expect(checkNewPassphrase('old passphrase', 'short', 'short')).toBe('tooShort');
    expect(checkNewPassphrase('old passphrase', 'long enough one', 'long enough two')).toBe('mismatch');
    expect(checkNewPassphrase('old passphrase', 'old passphrase', 'old passphrase')).toBe('same');
    expect(checkNewPassphrase('old passphrase', 'long enough one', 'long enough one')).toBeNull();
  });

  it('makes each wrong current passphrase wait longer, refuses attempts during the wait, and resets on success', async () => {
    let clock = 10_000;
    const now = () => clock;
    const wrong = () => Promise.reject(new WrongPassphraseError());
    let calls = 0;
    const right = () => {
      calls += 1;
      return Promise.resolve();
    };

    expect(await changePassphrase('x', 'y', { change: wrong, now })).toBe('wrong');
    expect(retryAt()).toBe(11_000);
    expect(await changePassphrase('x', 'y', { change: right, now })).toBe('wait');
    expect(calls).toBe(0);
    clock = 11_000;
    expect(await changePassphrase('x', 'y', { change: wrong, now })).toBe('wrong');
    expect(retryAt()).toBe(13_000); // 2 s after the second failure
    clock = 13_000;
    expect(await changePassphrase('x', 'y', { change: wrong, now })).toBe('wrong');
    expect(retryAt()).toBe(17_000); // 4 s after the third
    clock = 17_000;
    expect(await changePassphrase('x', 'y', { change: right, now })).toBe('changed');
    expect(calls).toBe(1);
    expect(retryAt()).toBe(0);
  });

  it('tells a change made in another tab apart from other failures, without waiting', async () => {
    const changed = Object.assign(new Error('changed'), { name: 'KeyringError', problem: 'changed' });
    expect(await changePassphrase('x', 'y', { change: () => Promise.reject(changed) })).toBe('changed-elsewhere');
    expect(await changePassphrase('x', 'y', { change: () => Promise.reject(new Error('disk')) })).toBe('failed');
    expect(retryAt()).toBe(0);
  });
});
