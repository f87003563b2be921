/**
 * WARNING: holds the keys that open files encrypted to this device. A regression here can make
 * every file sent to this person unreadable, or leave a private key readable on disk.
 *
 * One key-agreement key (ECDH P-256, usage deriveBits only) beside a signing identity, with the
 * encryption certificate the organisation issued for it (null until then). Stored as the signing
 * keys are (identities.ts explains why no CryptoKey is ever stored): the private key is handed in
 * EXTRACTABLE once, exported as PKCS#8, sealed under the data key and zeroed; reads give back a
 * NON-extractable copy. A row is `{ id, schema: 1, key, data }` (Dexie version 5, versions/v5.ts):
 * `key` sealed with additional data `agreement-key:<id>|1`, `data` (identity id, public key,
 * certificate, creation time) with `agreement:<id>|1`. On read the private key must agree with the
 * stored public key (a probe ECDH both ways), so a key sealed for another pair never passes.
 * A row that does not read is listed as unreadable, never overwritten or dropped.
 */
import { z } from '../../instrument/schema/zod';
import { fromBase64, toBase64 } from '../crypto/bytes';
import { assertSealedUnder, followDataKeyMarker, withCurrentDataKey } from '../crypto/data-key-marker';
import { generationOf, open, openBytes, reseal, seal, sealBytes, type EnvelopeContext } from '../crypto/envelope';
import { EnvelopeError, LockedError } from '../crypto/errors';
import { readKeysOf, writeKeyOf, type DataKeySource } from '../crypto/session';
import { StorageError } from '../errors';
import type { DbSource } from './drafts';
import type { IdentityRow } from './identities';

export const AGREEMENT_KEY_RECORD_SCHEMA = 1;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

const rowSchema = z.strictObject({ id: z.string().min(1), schema: z.literal(AGREEMENT_KEY_RECORD_SCHEMA), key: z.unknown(), data: z.unknown() });
const dataSchema = z.strictObject({
  identityId: z.string().min(1),
  publicKeySpki: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  certificatePem: z.string().min(1).nullable(),
  createdAt: z.string().min(1),
});
type AgreementData = z.infer<typeof dataSchema>;

/** A key-agreement key of this device, as the app sees it (decrypted). */
export interface AgreementKey {
  readonly id: string;
  /** The signing identity it stands beside. */
  readonly identityId: string;
  /** Non-extractable ECDH P-256, usages ['deriveBits']. */
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** The encryption certificate the organisation issued for it; null until then. */
  readonly certificatePem: string | null;
  readonly createdAt: string;
}

export interface AgreementKeysRepository {
  /** Every readable key (newest first) and the ids of rows that cannot be read. */
  list(): Promise<{ keys: AgreementKey[]; unreadable: string[] }>;
  /** The newest readable key beside `identityId`. */
  forIdentity(identityId: string): Promise<AgreementKey | undefined>;
  /** Seals a new key pair (the private key EXTRACTABLE, dropped by the caller afterwards). */
  create(input: { identityId: string; privateKey: CryptoKey; publicKey: CryptoKey }): Promise<AgreementKey>;
  /** Stores the certificate issued for the key (the caller checked it certifies this key). */
  setCertificate(id: string, certificatePem: string): Promise<AgreementKey>;
  remove(id: string): Promise<void>;
}

export class AgreementKeyRecordError extends StorageError {
  constructor(reason: string) {
    super('AgreementKeyRecordError', `The encryption key was not saved: ${reason}.`);
  }
}

/** Where each sealed field of a row belongs (additional data); also used by the data key rotation. */
export const agreementKeyContexts = (id: string): { data: EnvelopeContext; key: EnvelopeContext } => ({
  data: { recordId: `agreement:${id}`, schemaVersion: AGREEMENT_KEY_RECORD_SCHEMA },
  key: { recordId: `agreement-key:${id}`, schemaVersion: AGREEMENT_KEY_RECORD_SCHEMA },
});

const isEcdhP256 = (key: CryptoKey) => key.algorithm.name === 'ECDH' && (key.algorithm as EcKeyAlgorithm).namedCurve === 'P-256';

/** True when `privateKey` and `publicKey` are one pair: both agree with a probe key on the same secret. */
async function isPair(privateKey: CryptoKey, publicKey: CryptoKey): Promise<boolean> {
  const probe = await crypto.subtle.generateKey(ECDH, false, ['deriveBits']);
  const [a, b] = await Promise.all([
    crypto.subtle.deriveBits({ name: 'ECDH', public: probe.publicKey }, privateKey, 256),
    crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, probe.privateKey, 256),
  ]);
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}

async function importPrivate(pkcs8: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', pkcs8, ECDH, false, ['deriveBits']);
}

export function createAgreementKeysRepository(source: DbSource, session: DataKeySource, options: { now?: () => Date; newId?: () => string } = {}): AgreementKeysRepository {
  const { now = () => new Date(), newId = () => crypto.randomUUID() } = options;
  const db = typeof source === 'function' ? source : () => source;

  async function decode(raw: unknown): Promise<{ key: AgreementKey; row: IdentityRow } | undefined> {
    const keys = readKeysOf(session);
    const row = rowSchema.safeParse(raw);
    if (!row.success) return undefined;
    const contexts = agreementKeyContexts(row.data.id);
    try {
      const data = dataSchema.parse(await open(keys, row.data.data, contexts.data));
      const pkcs8 = await openBytes(keys, row.data.key, contexts.key, 1);
      let privateKey: CryptoKey;
      try {
        privateKey = await importPrivate(pkcs8);
      } catch {
        throw new EnvelopeError(contexts.key.recordId, 'malformed-plaintext');
      } finally {
        pkcs8.fill(0);
      }
      const publicKey = await crypto.subtle.importKey('spki', fromBase64(data.publicKeySpki), ECDH, true, []);
      if (!(await isPair(privateKey, publicKey))) return undefined;
      return { key: { id: row.data.id, identityId: data.identityId, privateKey, publicKey, certificatePem: data.certificatePem, createdAt: data.createdAt }, row: row.data };
    } catch (error) {
      if (error instanceof LockedError) throw error;
      await followDataKeyMarker(error, db(), session); // LockedError if another tab rotated the key
      return undefined;
    }
  }

  async function list(): Promise<{ keys: AgreementKey[]; unreadable: string[] }> {
    session.key();
    const database = db();
    const [ids, rows] = await database.transaction('r', database.agreementKeys, () => Promise.all([database.agreementKeys.toCollection().primaryKeys(), database.agreementKeys.toArray()]));
    const decoded = await Promise.all(rows.map((raw: unknown) => decode(raw)));
    const keys: AgreementKey[] = [];
    const unreadable: string[] = [];
    decoded.forEach((result, i) => {
      if (result) keys.push(result.key);
      else unreadable.push(String(ids[i]));
    });
    keys.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
    return { keys, unreadable };
  }

  async function write(id: string, key: unknown, data: AgreementData): Promise<void> {
    await withCurrentDataKey(session, async () => {
      const writeKey = writeKeyOf(session);
      const envelope = await seal(writeKey, dataSchema.parse(data), agreementKeyContexts(id).data);
      // A stored key under a rotated-away generation moves to the current one with its data.
      const sealedKey = generationOf(key) === writeKey.generation ? key : await reseal(readKeysOf(session), writeKey, key, agreementKeyContexts(id).key);
      const row: IdentityRow = { id, schema: AGREEMENT_KEY_RECORD_SCHEMA, key: sealedKey, data: envelope };
      const database = db();
      await database.transaction('rw', database.agreementKeys, database.keyring, async () => {
        await assertSealedUnder(database, row.key, row.data);
        await database.agreementKeys.put(row);
      });
    });
  }

  return {
    list,
    async forIdentity(identityId) {
      return (await list()).keys.find((key) => key.identityId === identityId);
    },
    async create(input) {
      session.key();
      if (input.privateKey.type !== 'private' || !isEcdhP256(input.privateKey) || !input.privateKey.usages.includes('deriveBits')) throw new AgreementKeyRecordError('the private key is not an ECDH P-256 key');
      if (!input.privateKey.extractable) throw new AgreementKeyRecordError('the private key cannot be sealed (make it extractable, then drop it)');
      if (input.publicKey.type !== 'public' || !isEcdhP256(input.publicKey)) throw new AgreementKeyRecordError('the public key is not an ECDH P-256 key');
      if (!(await isPair(input.privateKey, input.publicKey))) throw new AgreementKeyRecordError('the two keys are not a pair');
      const id = newId();
      const data: AgreementData = {
        identityId: input.identityId,
        publicKeySpki: toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', input.publicKey))),
        certificatePem: null,
        createdAt: now().toISOString(),
      };
      const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', input.privateKey));
      try {
        const privateKey = await importPrivate(pkcs8);
        await withCurrentDataKey(session, async () => {
          // WebCrypto copies its inputs, so zeroing `pkcs8` afterwards is safe.
          const sealed = await sealBytes(writeKeyOf(session), pkcs8, agreementKeyContexts(id).key);
          await write(id, sealed, data);
        });
        return { id, identityId: data.identityId, privateKey, publicKey: input.publicKey, certificatePem: null, createdAt: data.createdAt };
      } finally {
        pkcs8.fill(0);
      }
    },
    async setCertificate(id, certificatePem) {
      session.key();
      const raw: unknown = await db().agreementKeys.get(id);
      const decoded = raw === undefined ? undefined : await decode(raw);
      if (decoded === undefined) throw new AgreementKeyRecordError('there is no readable encryption key with this id');
      const { key, row } = decoded;
      await write(id, row.key, {
        identityId: key.identityId,
        publicKeySpki: toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', key.publicKey))),
        certificatePem,
        createdAt: key.createdAt,
      });
      return { ...key, certificatePem };
    },
    async remove(id) {
      session.key();
      const database = db();
      await database.transaction('rw', database.agreementKeys, () => database.agreementKeys.delete(id));
    },
  };
}
