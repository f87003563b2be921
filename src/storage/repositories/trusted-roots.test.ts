import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { certificateToPem, createRootCertificate, createSelfSignedCertificate, generateSigningKeyPair } from '../../export/signing';
import { HomewardDb } from '../db';
import { LockedError } from '../crypto/errors';
import { createTrustedRootsRepository, TrustedRootError, type TrustedRootsRepository } from './trusted-roots';

const ORG = 'Fictional Return Partners';

let db: HomewardDb;
let unlocked: boolean;
let repo: TrustedRootsRepository;

beforeEach(async () => {
  db = new HomewardDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  unlocked = true;
  const session = {
    key() {
      if (!unlocked) throw new LockedError();
      return key;
    },
  };
  repo = createTrustedRootsRepository(db, session, { now: () => new Date('2026-04-02T08:00:00Z') });
});

afterEach(() => {
  db.close();
});

async function rootPem(o = ORG): Promise<string> {
  return certificateToPem(await createRootCertificate(await generateSigningKeyPair(), { cn: `${o} Root CA`, o }));
}

describe('trusted roots repository', () => {
  it('adds a root labelled with its organisation, lists it, and removes it', async () => {
    const pem = await rootPem();
    const added = await repo.add(pem);
    expect(added).toMatchObject({ label: ORG, certificatePem: pem, addedAt: '2026-04-02T08:00:00.000Z' });
    expect(added.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await repo.list()).toEqual([added]);
    // The same root again is not a second entry.
    expect(await repo.add(pem)).toEqual(added);
    expect(await db.trustedRoots.count()).toBe(1);
    await repo.remove(added.id);
    expect(await repo.list()).toEqual([]);
  });

  it('stores the label and certificate sealed: nothing readable in the raw row', async () => {
    const pem = await rootPem();
    const added = await repo.add(pem);
    const raw = await db.trustedRoots.get(added.id);
    expect(Object.keys(raw ?? {}).sort()).toEqual(['data', 'id', 'schema']);
    const text = JSON.stringify(raw, (_key, value: unknown) => (value instanceof Uint8Array ? new TextDecoder('latin1').decode(value) : value));
    expect(text).not.toContain(ORG);
    expect(text).not.toContain(pem.split('\n')[1]?.slice(0, 20));
    expect(text).not.toContain(added.fingerprint);
  });

  it('refuses a certificate that is not a root, or not a certificate, and stores nothing', async () => {
    const selfSigned = certificateToPem(await createSelfSignedCertificate(await generateSigningKeyPair(), { cn: 'A Person', o: ORG }));
    await expect(repo.add(selfSigned)).rejects.toMatchObject({ problem: 'not-a-root' });
    await expect(repo.add('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')).rejects.toBeInstanceOf(TrustedRootError);
    await expect(repo.add('hello')).rejects.toMatchObject({ problem: 'malformed' });
    expect(await db.trustedRoots.count()).toBe(0);
  });

  it('rejects with LockedError while locked', async () => {
    const added = await repo.add(await rootPem());
    unlocked = false;
    await expect(repo.list()).rejects.toBeInstanceOf(LockedError);
    await expect(repo.add(await rootPem('Other'))).rejects.toBeInstanceOf(LockedError);
    await expect(repo.remove(added.id)).rejects.toBeInstanceOf(LockedError);
    unlocked = true;
    expect((await repo.list()).map((r) => r.id)).toEqual([added.id]);
  });

  it('reports a row that does not authenticate as unreadable, and keeps it', async () => {
    const added = await repo.add(await rootPem());
    const raw = await db.trustedRoots.get(added.id);
    await db.trustedRoots.put({ ...raw, id: 'moved', schema: 1, data: raw?.data });
    expect(await repo.inspect()).toEqual({ roots: [added], unreadable: ['moved'] });
    expect(await db.trustedRoots.count()).toBe(2);
  });
});
