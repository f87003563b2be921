import { describe, expect, it } from 'vitest';
import { LockedError, WrongPassphraseError } from './errors';
import type { DataKeys } from './keyring';
import { createKeySession, type SessionKeyring } from './session';

/** A keyring stand-in (the real one is tested in keyring.test.ts) whose unlock we can hold. */
function fakeKeyring() {
  const pending: { resolve: (keys: CryptoKey | DataKeys) => void; reject: (error: unknown) => void }[] = [];
  const keyring: SessionKeyring = {
    unlock: () => new Promise((resolve, reject) => pending.push({ resolve, reject })),
    setup: () => new Promise((resolve, reject) => pending.push({ resolve, reject })),
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

const next = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

describe('key session during a data key rotation (docs/adr/0005)', () => {
  const rotating: DataKeys = { current: 1, keys: new Map([[0, key], [1, next]]), rotation: { from: 0, to: 1 } };

  async function unlockedWith(keys: CryptoKey | DataKeys) {
    const { keyring, pending } = fakeKeyring();
    const session = createKeySession(keyring);
    const unlocking = session.unlock('pass');
    pending[0]?.resolve(keys);
    await unlocking;
    return session;
  }

  it('a bare key is generation 0 alone', async () => {
    const session = await unlockedWith(key);
    expect(session.writeKey()).toEqual({ generation: 0, key });
    expect(session.readKey(0)).toBe(key);
    expect(session.readKey(1)).toBeUndefined();
    expect(session.rotation()).toBeNull();
  });

  it('holds both keys of a rotation: opens either, seals with the new one', async () => {
    const session = await unlockedWith(rotating);
    expect(session.writeKey()).toEqual({ generation: 1, key: next });
    expect(session.key()).toBe(next);
    expect(session.readKey(0)).toBe(key);
    expect(session.rotation()).toEqual({ from: 0, to: 1 });
    session.adopt({ current: 1, keys: new Map([[1, next]]), rotation: null });
    expect(session.readKey(0)).toBeUndefined();
    expect(session.rotation()).toBeNull();
  });

  it('follows the data key marker: switches to a generation it holds, locks for a newer one it lacks', async () => {
    const session = await unlockedWith(rotating);
    session.observeGeneration(0);
    expect(session.writeKey().generation).toBe(0);
    session.observeGeneration(1);
    expect(session.writeKey().generation).toBe(1);
    session.observeGeneration(2);
    expect(session.isUnlocked).toBe(false);
    expect(() => session.writeKey()).toThrow(LockedError);
    expect(() => session.readKey(0)).toThrow(LockedError);
  });

  it('an older generation it lacks changes nothing; adopt needs an unlocked session', async () => {
    const session = await unlockedWith({ current: 2, keys: new Map([[2, next]]), rotation: null });
    session.observeGeneration(1);
    expect(session.isUnlocked).toBe(true);
    expect(session.writeKey().generation).toBe(2);
    session.lock();
    expect(() => session.adopt(rotating)).toThrow(LockedError);
    expect(session.isUnlocked).toBe(false);
  });
});
