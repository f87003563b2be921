import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HomewardDb } from '../db';
import { LockedError } from '../crypto/errors';
import { generateSealableSigningKeyPair } from '../../export/signing/keys';
import { wipeDevice } from '../wipe';
import { createIdentitiesRepository, createOrganisationAuthorityRepository, IdentityRecordError, type CreateIdentityInput } from './identities';

/** A key session whose lock can be toggled, holding a real non-extractable AES-GCM key. */
function testSession(key: CryptoKey) {
  let unlocked = true;
  return {
    key() {
      if (!unlocked) throw new LockedError();
      return key;
    },
    lock() {
      unlocked = false;
    },
    unlock() {
      unlocked = true;
    },
  };
}

const NAME = 'Ilinca Testescu-Fictiv';
const ORG = 'Fictional Shelter Network';

let factory: IDBFactory;
let db: HomewardDb;
let session: ReturnType<typeof testSession>;
let dataKey: CryptoKey;

/** A pair as the app makes one to be stored (generateSealableSigningKeyPair): the private key is extractable. */
async function signingKeys(): Promise<CryptoKeyPair> {
  return generateSealableSigningKeyPair();
}

async function input(overrides: Partial<CreateIdentityInput> = {}): Promise<CreateIdentityInput> {
  const keys = await signingKeys();
  return {
    name: NAME,
    organisation: ORG,
    role: 'Caseworker',
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
    certificatePem: '-----BEGIN CERTIFICATE-----\nMIIBselfsigned\n-----END CERTIFICATE-----\n',
    chainPem: [],
    verifiedByOrganisation: false,
    ...overrides,
  };
}

/** Every value nested in a stored row (the row as IndexedDB gave it back). */
function walk(value: unknown, visit: (value: unknown) => void): void {
  visit(value);
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return;
  for (const child of Object.values(value)) walk(child, visit);
}

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const base64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const toHex = (data: Uint8Array) => [...data].map((b) => b.toString(16).padStart(2, '0')).join('');
const toBase64 = (data: Uint8Array) => btoa(String.fromCharCode(...data));

/** The private key's material as it could leak: the PKCS#8 DER and the private scalar `d`. */
async function privateMaterial(privateKey: CryptoKey): Promise<{ pkcs8: Uint8Array; d: Uint8Array; dText: string }> {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  if (jwk.d === undefined) throw new Error('no private scalar');
  return { pkcs8, d: base64url(jwk.d), dText: jwk.d };
}

/** Fails if the stored row holds a CryptoKey, or the key material in any form (bytes, hex, base64, base64url). */
function expectNoKeyMaterial(row: unknown, material: { pkcs8: Uint8Array; d: Uint8Array; dText: string }): void {
  let cryptoKeys = 0;
  let binary = 0;
  walk(row, (value) => {
    if (value instanceof CryptoKey) cryptoKeys++;
    if (value instanceof Uint8Array) {
      binary++;
      expect(containsBytes(value, material.d), 'the private scalar in stored bytes').toBe(false);
      expect(containsBytes(value, material.pkcs8), 'PKCS#8 bytes in stored bytes').toBe(false);
    }
  });
  expect(cryptoKeys, 'CryptoKeys in the stored row').toBe(0);
  expect(binary).toBeGreaterThan(0);
  const asText = (encode: (data: Uint8Array) => string) => JSON.stringify(row, (_key, value: unknown) => (value instanceof Uint8Array ? encode(value) : value));
  for (const text of [asText(toHex), asText(toBase64), asText((b) => new TextDecoder('latin1').decode(b))]) {
    for (const secret of [material.dText, toHex(material.d), toBase64(material.d), toBase64(material.pkcs8), toHex(material.pkcs8)]) {
      expect(text).not.toContain(secret);
    }
  }
}

async function signsFor(privateKey: CryptoKey, publicKey: CryptoKey): Promise<boolean> {
  const message = new TextEncoder().encode('summary');
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, message);
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, signature, message);
}

beforeEach(async () => {
  factory = new IDBFactory();
  db = new HomewardDb({ indexedDB: factory, IDBKeyRange });
  dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  session = testSession(dataKey);
});

afterEach(() => {
  db.close();
});

describe('identities repository', () => {
  it('creates an identity that reads back, and is the active one', async () => {
    let clock = Date.parse('2026-03-01T10:00:00Z');
    const repo = createIdentitiesRepository(db, session, { now: () => new Date(clock) });
    expect(await repo.getActive()).toBeUndefined();
    const first = await repo.create(await input());
    clock += 60_000;
    const second = await repo.create(await input({ name: 'Second Person' }));
    expect(first).toMatchObject({ name: NAME, organisation: ORG, role: 'Caseworker', verifiedByOrganisation: false, chainPem: [], createdAt: '2026-03-01T10:00:00.000Z' });
    const active = await repo.getActive();
    expect(active?.id).toBe(second.id);
    expect(await repo.get(first.id)).toEqual(first);
  });

  it('stores no CryptoKey and no key material: the private key is sealed, names and certificates too', async () => {
    const repo = createIdentitiesRepository(db, session);
    const created = await input();
    const material = await privateMaterial(created.privateKey);
    const identity = await repo.create(created);
    const raw = await db.identities.get(identity.id);
    expect(Object.keys(raw ?? {}).sort()).toEqual(['data', 'id', 'key', 'schema']);
    expect(raw?.data).toMatchObject({ v: 1 });
    expect(raw?.key).toMatchObject({ v: 1 });
    expectNoKeyMaterial(raw, material);
    const text = JSON.stringify(raw, (_key, value: unknown) => (value instanceof Uint8Array ? new TextDecoder().decode(value) : value));
    for (const secret of [NAME, ORG, 'Caseworker', 'MIIBselfsigned']) expect(text).not.toContain(secret);
    // What create hands back is already the non-extractable copy.
    expect(identity.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', identity.privateKey)).rejects.toThrow();
    expect(await signsFor(identity.privateKey, created.publicKey)).toBe(true);
  });

  it('has a key material scan that finds the material where it is (so a clean scan means something)', async () => {
    const { privateKey } = await signingKeys();
    const material = await privateMaterial(privateKey);
    const padded = new Uint8Array([1, 2, ...material.pkcs8, 3]);
    expect(() => expectNoKeyMaterial({ id: 'x', key: padded }, material)).toThrow();
    expect(() => expectNoKeyMaterial({ id: 'x', bytes: new Uint8Array(1), key: material.dText }, material)).toThrow();
    expect(() => expectNoKeyMaterial({ id: 'x', bytes: new Uint8Array(1), key: privateKey }, material)).toThrow();
    expect(() => expectNoKeyMaterial({ id: 'x', bytes: new Uint8Array(64) }, material)).not.toThrow();
  });

  it('rejects reads and writes with LockedError while locked', async () => {
    const repo = createIdentitiesRepository(db, session);
    const created = await repo.create(await input());
    session.lock();
    await expect(repo.getActive()).rejects.toBeInstanceOf(LockedError);
    await expect(repo.list()).rejects.toBeInstanceOf(LockedError);
    await expect(repo.get(created.id)).rejects.toBeInstanceOf(LockedError);
    await expect(repo.create(await input())).rejects.toBeInstanceOf(LockedError);
    await expect(repo.replaceCertificate(created.id, { ...created, verifiedByOrganisation: true })).rejects.toBeInstanceOf(LockedError);
    await expect(repo.remove(created.id)).rejects.toBeInstanceOf(LockedError);
    expect(await db.identities.count()).toBe(1);
    session.unlock();
    expect((await repo.getActive())?.id).toBe(created.id);
  });

  it('unseals the private key non-extractable, usable for signing, after a reload from IndexedDB', async () => {
    const repo = createIdentitiesRepository(db, session);
    const created = await repo.create(await input());
    db.close();
    db = new HomewardDb({ indexedDB: factory, IDBKeyRange });
    const reloaded = await createIdentitiesRepository(db, session).getActive();
    if (!reloaded) throw new Error('identity lost');
    expect(reloaded.privateKey).toBeInstanceOf(CryptoKey);
    expect(reloaded.privateKey.extractable).toBe(false);
    expect(reloaded.privateKey.usages).toEqual(['sign']);
    expect(reloaded.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    for (const format of ['pkcs8', 'jwk'] as const) await expect(crypto.subtle.exportKey(format, reloaded.privateKey)).rejects.toThrow();
    expect(await signsFor(reloaded.privateKey, created.publicKey)).toBe(true);
    expect(await signsFor(reloaded.privateKey, reloaded.publicKey)).toBe(true);
    expect(new Uint8Array(await crypto.subtle.exportKey('spki', reloaded.publicKey))).toEqual(new Uint8Array(await crypto.subtle.exportKey('spki', created.publicKey)));
  });

  it('refuses a key it cannot seal, keys that are not a pair, or no name; nothing is written', async () => {
    const repo = createIdentitiesRepository(db, session);
    const unsealable = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    await expect(repo.create(await input({ privateKey: unsealable.privateKey, publicKey: unsealable.publicKey }))).rejects.toBeInstanceOf(IdentityRecordError);
    const other = await signingKeys();
    await expect(repo.create(await input({ publicKey: other.publicKey }))).rejects.toBeInstanceOf(IdentityRecordError);
    await expect(repo.create(await input({ name: '  ' }))).rejects.toBeInstanceOf(IdentityRecordError);
    expect(await db.identities.count()).toBe(0);
  });

  it('replaces the certificate, keeping the sealed key, id, role and creation time', async () => {
    const repo = createIdentitiesRepository(db, session);
    const created = await repo.create(await input());
    const before = await db.identities.get(created.id);
    const updated = await repo.replaceCertificate(created.id, {
      name: NAME,
      organisation: ORG,
      certificatePem: 'ISSUED',
      chainPem: ['ROOT'],
      verifiedByOrganisation: true,
    });
    expect(updated).toEqual({ ...created, certificatePem: 'ISSUED', chainPem: ['ROOT'], verifiedByOrganisation: true });
    const active = await repo.getActive();
    expect(active).toEqual(updated);
    expect(await signsFor(active?.privateKey ?? created.privateKey, created.publicKey)).toBe(true);
    const after = await db.identities.get(created.id);
    expect(after?.key).toEqual(before?.key);
    expect(after?.data).not.toEqual(before?.data);
  });

  it('reports as unreadable, and never overwrites, a row that was moved, tampered with or given another key', async () => {
    const repo = createIdentitiesRepository(db, session);
    const created = await repo.create(await input());
    const other = await repo.create(await input({ name: 'Other Person' }));
    const raw = await db.identities.get(created.id);
    const otherRaw = await db.identities.get(other.id);
    if (!raw || !otherRaw) throw new Error('missing row');
    const sealed = raw.key as { v: number; iv: Uint8Array; ct: Uint8Array };
    const flipped = new Uint8Array(sealed.ct);
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    await db.identities.bulkPut([
      // The whole row under another id: both envelopes are bound to the id.
      { ...raw, id: 'moved' },
      // Another identity's sealed key (under this row's id it does not authenticate).
      { ...raw, id: 'swapped-key', key: otherRaw.key },
      // One bit of the sealed key changed.
      { ...raw, id: 'tampered-key', key: { ...sealed, ct: flipped } },
      // The data envelope put where the key belongs.
      { ...raw, id: 'data-as-key', key: raw.data },
      // A CryptoKey stored the old way is not accepted either.
      { ...raw, id: 'plain-key', key: (await signingKeys()).privateKey },
    ]);
    const { identities, unreadable } = await repo.list();
    expect(identities.map((i) => i.id).sort()).toEqual([created.id, other.id].sort());
    expect(unreadable.sort()).toEqual(['data-as-key', 'moved', 'plain-key', 'swapped-key', 'tampered-key']);
    expect(await repo.get('tampered-key')).toBeUndefined();

    // Same id, another identity's sealed key: unreadable, and not overwritten by a certificate update.
    await db.identities.put({ ...raw, key: otherRaw.key });
    expect(await repo.get(created.id)).toBeUndefined();
    await expect(repo.replaceCertificate(created.id, { ...created })).rejects.toBeInstanceOf(IdentityRecordError);
    expect((await db.identities.get(created.id))?.key).toEqual(otherRaw.key);
    // Put back as it was, it reads again.
    await db.identities.put(raw);
    expect((await repo.get(created.id))?.id).toBe(created.id);
  });
});

describe('organisation authority repository', () => {
  it('seals the root key and certificate, and reads them back non-extractable', async () => {
    const repo = createOrganisationAuthorityRepository(db, session);
    expect(await repo.get()).toBeUndefined();
    const keys = await signingKeys();
    const material = await privateMaterial(keys.privateKey);
    const saved = await repo.save({ organisation: ORG, privateKey: keys.privateKey, publicKey: keys.publicKey, certificatePem: 'ROOT-PEM' });
    expect(saved.privateKey.extractable).toBe(false);
    const raw = await db.orgAuthority.get('primary');
    expect(Object.keys(raw ?? {}).sort()).toEqual(['data', 'id', 'key', 'schema']);
    expectNoKeyMaterial(raw, material);
    const text = JSON.stringify(raw, (_key, value: unknown) => (value instanceof Uint8Array ? new TextDecoder().decode(value) : value));
    expect(text).not.toContain(ORG);
    expect(text).not.toContain('ROOT-PEM');

    db.close();
    db = new HomewardDb({ indexedDB: factory, IDBKeyRange });
    const reloaded = await createOrganisationAuthorityRepository(db, session).get();
    expect(reloaded).toMatchObject({ organisation: ORG, certificatePem: 'ROOT-PEM' });
    expect(reloaded?.privateKey.extractable).toBe(false);
    expect(reloaded?.privateKey.usages).toEqual(['sign']);
    expect(await signsFor(reloaded?.privateKey ?? keys.privateKey, keys.publicKey)).toBe(true);
    session.lock();
    await expect(createOrganisationAuthorityRepository(db, session).get()).rejects.toBeInstanceOf(LockedError);
    await expect(createOrganisationAuthorityRepository(db, session).save({ organisation: ORG, ...(await signingKeys()), certificatePem: 'X' })).rejects.toBeInstanceOf(LockedError);
  });

  it('does not read a tampered or relabelled sealed root key, and refuses a key it cannot seal', async () => {
    const repo = createOrganisationAuthorityRepository(db, session);
    await repo.save({ organisation: ORG, ...(await signingKeys()), certificatePem: 'ROOT-PEM' });
    const raw = await db.orgAuthority.get('primary');
    if (!raw) throw new Error('missing row');
    const sealed = raw.key as { v: number; iv: Uint8Array; ct: Uint8Array };
    const flipped = new Uint8Array(sealed.ct);
    flipped[0] = (flipped[0] ?? 0) ^ 0x80;
    await db.orgAuthority.put({ ...raw, key: { ...sealed, ct: flipped } });
    expect(await repo.get()).toBeUndefined();
    // An identity's sealed key (other additional data) does not open as the root key either.
    const identity = await createIdentitiesRepository(db, session).create(await input());
    await db.orgAuthority.put({ ...raw, key: (await db.identities.get(identity.id))?.key });
    expect(await repo.get()).toBeUndefined();
    await db.orgAuthority.put(raw);
    expect(await repo.get()).toMatchObject({ organisation: ORG });

    const unsealable = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    await expect(repo.save({ organisation: 'Other', ...unsealable, certificatePem: 'X' })).rejects.toBeInstanceOf(IdentityRecordError);
    expect(await repo.get()).toMatchObject({ organisation: ORG });
  });
});

describe('panic wipe', () => {
  it('removes the identities and the organisation authority with the database', async () => {
    await createIdentitiesRepository(db, session).create(await input());
    const keys = await signingKeys();
    await createOrganisationAuthorityRepository(db, session).save({ organisation: ORG, ...keys, certificatePem: 'ROOT-PEM' });
    await wipeDevice({ db, session });
    db = new HomewardDb({ indexedDB: factory, IDBKeyRange });
    expect(await db.identities.count()).toBe(0);
    expect(await db.orgAuthority.count()).toBe(0);
    expect(await db.trustedRoots.count()).toBe(0);
  });
});
