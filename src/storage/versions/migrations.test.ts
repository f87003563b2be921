/**
 * Issue 4: every Dexie version has a fixture database (fixtures/v<N>.json: rows as that version
 * wrote them) and is upgraded here to the latest version by the current HomewardDb. Every row
 * must survive byte for byte, and read back through today's repositories as what was written.
 * Adding version N+1 without a fixture for it fails the first test: run
 *   npx tsx src/storage/versions/fixtures/generate.ts <N+1>
 * once, when the version is added, and commit the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createEncryptedCodec, plainCodec } from '../codec';
import { createKeyring } from '../crypto/keyring';
import { createKeySession } from '../crypto/session';
import { HomewardDb } from '../db';
import { createDraftsRepository } from '../repositories/drafts';
import { createIdentitiesRepository, createOrganisationAuthorityRepository } from '../repositories/identities';
import { createSettingsRepository } from '../repositories/settings';
import { createTrustedRootsRepository } from '../repositories/trusted-roots';
import { createReceivedRepository } from '../repositories/received';
import { createCaseLinksRepository } from '../repositories/case-links';
import { createAgreementKeysRepository } from '../repositories/agreement-keys';
import { createAddressBookRepository } from '../repositories/address-book';
import { createOrgKitRepository } from '../repositories/org-kit';
import { decodeRows, type FixtureFile } from './fixtures/fixture-format';
import { VERSIONS, declareVersions } from './index';

const fixturePath = (version: number) => new URL(`./fixtures/v${version}.json`, import.meta.url);
const LATEST = VERSIONS.at(-1)?.version ?? 0;

/** CryptoKeys compare as their visible properties (toEqual sees no own fields on them). */
function comparable(value: unknown): unknown {
  if (value instanceof CryptoKey) return { cryptoKey: { type: value.type, extractable: value.extractable, algorithm: value.algorithm, usages: value.usages } };
  if (value instanceof Uint8Array) return { bytes: [...value] };
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  return value;
}

async function rawRows(db: Dexie): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const table of db.tables) out[table.name] = comparable(await table.toArray());
  return out;
}

describe('Dexie migrations from every shipped version', () => {
  it('has a fixture database for every declared version', () => {
    for (const { version } of VERSIONS) {
      expect(existsSync(fixturePath(version)), `fixtures/v${version}.json`).toBe(true);
      const fixture = JSON.parse(readFileSync(fixturePath(version), 'utf8')) as FixtureFile;
      expect(fixture.version).toBe(version);
      expect(Object.keys(fixture.expect.drafts).length, `v${version} holds drafts`).toBeGreaterThan(0);
    }
  });

  it.each(VERSIONS.map((v) => v.version))(`upgrades a version %i database to version ${LATEST} with every record intact`, async (version) => {
    const fixture = JSON.parse(readFileSync(fixturePath(version), 'utf8')) as FixtureFile;
    const factory = new IDBFactory();
    const name = `homeward-from-v${version}`;

    // A device on that version: its schema, its rows.
    const old = new Dexie(name, { indexedDB: factory, IDBKeyRange });
    declareVersions(old, VERSIONS.slice(0, version));
    await old.open();
    expect(old.tables.map((t) => t.name).sort()).toEqual(Object.keys(fixture.tables).sort());
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkPut((await decodeRows(rows)) as object[]);
    const before = await rawRows(old);
    old.close();

    const db = new HomewardDb({ name, indexedDB: factory, IDBKeyRange });
    try {
      await db.open();
      expect(db.verno).toBe(LATEST);
      // Every row of every old table, untouched; tables added since start empty.
      const after = await rawRows(db);
      for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows);
      for (const table of Object.keys(after)) if (!(table in before)) expect(after[table], table).toEqual([]);

      // Read back through today's repositories.
      const session = createKeySession(createKeyring(db));
      if (fixture.passphrase !== undefined) await session.unlock(fixture.passphrase);
      const drafts = createDraftsRepository(db, { codec: fixture.passphrase === undefined ? plainCodec : createEncryptedCodec(session) });
      const listed = await drafts.list();
      expect(listed.unreadable).toEqual([]);
      expect(listed.drafts.map((d) => d.id).sort()).toEqual(Object.keys(fixture.expect.drafts).sort());
      for (const [id, expected] of Object.entries(fixture.expect.drafts)) {
        expect(await drafts.get(id), id).toMatchObject({ id, ...expected });
      }
      expect(await createSettingsRepository(db).get()).toMatchObject(fixture.expect.settings);

      if (fixture.expect.identities) {
        const identities = createIdentitiesRepository(db, session);
        const { identities: found, unreadable } = await identities.list();
        expect(unreadable).toEqual([]);
        expect(found.map((i) => i.id).sort()).toEqual(Object.keys(fixture.expect.identities).sort());
        for (const identity of found) {
          const { chainLength, ...expected } = fixture.expect.identities[identity.id] ?? { chainLength: -1 };
          expect(identity).toMatchObject(expected);
          expect(identity.chainPem).toHaveLength(chainLength);
          expect(identity.privateKey.extractable).toBe(false);
          const message = new TextEncoder().encode('still signs after the upgrade');
          const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, identity.privateKey, message);
          expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, identity.publicKey, signature, message)).toBe(true);
        }
        expect((await createTrustedRootsRepository(db, session).inspect()).roots.map((r) => r.label)).toEqual(fixture.expect.trustedRoots);
        const authority = await createOrganisationAuthorityRepository(db, session).get();
        expect(authority).toMatchObject(fixture.expect.orgAuthority ?? {});
        expect(authority?.privateKey.extractable).toBe(false);
        // The private keys are sealed (PKCS#8 in an AES-GCM envelope): no stored row holds a CryptoKey.
        expect(JSON.stringify(after)).not.toContain('cryptoKey');
        if (fixture.expect.received) {
          const { files, unreadable: lost } = await createReceivedRepository(db, session).list();
          expect(lost).toEqual([]);
          expect(files.map((f) => f.sha256)).toEqual(fixture.expect.received);
          expect(Object.fromEntries((await createCaseLinksRepository(db, session).inspect()).links)).toEqual(fixture.expect.caseLinks);
        } else {
          // Versions before 4 had no case tables: they work on the upgraded database.
          expect((await createReceivedRepository(db, session).list()).files).toEqual([]);
          expect(await createCaseLinksRepository(db, session).get('any')).toBeUndefined();
        }
        const agreementKeys = await createAgreementKeysRepository(db, session).list();
        expect(agreementKeys.unreadable).toEqual([]);
        if (fixture.expect.agreementKeys) {
          expect(Object.fromEntries(agreementKeys.keys.map((k) => [k.id, { identityId: k.identityId, certificatePem: k.certificatePem }]))).toEqual(fixture.expect.agreementKeys);
          expect(agreementKeys.keys.every((k) => !k.privateKey.extractable && k.privateKey.usages.join() === 'deriveBits')).toBe(true);
          expect((await createAddressBookRepository(db, session).list()).entries.map((e) => e.fingerprint)).toEqual(fixture.expect.addressBook);
          expect((await createOrgKitRepository(db, session).get())?.sha256).toBe(fixture.expect.orgKit);
        } else {
          // Versions before 5 had no hand-over tables: they work on the upgraded database.
          expect(agreementKeys.keys).toEqual([]);
          expect((await createAddressBookRepository(db, session).list()).entries).toEqual([]);
          expect(await createOrgKitRepository(db, session).get()).toBeUndefined();
        }
      } else {
        // Versions before 3 had no identities: the new tables work on the upgraded database.
        if (fixture.passphrase === undefined) await session.setup('fixture only: a new passphrase');
        expect(await createIdentitiesRepository(db, session).getActive()).toBeUndefined();
        expect(await createTrustedRootsRepository(db, session).list()).toEqual([]);
      }
    } finally {
      db.close();
    }
  });
});
