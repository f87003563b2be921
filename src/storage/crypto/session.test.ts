import { describe, expect, it } from 'vitest';
import { LockedError, WrongPassphraseError } from './errors';
import type { Keyring } from './keyring';
import { createKeySession } from './session';

/** A keyring stand-in (the real one is tested in keyring.test.ts) whose unlock we can hold. */
function fakeKeyring() {
  const pending: { resolve: (key: CryptoKey) => void; reject: (error: unknown) => void }[] = [];
  const keyring: Pick<Keyring, 'setup' | 'unlock'> = {
    unlock: () => new Promise<CryptoKey>((resolve, reject) => pending.push({ resolve, reject })),
    setup: () => new Promise<CryptoKey>((resolve, reject) => pending.push({ resolve, reject })),
  };
  return { keyring, pending };
}

const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

describe('key session', () => {
  it('starts locked; key() throws LockedError until unlocked, and again after lock()', async () => {
    const { keyring, pending } = fakeKeyring();
    const session = createKeySession(keyring);
    expect(session.isUnlocked).toBe(false);
    expect(() => session.key()).toThrow(LockedError);

    const unlocking = session.unlock('pass');
    pending[0]?.resolve(key);
    await unlocking;
    expect(session.isUnlocked).toBe(true);
    expect(session.key()).toBe(key);

    session.lock();
    expect(session.isUnlocked).toBe(false);
    expect(() => session.key()).toThrow(LockedError);
    session.lock(); // idempotent
  });

  it('tells subscribers about every change, until they unsubscribe', async () => {
    const { keyring, pending } = fakeKeyring();
    const session = createKeySession(keyring);
    const seen: boolean[] = [];
    const unsubscribe = session.subscribe((unlocked) => seen.push(unlocked));

    const setup = session.setup('pass');
    pending[0]?.resolve(key);
    await setup;
    session.lock();
    session.lock(); // no change, no call
    unsubscribe();
    const unlocking = session.unlock('pass');
    pending[1]?.resolve(key);
    await unlocking;
    expect(seen).toEqual([true, false]);
  });

  it('stays locked when the passphrase is wrong', async () => {
    const { keyring, pending } = fakeKeyring();
    const session = createKeySession(keyring);
    const unlocking = session.unlock('wrong');
    pending[0]?.reject(new WrongPassphraseError());
    await expect(unlocking).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(session.isUnlocked).toBe(false);
  });

  it('never installs a key whose unlock finished after lock() (quick exit during unlock)', async () => {
    const { keyring, pending } = fakeKeyring();
    const session = createKeySession(keyring);
    const seen: boolean[] = [];
    session.subscribe((unlocked) => seen.push(unlocked));
    const unlocking = session.unlock('pass');
    session.lock();
    pending[0]?.resolve(key);
    await expect(unlocking).rejects.toBeInstanceOf(LockedError);
    expect(session.isUnlocked).toBe(false);
    expect(seen).toEqual([]);
  });

  it('exposes no key through enumeration or serialisation', async () => {
    const { keyring, pending } = fakeKeyring();
    const session = createKeySession(keyring);
    const unlocking = session.unlock('pass');
    pending[0]?.resolve(key);
    await unlocking;
    expect(Object.values(session).some((value) => value instanceof CryptoKey)).toBe(false);
    expect(JSON.stringify(session)).toBe('{"isUnlocked":true}');
  });
});
