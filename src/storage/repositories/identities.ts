/**
 * WARNING: holds the caseworker's signing keys. A regression here can lose a signing identity,
 * leave a name or a private key readable on disk, or hand a locked device's identity to anyone.
 *
 * Why the private key is sealed, not stored as a CryptoKey: Chromium serialises a CryptoKey
 * stored by structured clone into IndexedDB's LevelDB files as its RAW key bytes, whether or not
 * it is extractable. Anyone with a copy of the disk would recover the signing key without the
 * passphrase, and deleted rows linger in LevelDB until a compaction (even after a panic wipe).
 * So no CryptoKey is ever stored:
 * - a key pair meant to be kept is generated EXTRACTABLE (export/signing/keys.ts,
 *   generateSealableSigningKeyPair) and handed to `create` / `save` at once;
 * - the repository exports the private key as PKCS#8, seals those bytes under the session's data
 *   key (`key` below), zeroes its copy of them, and hands back a NON-extractable copy imported
 *   from them; the caller drops the extractable object. The key is extractable in memory at
 *   creation only, never on disk;
 * - every read (which needs the unlocked session anyway) unseals the PKCS#8 bytes, imports them
 *   with `extractable: false, usages: ['sign']` and zeroes the buffer. The rest of the app only
 *   ever sees non-extractable private keys (`SigningIdentity.privateKey`).
 *
 * Stored format (Dexie version 3, versions/v3.ts). An identity row is
 *   `{ id, schema: 1, key: SealedKey, data: Envelope }`.
 * - `data` is an envelope (crypto/envelope.ts) under the data key with the additional data
 *   `identity:<id>|1`, holding everything that can name a person (name, role, organisation, the
 *   certificates), the creation time and the public key (SPKI, base64).
 * - `key` is `{ v: 1, iv: Uint8Array(12), ct: Uint8Array }` (or `{ v: 2, k, iv, ct }` under a
 *   rotated data key of generation k): the envelope format of crypto/envelope.ts (sealBytes) under
 *   the same data key, but the plaintext is the raw PKCS#8 DER of the private key (binary, not
 *   JSON, so the buffer can be zeroed), and the additional data is `identity-key:<id>|1`. Neither
 *   envelope can be moved to another row, or swapped with the other one, without failing
 *   authentication.
 * On read the private key must sign a probe that the stored public key verifies, so a key sealed
 * for another pair never passes as this identity. The organisation authority row (id 'primary',
 * table orgAuthority) has the same shape, sealed as `org-authority:primary|1` and
 * `org-authority-key:primary|1`.
 *
 * Reads and writes reject with LockedError while the session is locked. A row that fails
 * validation or authentication is skipped by reads (listed as unreadable) and never overwritten
 * or deleted. WebCrypto never runs inside a Dexie transaction (see codec.ts).
 */
import { z } from '../../instrument/schema/zod';
import { fromBase64, randomBytes, toBase64 } from '../crypto/bytes';
import { assertSealedUnder, followDataKeyMarker, withCurrentDataKey } from '../crypto/data-key-marker';
import { generationOf, open, openBytes, reseal, seal, sealBytes, type Envelope, type EnvelopeContext, type KeyLookup, type WriteKey } from '../crypto/envelope';
import { EnvelopeError, LockedError } from '../crypto/errors';
import { readKeysOf, writeKeyOf, type DataKeySource } from '../crypto/session';
import { StorageError } from '../errors';
import type { HomewardDb } from '../db';
import type { DbSource } from './drafts';

export const IDENTITY_RECORD_SCHEMA = 1;
export const ORG_AUTHORITY_ID = 'primary';
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** A signing identity as the app sees it (decrypted). */
export interface SigningIdentity {
  id: string;
  name: string;
  organisation: string;
  role: string;
  /** Non-extractable ECDSA P-256, usages ['sign']. */
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** Self-signed until the organisation issues one. */
  certificatePem: string;
  /** Issuer certificates (the organisation root); [] when self-signed. */
  chainPem: string[];
  verifiedByOrganisation: boolean;
  /** ISO 8601. */
  createdAt: string;
}

/** The organisation's certificate authority, on a supervisor's device. */
export interface OrganisationAuthority {
  id: string;
  organisation: string;
  /** Non-extractable ECDSA P-256, usages ['sign']: it signs certificates. */
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  certificatePem: string;
  createdAt: string;
}

/** The sealed PKCS#8 private key of a row (an envelope of crypto/envelope.ts holding bytes). */
export type SealedKey = Envelope;

/** Stored row; `key` and `data` are sealed, left opaque here (what is read back is untrusted). */
export interface IdentityRow {
  id: string;
  schema: number;
  key: unknown;
  data: unknown;
}
export type OrgAuthorityRow = IdentityRow;

const rowSchema = z.strictObject({
  id: z.string().min(1),
  schema: z.literal(IDENTITY_RECORD_SCHEMA),
  key: z.unknown(),
  data: z.unknown(),
});

const pem = z.string().min(1);
const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const identityDataSchema = z.strictObject({
  name: z.string().min(1),
  organisation: z.string().min(1),
  role: z.string(),
  certificatePem: pem,
  chainPem: z.array(pem),
  verifiedByOrganisation: z.boolean(),
  createdAt: z.string().min(1),
  /** The public key, SPKI DER in base64 (public: it is in every certificate). */
  publicKeySpki: base64,
});
type IdentityData = z.infer<typeof identityDataSchema>;

const authorityDataSchema = z.strictObject({
  organisation: z.string().min(1),
  certificatePem: pem,
  createdAt: z.string().min(1),
  publicKeySpki: base64,
});
type AuthorityData = z.infer<typeof authorityDataSchema>;

/** A key pair, a name or a certificate handed to a write was refused; nothing was written. */
export class IdentityRecordError extends StorageError {
  constructor(reason: string) {
    super('IdentityRecordError', `The signing identity was not saved: ${reason}.`);
  }
}

export interface CreateIdentityInput {
  name: string;
  organisation: string;
  role: string;
  /**
   * EXTRACTABLE ECDSA P-256 private key (generateSealableSigningKeyPair): it is exported once and
   * sealed. Use the returned identity's (non-extractable) key afterwards and drop this one.
   */
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  certificatePem: string;
  chainPem: string[];
  verifiedByOrganisation: boolean;
}

export interface CertificateUpdate {
  /** The names as the new certificate states them. */
  name: string;
  organisation: string;
  certificatePem: string;
  chainPem: string[];
  verifiedByOrganisation: boolean;
}

export interface IdentitiesRepository {
  /** The newest readable identity, or undefined. LockedError while locked. */
  getActive(): Promise<SigningIdentity | undefined>;
  get(id: string): Promise<SigningIdentity | undefined>;
  /** Every readable identity, newest first, and the ids of rows that cannot be read. */
  list(): Promise<{ identities: SigningIdentity[]; unreadable: string[] }>;
  /** Seals and stores a new identity (see CreateIdentityInput.privateKey); it becomes the active one. */
  create(input: CreateIdentityInput): Promise<SigningIdentity>;
  /** Replaces the certificate (and the names it states); keys and id stay. */
  replaceCertificate(id: string, update: CertificateUpdate): Promise<SigningIdentity>;
  remove(id: string): Promise<void>;
}

export interface OrganisationAuthorityRepository {
  get(): Promise<OrganisationAuthority | undefined>;
  /** Creates or replaces the one authority of this device; the private key must be extractable (it is sealed). */
  save(input: { organisation: string; privateKey: CryptoKey; publicKey: CryptoKey; certificatePem: string }): Promise<OrganisationAuthority>;
  remove(): Promise<void>;
}

export interface SealedRepositoryOptions {
  now?: () => Date;
  newId?: () => string;
}

type Session = DataKeySource;

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function publicKeySha256(publicKey: CryptoKey): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', await crypto.subtle.exportKey('spki', publicKey)));
}

const isP256 = (key: CryptoKey) => key.algorithm.name === 'ECDSA' && (key.algorithm as EcKeyAlgorithm).namedCurve === 'P-256';

/** The key pair handed to a write: an ECDSA P-256 pair whose private half signs and can be sealed. */
function checkNewKeyPair(privateKey: CryptoKey, publicKey: CryptoKey): void {
  if (privateKey.type !== 'private' || !isP256(privateKey) || !privateKey.usages.includes('sign')) {
    throw new IdentityRecordError('the private key is not an ECDSA P-256 signing key');
  }
  if (!privateKey.extractable) {
    throw new IdentityRecordError('the private key cannot be sealed (make it with generateSealableSigningKeyPair)');
  }
  if (publicKey.type !== 'public' || !isP256(publicKey)) throw new IdentityRecordError('the public key is not an ECDSA P-256 key');
}

/** True when `privateKey` makes signatures that `publicKey` verifies. */
async function isPair(privateKey: CryptoKey, publicKey: CryptoKey): Promise<boolean> {
  const probe = randomBytes(32);
  const signature = await crypto.subtle.sign(SIGNATURE_ALGORITHM, privateKey, probe);
  return crypto.subtle.verify(SIGNATURE_ALGORITHM, publicKey, signature, probe);
}

/**
 * Exports `privateKey` (extractable) as PKCS#8, seals the bytes for `context` and zeroes them.
 * Resolves to the sealed key and a NON-extractable copy of the private key.
 */
async function sealPrivateKey(writeKey: WriteKey, privateKey: CryptoKey, context: EnvelopeContext): Promise<{ sealed: SealedKey; privateKey: CryptoKey }> {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
  try {
    // WebCrypto copies its inputs, so zeroing `pkcs8` afterwards is safe.
    const sealed = await sealBytes(writeKey, pkcs8, context);
    const copyOf = await crypto.subtle.importKey('pkcs8', pkcs8, KEY_ALGORITHM, false, ['sign']);
    return { sealed, privateKey: copyOf };
  } finally {
    pkcs8.fill(0);
  }
}

/** Unseals a stored (untrusted) sealed key into a NON-extractable private key; EnvelopeError if it does not authenticate. */
async function openPrivateKey(keys: KeyLookup, stored: unknown, context: EnvelopeContext): Promise<CryptoKey> {
  const pkcs8 = await openBytes(keys, stored, context, 1);
  try {
    return await crypto.subtle.importKey('pkcs8', pkcs8, KEY_ALGORITHM, false, ['sign']);
  } catch {
    throw new EnvelopeError(context.recordId, 'malformed-plaintext');
  } finally {
    pkcs8.fill(0);
  }
}

async function importPublicKey(spkiBase64: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('spki', fromBase64(spkiBase64), KEY_ALGORITHM, true, ['verify']);
}

async function exportPublicKey(publicKey: CryptoKey): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', publicKey)));
}

/**
 * Opens both sealed parts of a row: the data (parsed with `schema`) and the key pair, checked to be
 * a pair. undefined if anything fails; LockedError is rethrown (locked is not damage, nor is a
 * data key rotated in another tab: the session then locks itself).
 */
async function openRow<T extends { publicKeySpki: string }>(
  session: Session,
  database: HomewardDb,
  raw: unknown,
  schema: z.ZodType<T>,
  contexts: (id: string) => { data: EnvelopeContext; key: EnvelopeContext },
): Promise<{ id: string; data: T; privateKey: CryptoKey; publicKey: CryptoKey; row: IdentityRow } | undefined> {
  const keys = readKeysOf(session);
  const row = rowSchema.safeParse(raw);
  if (!row.success) return undefined;
  const context = contexts(row.data.id);
  try {
    const data = schema.parse(await open(keys, row.data.data, context.data));
    const privateKey = await openPrivateKey(keys, row.data.key, context.key);
    const publicKey = await importPublicKey(data.publicKeySpki);
    if (!(await isPair(privateKey, publicKey))) return undefined;
    return { id: row.data.id, data, privateKey, publicKey, row: row.data };
  } catch (error) {
    if (error instanceof LockedError) throw error;
    await followDataKeyMarker(error, database, session); // LockedError if another tab rotated the key
    return undefined;
  }
}

/** The decrypted fields an identity shows (the public key is handed out as a CryptoKey). */
function visibleData(data: IdentityData): Omit<IdentityData, 'publicKeySpki'> {
  const { name, organisation, role, certificatePem, chainPem, verifiedByOrganisation, createdAt } = data;
  return { name, organisation, role, certificatePem, chainPem, verifiedByOrganisation, createdAt };
}

/** Where each sealed field of an identity row belongs (additional data); also used by the data key rotation. */
export const identityContexts = (id: string) => ({
  data: { recordId: `identity:${id}`, schemaVersion: IDENTITY_RECORD_SCHEMA },
  key: { recordId: `identity-key:${id}`, schemaVersion: IDENTITY_RECORD_SCHEMA },
});
/** The same for the organisation authority row. */
export const authorityContexts = (id: string) => ({
  data: { recordId: `org-authority:${id}`, schemaVersion: IDENTITY_RECORD_SCHEMA },
  key: { recordId: `org-authority-key:${id}`, schemaVersion: IDENTITY_RECORD_SCHEMA },
});

export function createIdentitiesRepository(source: DbSource, session: Session, options: SealedRepositoryOptions = {}): IdentitiesRepository {
  const { now = () => new Date(), newId = () => crypto.randomUUID() } = options;
  const db = typeof source === 'function' ? source : () => source;

  async function decode(raw: unknown): Promise<{ identity: SigningIdentity; row: IdentityRow } | undefined> {
    const opened = await openRow(session, db(), raw, identityDataSchema, identityContexts);
    if (!opened) return undefined;
    const { id, data, privateKey, publicKey, row } = opened;
    return { identity: { id, privateKey, publicKey, ...visibleData(data) }, row };
  }

  async function list(): Promise<{ identities: SigningIdentity[]; unreadable: string[] }> {
    session.key();
    const database = db();
    const [keys, rows] = await database.transaction('r', database.identities, () =>
      Promise.all([database.identities.toCollection().primaryKeys(), database.identities.toArray()]),
    );
    const decoded = await Promise.all(rows.map((raw: unknown) => decode(raw)));
    const identities: SigningIdentity[] = [];
    const unreadable: string[] = [];
    decoded.forEach((result, i) => {
      if (result) identities.push(result.identity);
      else unreadable.push(String(keys[i]));
    });
    identities.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
    return { identities, unreadable };
  }

  async function get(id: string): Promise<SigningIdentity | undefined> {
    session.key();
    const raw: unknown = await db().identities.get(id);
    return raw === undefined ? undefined : (await decode(raw))?.identity;
  }

  /**
   * Seals `data` with `writeKey` and stores it with the sealed key (sealed under the same key);
   * `previous` (the data envelope read before) must still be current. The data key marker is
   * checked in the same transaction (crypto/data-key-marker.ts).
   */
  async function write(id: string, writeKey: WriteKey, key: unknown, data: IdentityData, previous?: unknown): Promise<void> {
    const checked = identityDataSchema.parse(data);
    const envelope = await seal(writeKey, checked, identityContexts(id).data);
    const row: IdentityRow = { id, schema: IDENTITY_RECORD_SCHEMA, key, data: envelope };
    const database = db();
    await database.transaction('rw', database.identities, database.keyring, async () => {
      await assertSealedUnder(database, row.key, row.data);
      if (previous !== undefined) {
        // Optimistic check: the envelope read before sealing must still be the stored one.
        const current: unknown = await database.identities.get(id);
        if (!sameEnvelope(typeof current === 'object' && current !== null && 'data' in current ? current.data : undefined, previous)) {
          throw new IdentityRecordError('it was changed elsewhere (in another tab?); try again');
        }
      }
      await database.identities.put(row);
    });
  }

  return {
    async getActive() {
      return (await list()).identities[0];
    },
    get,
    list,
    async create(input) {
      session.key();
      checkNewKeyPair(input.privateKey, input.publicKey);
      if (!(await isPair(input.privateKey, input.publicKey))) throw new IdentityRecordError('the two keys are not a pair');
      const id = newId();
      const data: IdentityData = {
        name: input.name.trim(),
        organisation: input.organisation.trim(),
        role: input.role.trim(),
        certificatePem: input.certificatePem,
        chainPem: [...input.chainPem],
        verifiedByOrganisation: input.verifiedByOrganisation,
        createdAt: now().toISOString(),
        publicKeySpki: await exportPublicKey(input.publicKey),
      };
      if (data.name === '' || data.organisation === '') throw new IdentityRecordError('a name and an organisation are needed');
      const privateKey = await withCurrentDataKey(session, async () => {
        const writeKey = writeKeyOf(session);
        const sealed = await sealPrivateKey(writeKey, input.privateKey, identityContexts(id).key);
        await write(id, writeKey, sealed.sealed, data);
        return sealed.privateKey;
      });
      return { id, privateKey, publicKey: input.publicKey, ...visibleData(data) };
    },
    async replaceCertificate(id, update) {
      session.key();
      const raw: unknown = await db().identities.get(id);
      const decoded = raw === undefined ? undefined : await decode(raw);
      if (decoded === undefined) throw new IdentityRecordError('there is no readable identity with this id');
      const { identity, row } = decoded;
      const data: IdentityData = {
        name: update.name.trim(),
        organisation: update.organisation.trim(),
        role: identity.role,
        certificatePem: update.certificatePem,
        chainPem: [...update.chainPem],
        verifiedByOrganisation: update.verifiedByOrganisation,
        createdAt: identity.createdAt,
        publicKeySpki: await exportPublicKey(identity.publicKey),
      };
      await withCurrentDataKey(session, async () => {
        const writeKey = writeKeyOf(session);
        // The sealed key is kept as stored (it is bound to the id, not to the data envelope), moved
        // to the current data key if a rotation left it under the previous one.
        const key = generationOf(row.key) === writeKey.generation ? row.key : await reseal(readKeysOf(session), writeKey, row.key, identityContexts(id).key);
        await write(id, writeKey, key, data, row.data);
      });
      return { id, privateKey: identity.privateKey, publicKey: identity.publicKey, ...visibleData(data) };
    },
    async remove(id) {
      session.key();
      const database = db();
      await database.transaction('rw', database.identities, () => database.identities.delete(id));
    },
  };
}

function sameEnvelope(a: unknown, b: unknown): boolean {
  const iv = (value: unknown) => (typeof value === 'object' && value !== null && 'iv' in value && value.iv instanceof Uint8Array ? value.iv : undefined);
  const x = iv(a);
  const y = iv(b);
  return x !== undefined && y !== undefined && x.length === y.length && x.every((byte, i) => byte === y[i]);
}

export function createOrganisationAuthorityRepository(
  source: DbSource,
  session: Session,
  options: SealedRepositoryOptions = {},
): OrganisationAuthorityRepository {
  const { now = () => new Date() } = options;
  const db = typeof source === 'function' ? source : () => source;
  const id = ORG_AUTHORITY_ID;
  const contexts = authorityContexts(id);

  return {
    async get() {
      session.key();
      const raw: unknown = await db().orgAuthority.get(id);
      if (raw === undefined) return undefined;
      const opened = await openRow(session, db(), raw, authorityDataSchema, authorityContexts);
      if (!opened || opened.id !== id) return undefined;
      const { data, privateKey, publicKey } = opened;
      return { id, organisation: data.organisation, certificatePem: data.certificatePem, createdAt: data.createdAt, privateKey, publicKey };
    },
    async save(input) {
      session.key();
      checkNewKeyPair(input.privateKey, input.publicKey);
      if (!(await isPair(input.privateKey, input.publicKey))) throw new IdentityRecordError('the two keys are not a pair');
      const organisation = input.organisation.trim();
      if (organisation === '') throw new IdentityRecordError('an organisation name is needed');
      const data: AuthorityData = {
        organisation,
        certificatePem: input.certificatePem,
        createdAt: now().toISOString(),
        publicKeySpki: await exportPublicKey(input.publicKey),
      };
      const privateKey = await withCurrentDataKey(session, async () => {
        const writeKey = writeKeyOf(session);
        const envelope = await seal(writeKey, authorityDataSchema.parse(data), contexts.data);
        const { sealed, privateKey: copyOf } = await sealPrivateKey(writeKey, input.privateKey, contexts.key);
        const row: OrgAuthorityRow = { id, schema: IDENTITY_RECORD_SCHEMA, key: sealed, data: envelope };
        const database = db();
        await database.transaction('rw', database.orgAuthority, database.keyring, async () => {
          await assertSealedUnder(database, row.key, row.data);
          await database.orgAuthority.put(row);
        });
        return copyOf;
      });
      return { id, organisation, certificatePem: data.certificatePem, createdAt: data.createdAt, privateKey, publicKey: input.publicKey };
    },
    async remove() {
      session.key();
      const database = db();
      await database.transaction('rw', database.orgAuthority, () => database.orgAuthority.delete(id));
    },
  };
}
