/**
 * WARNING: decides which organisations' signatures this device shows as verified. A regression
 * here can make a forged summary look trusted, or leave an organisation's name readable on disk.
 *
 * Stored format (Dexie version 3, versions/v3.ts): `{ id, schema: 1, data: Envelope }`, the
 * envelope sealed with the additional data `trusted-root:<id>|1` (crypto/envelope.ts). The
 * label (the organisation's name), the certificate and when it was added are only inside it.
 * Reads and writes reject with LockedError while the session is locked; a row that cannot be
 * read is skipped by list() (reported by inspect()) and never overwritten.
 *
 * add() accepts only a self-signed certificate authority (a root) in PEM; adding a root that is
 * already trusted returns the stored one. Certificates are parsed by src/export/signing,
 * loaded on first use so pkijs stays out of the first screen's JavaScript.
 */
import { z } from '../../instrument/schema/zod';
import { assertSealedUnder, followDataKeyMarker, withCurrentDataKey } from '../crypto/data-key-marker';
import { open, seal } from '../crypto/envelope';
import { LockedError } from '../crypto/errors';
import { readKeysOf, writeKeyOf, type DataKeySource } from '../crypto/session';
import { StorageError } from '../errors';
import type { DbSource } from './drafts';

export const TRUSTED_ROOT_RECORD_SCHEMA = 1;

export interface TrustedRoot {
  id: string;
  /** The organisation the root names (O, else CN). */
  label: string;
  certificatePem: string;
  /** ISO 8601. */
  addedAt: string;
  /** Hex SHA-256 of the certificate (DER): what two people compare to know they hold the same root. */
  fingerprint: string;
}

export interface TrustedRootRow {
  id: string;
  schema: number;
  data: unknown;
}

/** What a root certificate says about itself; `problem` set when it is not an acceptable root. */
export interface RootInspection {
  label: string;
  fingerprint: string;
  /** The PEM normalised to one CERTIFICATE block. */
  certificatePem: string;
}

export type RootProblem = 'malformed' | 'not-a-root';

/** The file handed to add() is not a root certificate; nothing was written. */
export class TrustedRootError extends StorageError {
  constructor(
    readonly problem: RootProblem,
    detail: string,
  ) {
    super('TrustedRootError', detail);
  }
}

const rowSchema = z.strictObject({ id: z.string().min(1), schema: z.literal(TRUSTED_ROOT_RECORD_SCHEMA), data: z.unknown() });
const dataSchema = z.strictObject({
  label: z.string().min(1),
  certificatePem: z.string().min(1),
  addedAt: z.string().min(1),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});

export interface TrustedRootsRepository {
  list(): Promise<TrustedRoot[]>;
  /** Readable roots (oldest first) and the ids of rows that cannot be read. */
  inspect(): Promise<{ roots: TrustedRoot[]; unreadable: string[] }>;
  /** Adds a root certificate (PEM); TrustedRootError if it is not one. Idempotent by fingerprint. */
  add(pem: string): Promise<TrustedRoot>;
  remove(id: string): Promise<void>;
}

export interface TrustedRootsOptions {
  now?: () => Date;
  newId?: () => string;
  /** Parses and checks a root; the default uses src/export/signing. */
  inspectRoot?: (pem: string) => Promise<RootInspection>;
}

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Default inspector: one self-signed CA certificate, else TrustedRootError. */
export async function inspectRootCertificate(pem: string): Promise<RootInspection> {
  const [{ CertificateFormatError, parseCertificate, certificateToDer, certificateToPem }, { isCertificateAuthority, isSelfSigned, readPartyName }] =
    await Promise.all([import('../../export/signing/pem'), import('../../export/signing/certificates')]);
  let certificate;
  try {
    certificate = parseCertificate(pem);
  } catch (error) {
    throw new TrustedRootError('malformed', error instanceof CertificateFormatError ? error.message : 'The file is not a certificate.');
  }
  if (!isCertificateAuthority(certificate) || !(await isSelfSigned(certificate))) {
    throw new TrustedRootError('not-a-root', 'This certificate is not an organisation root (a self-signed certificate authority).');
  }
  const name = readPartyName(certificate.subject);
  const der = certificateToDer(certificate);
  return {
    label: name.o || name.cn,
    fingerprint: hex(await crypto.subtle.digest('SHA-256', der.slice().buffer)),
    certificatePem: certificateToPem(certificate),
  };
}

/** The record id a trusted root's envelope is bound to (additional data); also used by the data key rotation. */
export const trustedRootRecordId = (id: string) => `trusted-root:${id}`;

export function createTrustedRootsRepository(
  source: DbSource,
  session: DataKeySource,
  options: TrustedRootsOptions = {},
): TrustedRootsRepository {
  const { now = () => new Date(), newId = () => crypto.randomUUID(), inspectRoot = inspectRootCertificate } = options;
  const db = typeof source === 'function' ? source : () => source;

  async function decode(raw: unknown): Promise<TrustedRoot | undefined> {
    const keys = readKeysOf(session);
    const row = rowSchema.safeParse(raw);
    if (!row.success) return undefined;
    try {
      const data = dataSchema.parse(await open(keys, row.data.data, { recordId: trustedRootRecordId(row.data.id), schemaVersion: row.data.schema }));
      return { id: row.data.id, ...data };
    } catch (error) {
      if (error instanceof LockedError) throw error;
      await followDataKeyMarker(error, db(), session); // LockedError if another tab rotated the key
      return undefined;
    }
  }

  async function inspect(): Promise<{ roots: TrustedRoot[]; unreadable: string[] }> {
    session.key();
    const database = db();
    const [keys, rows] = await database.transaction('r', database.trustedRoots, () =>
      Promise.all([database.trustedRoots.toCollection().primaryKeys(), database.trustedRoots.toArray()]),
    );
    const decoded = await Promise.all(rows.map((raw: unknown) => decode(raw)));
    const roots: TrustedRoot[] = [];
    const unreadable: string[] = [];
    decoded.forEach((root, i) => {
      if (root) roots.push(root);
      else unreadable.push(String(keys[i]));
    });
    roots.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
    return { roots, unreadable };
  }

  return {
    async list() {
      return (await inspect()).roots;
    },
    inspect,
    async add(pem) {
      session.key();
      const root = await inspectRoot(pem);
      const existing = (await inspect()).roots.find((r) => r.fingerprint === root.fingerprint);
      if (existing) return existing;
      const id = newId();
      const data = dataSchema.parse({ label: root.label, certificatePem: root.certificatePem, addedAt: now().toISOString(), fingerprint: root.fingerprint });
      await withCurrentDataKey(session, async () => {
        const envelope = await seal(writeKeyOf(session), data, { recordId: trustedRootRecordId(id), schemaVersion: TRUSTED_ROOT_RECORD_SCHEMA });
        const database = db();
        await database.transaction('rw', database.trustedRoots, database.keyring, async () => {
          await assertSealedUnder(database, envelope);
          await database.trustedRoots.put({ id, schema: TRUSTED_ROOT_RECORD_SCHEMA, data: envelope });
        });
      });
      return { id, ...data };
    },
    async remove(id) {
      session.key();
      const database = db();
      await database.transaction('rw', database.trustedRoots, () => database.trustedRoots.delete(id));
    },
  };
}
