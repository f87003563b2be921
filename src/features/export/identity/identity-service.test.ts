import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createIdentitiesRepository,
  createOrganisationAuthorityRepository,
  createTrustedRootsRepository,
  HomewardDb,
  LockedError,
} from '../../../storage';
import { createIdentityService, IdentityImportError, shortFingerprint, verifiedBy, type ImportReason } from './identity-service';

const opened: HomewardDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** One device: its own database and data key, and the service bound to them. */
async function device() {
  const db = new HomewardDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(db);
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  let unlocked = true;
  const session = {
    key: () => {
      if (!unlocked) throw new LockedError();
      return key;
    },
  };
  const deps = {
    identities: createIdentitiesRepository(db, session),
    trustedRoots: createTrustedRootsRepository(db, session),
    authority: createOrganisationAuthorityRepository(db, session),
  };
  return { db, ...deps, service: createIdentityService(deps), lock: () => (unlocked = false) };
}

const ORG = 'Fictional Shelter Network';
const caseworker = { name: 'Dara Fictional', organisation: ORG, role: 'Caseworker' };

async function refusal(promise: Promise<unknown>): Promise<ImportReason> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IdentityImportError) return error.reason;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A supervisor with a root, a caseworker with a self-signed identity, and the issued file. */
async function issued() {
  const supervisor = await device();
  await supervisor.service.createOrganisationRoot(ORG);
  const worker = await device();
  const identity = await worker.service.ensureSigningIdentity(caseworker);
  const requestPem = await worker.service.certificateRequestPem(identity);
  const summary = await supervisor.service.readCertificateRequest(requestPem);
  const certificateFile = await supervisor.service.issueFromRequest(summary);
  return { supervisor, worker, identity, summary, certificateFile };
}

describe('signing identities without a server', () => {
  it('creates a self-declared identity once, and returns it afterwards', async () => {
    const worker = await device();
    const identity = await worker.service.ensureSigningIdentity(caseworker);
    expect(identity).toMatchObject({ name: 'Dara Fictional', organisation: ORG, role: 'Caseworker', verifiedByOrganisation: false, chainPem: [] });
    expect(identity.privateKey.extractable).toBe(false);
    expect(verifiedBy(identity)).toBeNull();
    expect((await worker.service.ensureSigningIdentity({ ...caseworker, name: 'Someone Else' })).id).toBe(identity.id);
  });

  it('caseworker request → supervisor issues → caseworker trusts the root on purpose, then imports: verified', async () => {
    const { supervisor, worker, identity, summary, certificateFile } = await issued();
    expect(summary).toMatchObject({ name: 'Dara Fictional', organisation: ORG });
    expect(certificateFile.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);

    // The root bundled in the file is never trusted by the certificate import itself.
    const refused = await worker.service.importCertificate(identity.id, certificateFile).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(IdentityImportError);
    const root = (refused as IdentityImportError).root;
    expect((refused as IdentityImportError).reason).toBe('root-not-trusted');
    expect(root).toMatchObject({ organisation: ORG, certificatePem: (await supervisor.authority.get())?.certificatePem });
    expect(root?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await worker.trustedRoots.list()).toEqual([]);
    expect((await worker.identities.getActive())?.verifiedByOrganisation).toBe(false);

    // Trusted on purpose (Trusted roots: preview from the same file, then confirm), the import goes through.
    const preview = await worker.service.previewRoot(certificateFile);
    expect(preview).toEqual(root);
    await worker.service.trustRoot(preview);
    const verified = await worker.service.importCertificate(identity.id, certificateFile);
    expect(verified).toMatchObject({ id: identity.id, verifiedByOrganisation: true, name: 'Dara Fictional', organisation: ORG });
    expect(verified.chainPem).toHaveLength(1);
    expect(verified.certificatePem).not.toBe(identity.certificatePem);
    expect(verifiedBy(verified)).toBe(ORG);
    expect(await worker.identities.getActive()).toEqual(verified);
    const roots = await worker.trustedRoots.list();
    expect(roots.map((r) => r.label)).toEqual([ORG]);
    expect(shortFingerprint(roots[0]?.fingerprint ?? '')).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
  });

  it('refuses a tampered, malformed or foreign certificate with a reason, and changes nothing', async () => {
    const { supervisor, worker, identity, certificateFile } = await issued();
    const [leafBlock = ''] = certificateFile.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n/g) ?? [];
    const rootBlock = certificateFile.slice(leafBlock.length);

    // One character of the issued certificate's signature changed: it no longer chains.
    const lines = leafBlock.split('\n');
    const last = lines.length - 3; // the last base64 line holds the signature's end
    const line = lines[last] ?? '';
    lines[last] = line.slice(0, 2) + (line[2] === 'A' ? 'B' : 'A') + line.slice(3);
    const tampered = lines.join('\n') + rootBlock;

    // A certificate for another caseworker's key, issued by the same root.
    const other = await device();
    const otherIdentity = await other.service.ensureSigningIdentity({ ...caseworker, name: 'Other Person' });
    const otherFile = await supervisor.service.issueFromRequest(await supervisor.service.readCertificateRequest(await other.service.certificateRequestPem(otherIdentity)));

    // Issued by a root that is neither bundled nor trusted.
    const stranger = await device();
    await stranger.service.createOrganisationRoot('Unknown Org');
    const strangerFile = await stranger.service.issueFromRequest(await stranger.service.readCertificateRequest(await worker.service.certificateRequestPem(identity)));
    const strangerLeafOnly = strangerFile.slice(0, strangerFile.indexOf('-----END CERTIFICATE-----') + 26);

    const cases: [string, ImportReason][] = [
      [tampered, 'chain'],
      ['not a certificate at all', 'unreadable'],
      ['-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n', 'unreadable'],
      [await worker.service.certificateRequestPem(identity), 'unreadable'],
      [otherFile, 'other-key'],
      [identity.certificatePem, 'self-declared'],
      [leafBlock, 'no-root'],
      [strangerLeafOnly, 'no-root'],
      ['x'.repeat(70_000), 'too-large'],
    ];
    for (const [file, reason] of cases) expect(await refusal(worker.service.importCertificate(identity.id, file)), file.slice(0, 40)).toBe(reason);
    expect(await worker.identities.getActive()).toEqual(identity);
    expect(await worker.trustedRoots.list()).toEqual([]);

    // Once the root is trusted on the device, a tampered certificate still fails its check.
    await worker.service.trustRoot(await worker.service.previewRoot(rootBlock));
    expect(await refusal(worker.service.importCertificate(identity.id, tampered))).toBe('chain');
    // And the certificate alone is enough.
    expect((await worker.service.importCertificate(identity.id, leafBlock)).verifiedByOrganisation).toBe(true);
  });

  it("issues the supervisor's own identity from their root, before or after the root exists", async () => {
    const supervisor = await device();
    const before = await supervisor.service.ensureSigningIdentity({ ...caseworker, name: 'Sam Supervisor', role: 'Supervisor' });
    expect(before.verifiedByOrganisation).toBe(false);
    await supervisor.service.createOrganisationRoot(ORG);
    const after = await supervisor.identities.getActive();
    expect(after).toMatchObject({ id: before.id, verifiedByOrganisation: true });
    expect(verifiedBy(after ?? before)).toBe(ORG);

    const other = await device();
    await other.service.createOrganisationRoot(ORG);
    const created = await other.service.createIdentity({ ...caseworker, name: 'New Supervisor' });
    expect(created.verifiedByOrganisation).toBe(true);
    expect(created.chainPem).toEqual([(await other.authority.get())?.certificatePem]);
  });

  it('stores no CryptoKey: identity and root keys are sealed, and handed out non-extractable', async () => {
    const supervisor = await device();
    const root = await supervisor.service.createOrganisationRoot(ORG);
    const identity = await supervisor.service.createIdentity({ ...caseworker, name: 'Sam Supervisor' });
    for (const key of [root.privateKey, identity.privateKey, (await supervisor.authority.get())?.privateKey, (await supervisor.identities.getActive())?.privateKey]) {
      expect(key?.extractable).toBe(false);
      expect(key?.usages).toEqual(['sign']);
    }
    const rows: unknown[] = [...(await supervisor.db.identities.toArray()), ...(await supervisor.db.orgAuthority.toArray())];
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(Object.keys(row as object).sort()).toEqual(['data', 'id', 'key', 'schema']);
      for (const value of Object.values(row as object)) expect(value).not.toBeInstanceOf(CryptoKey);
    }
    // The unsealed root key still issues certificates: the identity above was issued by it.
    expect(identity.verifiedByOrganisation).toBe(true);
    expect(identity.chainPem).toEqual([root.certificatePem]);
  });

  it('refuses a changed request, and a file that is not a root as a trusted root', async () => {
    const supervisor = await device();
    await supervisor.service.createOrganisationRoot(ORG);
    const worker = await device();
    const identity = await worker.service.ensureSigningIdentity(caseworker);
    const requestPem = await worker.service.certificateRequestPem(identity);
    expect(await refusal(supervisor.service.readCertificateRequest('hello'))).toBe('request-unreadable');
    expect(await refusal(supervisor.service.readCertificateRequest(identity.certificatePem))).toBe('request-unreadable');
    const body = requestPem.split('\n');
    const der = Uint8Array.from(atob(body.slice(1, -2).join('')), (c) => c.charCodeAt(0));
    const at = new TextDecoder('latin1').decode(der).indexOf('Dara');
    der[at] = 'K'.charCodeAt(0); // the name changed after the caseworker signed the request
    const changed = `-----BEGIN CERTIFICATE REQUEST-----\n${btoa(String.fromCharCode(...der))}\n-----END CERTIFICATE REQUEST-----\n`;
    expect(await refusal(supervisor.service.readCertificateRequest(changed))).toBe('request-signature');

    expect(await refusal(worker.service.previewRoot(identity.certificatePem))).toBe('not-a-root');
    expect(await refusal(worker.service.previewRoot('garbage'))).toBe('unreadable');
    expect(await worker.trustedRoots.list()).toEqual([]);
    expect(await refusal(worker.service.issueFromRequest(await worker.service.readCertificateRequest(requestPem)))).toBe('no-authority');
  });

  it('refuses text-direction control characters in names: identity, request and certificate', async () => {
    const worker = await device();
    expect(await refusal(worker.service.createIdentity({ ...caseworker, name: 'Supervisor\u202Efdp.exe' }))).toBe('name-controls');
    expect(await refusal(worker.service.createIdentity({ ...caseworker, organisation: 'Org\u2067' }))).toBe('name-controls');
    expect(await worker.identities.getActive()).toBeUndefined();
  });

  it('refuses a file holding two different roots for preview', async () => {
    const a = await device();
    const b = await device();
    await a.service.createOrganisationRoot(ORG);
    await b.service.createOrganisationRoot('Other Fictional Org');
    const both = `${(await a.authority.get())?.certificatePem ?? ''}${(await b.authority.get())?.certificatePem ?? ''}`;
    expect(await refusal(a.service.previewRoot(both))).toBe('several-roots');
  });
});
