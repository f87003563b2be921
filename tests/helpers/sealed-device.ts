/**
 * A device for the data key rotation tests: a fake-indexeddb database, an in-memory keyring, a
 * key session and every repository that seals records (drafts, signing identities, trusted roots,
 * the organisation authority), with fictional content. `page()` is what a new page load on the
 * same device gets: the same stored data, a new session and new repositories.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import {
  createDraftsRepository,
  createEncryptedCodec,
  createIdentitiesRepository,
  createKeyring,
  createKeySession,
  createOrganisationAuthorityRepository,
  createTrustedRootsRepository,
  createReceivedRepository,
  createCaseLinksRepository,
  createAgreementKeysRepository,
  createAddressBookRepository,
  createOrgKitRepository,
  HomewardDb,
  memoryKeyringStore,
  publicKeySha256,
  type DraftsRepository,
  type IdentitiesRepository,
  type KeySession,
  type Keyring,
  type OrganisationAuthorityRepository,
  type TrustedRootsRepository,
  type ReceivedRepository,
  type CaseLinksRepository,
  type AgreementKeysRepository,
  type AddressBookRepository,
  type OrgKitRepository,
} from '../../src/storage';
import { openBytes } from '../../src/storage/crypto/envelope';
import type { RotationDependencies } from '../../src/storage/crypto/rotation';
import { SEALED_TABLES, type SealedField } from '../../src/storage/crypto/sealed-records';

export const OLD_PASSPHRASE = 'fictional passphrase someone saw';
export const NEW_PASSPHRASE = 'fictional passphrase nobody saw';

export interface Page {
  session: KeySession;
  drafts: DraftsRepository;
  identities: IdentitiesRepository;
  roots: TrustedRootsRepository;
  authority: OrganisationAuthorityRepository;
  received: ReceivedRepository;
  caseLinks: CaseLinksRepository;
  agreementKeys: AgreementKeysRepository;
  addressBook: AddressBookRepository;
  orgKit: OrgKitRepository;
}

export interface Device {
  db: HomewardDb;
  keyring: Keyring;
  /** A new page on this device (its own session, locked until unlocked). */
  page(): Page;
  close(): void;
}

/** A root "certificate" the fake inspector accepts: the label and a fingerprint derived from the text. */
async function inspectRoot(pem: string) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pem)));
  return { label: pem.replace(/^ROOT /, ''), fingerprint: [...digest].map((b) => b.toString(16).padStart(2, '0')).join(''), certificatePem: pem };
}

export function newDevice(): Device {
  const db = new HomewardDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  const keyring = createKeyring(memoryKeyringStore());
  return {
    db,
    keyring,
    page() {
      const session = createKeySession(keyring);
      return {
        session,
        drafts: createDraftsRepository(db, { codec: createEncryptedCodec(session) }),
        identities: createIdentitiesRepository(db, session),
        roots: createTrustedRootsRepository(db, session, { inspectRoot }),
        authority: createOrganisationAuthorityRepository(db, session),
        received: createReceivedRepository(db, session),
        caseLinks: createCaseLinksRepository(db, session),
        agreementKeys: createAgreementKeysRepository(db, session),
        addressBook: createAddressBookRepository(db, session),
        orgKit: createOrgKitRepository(db, session),
      };
    },
    close: () => db.close(),
  };
}

/** For a test file: `newDevice`, with every device it made closed after each test. */
export function devicesClosedAfterEach(): () => Device {
  const devices: Device[] = [];
  afterEach(() => {
    for (const device of devices.splice(0)) device.close();
  });
  return () => {
    const device = newDevice();
    devices.push(device);
    return device;
  };
}

/** What a test throws from a rotation checkpoint to stop it as a crash would. */
export class Crash extends Error {
  override name = 'Crash';
}

/** A rotation on `device` driven by `page`'s session; other tabs are not told (there are none). */
export function rotationDeps(device: Device, page: Page, extra: Partial<RotationDependencies> = {}): RotationDependencies {
  return { db: device.db, keyring: device.keyring, session: page.session, announce: () => undefined, ...extra };
}

function signingPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
}

/** Fictional records of every sealed kind: `drafts` drafts with answers, an identity, a root, the authority, a received file, a case link, an agreement key, an address book entry, a kit. */
export async function populate(page: Page, drafts: number): Promise<void> {
  for (let i = 0; i < drafts; i += 1) {
    const draft = await page.drafts.create({ caseRef: `HW-ROT-${String(i)}`, instrumentId: 'homeward-return', instrumentVersion: 1, workingLanguage: 'en' });
    await page.drafts.saveData(draft.id, { ...draft.data, answers: { A1: 'yes', T1: `MARKER-rot-${String(i)} crossed at night` } }, { expectedUpdatedAt: draft.updatedAt });
  }
  const identityKeys = await signingPair();
  await page.identities.create({
    name: 'Dara Fictional', organisation: 'Fictional Shelter Network', role: 'Caseworker', ...identityKeys,
    certificatePem: '-----BEGIN CERTIFICATE-----\nMIIBfictional\n-----END CERTIFICATE-----\n', chainPem: [], verifiedByOrganisation: false,
  });
  await page.roots.add('ROOT Fictional Return Partners');
  const rootKeys = await signingPair();
  await page.authority.save({ organisation: 'Fictional Shelter Network', ...rootKeys, certificatePem: '-----BEGIN CERTIFICATE-----\nMIIBroot\n-----END CERTIFICATE-----\n' });
  await page.received.add(new TextEncoder().encode('%PDF-1.7 MARKER-rot received file (fictional) %%EOF'));
  const { drafts: [first] } = await page.drafts.list();
  if (first !== undefined) await page.caseLinks.recordExport(first.id, { fingerprint: 'cd'.repeat(32), exportedAt: '2026-12-07T10:00:00.000Z', supersedes: null });
  const agreement = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const { identities: [identity] } = await page.identities.list();
  const key = await page.agreementKeys.create({ identityId: identity?.id ?? 'none', ...agreement });
  await page.agreementKeys.setCertificate(key.id, '-----BEGIN CERTIFICATE-----\nMIIBencryption\n-----END CERTIFICATE-----\n');
  await page.addressBook.add('-----BEGIN CERTIFICATE-----\nMIIBrecipient\n-----END CERTIFICATE-----\n', 'ef'.repeat(32));
  await page.orgKit.save(new TextEncoder().encode('fictional kit'), '01'.repeat(32));
}

/** What the caseworker sees: every record decrypted (the keys compared by their public halves), plus what could not be read. */
export async function readEverything(page: Page) {
  const { drafts, unreadable } = await page.drafts.list();
  const full = await Promise.all(drafts.map(async (summary) => {
    const draft = await page.drafts.get(summary.id);
    return { id: summary.id, updatedAt: draft?.updatedAt, data: draft?.data };
  }));
  const identities = await page.identities.list();
  const roots = await page.roots.inspect();
  const authority = await page.authority.get();
  // The repository checks on read that each private key agrees with its stored public key.
  const agreement = await page.agreementKeys.list();
  return {
    drafts: full.sort((a, b) => a.id.localeCompare(b.id)),
    unreadableDrafts: unreadable,
    identities: await Promise.all(identities.identities.map(async (i) => ({ id: i.id, name: i.name, publicKey: await publicKeySha256(i.publicKey) }))),
    unreadableIdentities: identities.unreadable,
    roots: roots.roots.map((r) => r.label),
    unreadableRoots: roots.unreadable,
    authority: authority ? { organisation: authority.organisation, publicKey: await publicKeySha256(authority.publicKey) } : undefined,
    received: (await page.received.list()).files.map((f) => f.sha256),
    unreadableReceived: (await page.received.list()).unreadable,
    caseLinks: Object.fromEntries((await page.caseLinks.inspect()).links),
    agreementKeys: agreement.keys.map((k) => ({ id: k.id, certificatePem: k.certificatePem, createdAt: k.createdAt })),
    unreadableAgreementKeys: agreement.unreadable,
    addressBook: (await page.addressBook.list()).entries,
    orgKit: (await page.orgKit.get())?.sha256,
  };
}

/** True if every private key of the page (identities and authority) makes signatures its public key verifies. */
export async function everyKeyStillSigns(page: Page): Promise<boolean> {
  const algorithm = { name: 'ECDSA', hash: 'SHA-256' } as const;
  const message = new TextEncoder().encode('signed after the data key was replaced');
  const pairs = [...(await page.identities.list()).identities, await page.authority.get()].filter((pair) => pair !== undefined);
  if (pairs.length === 0) return false;
  for (const { privateKey, publicKey } of pairs) {
    const signature = await crypto.subtle.sign(algorithm, privateKey, message);
    if (!(await crypto.subtle.verify(algorithm, publicKey, signature, message))) return false;
  }
  return true;
}

/** Every sealed field of the given raw rows (table name → rows), with the additional data its repository opens it with. */
export function sealedFieldsOf(tables: Record<string, readonly unknown[]>): (SealedField & { table: string })[] {
  return SEALED_TABLES.flatMap((table) => (tables[table.name] ?? []).flatMap((row) => table.fields(row).map((field) => ({ ...field, table: table.name }))));
}

/** Every sealed field of every raw row of the database. */
export async function rawSealedFields(db: HomewardDb): Promise<(SealedField & { table: string })[]> {
  const tables: Record<string, unknown[]> = {};
  for (const table of SEALED_TABLES) tables[table.name] = await db.table(table.name).toArray();
  return sealedFieldsOf(tables);
}

/** How many of `fields` `key` opens, whatever generation they name (the plaintext is zeroed). */
export async function countOpenedBy(fields: readonly SealedField[], key: CryptoKey): Promise<number> {
  let opened = 0;
  for (const field of fields) {
    try {
      (await openBytes(() => key, field.stored, field.context)).fill(0);
      opened += 1;
    } catch {
      // Not this key.
    }
  }
  return opened;
}

/** How many raw sealed fields of the database `key` opens. */
export async function fieldsOpenedBy(db: HomewardDb, key: CryptoKey): Promise<number> {
  return countOpenedBy(await rawSealedFields(db), key);
}
