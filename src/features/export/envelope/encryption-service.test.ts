/**
 * Encrypted hand-over between devices without a server (issue 16, item 3): the encryption
 * certificate travels with the signing one, a sender keeps recipients in an address book, and
 * only the recipient's device opens the file. Real pkijs and WebCrypto, Dexie on fake-indexeddb.
 */
import { describe, expect, it } from 'vitest';
import { EnvelopeError } from '../../../export/envelope';
import { EncryptionServiceError } from './encryption-service';
import { testDevice as device } from './test-device';

const ORG = 'Fictional Shelter Network';
const PDF = new TextEncoder().encode('%PDF-1.7\n% fictional signed summary\n%%EOF\n');

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EnvelopeError || error instanceof EncryptionServiceError) return error.reason;
    throw error;
  }
  return 'done';
}

/** A supervisor with the organisation root; a caseworker verified by it, with an encryption certificate from the same file. */
async function organisation() {
  const supervisor = await device();
  const authority = await supervisor.identity.createOrganisationRoot(ORG);
  const boss = await supervisor.identity.ensureSigningIdentity({ name: 'Sam Supervisorfictional', organisation: ORG, role: 'supervisor' });
  const worker = await device();
  const me = await worker.identity.ensureSigningIdentity({ name: 'Dara Fictional', organisation: ORG, role: 'caseworker' });
  const file = await supervisor.identity.issueFromRequest(await supervisor.identity.readCertificateRequest(await worker.identity.certificateRequestPem(me)));
  await worker.identity.trustRoot(await worker.identity.previewRoot(authority.certificatePem));
  await worker.identity.importCertificate(me.id, file);
  return { supervisor, boss, worker, me, file, authority };
}

describe('encrypted hand-over between devices', () => {
  it('certificate.pem carries the encryption certificate; the caseworker keeps it and a sender encrypts to it', async () => {
    const { supervisor, worker, me, file } = await organisation();
    expect(file.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
    const mine = await worker.encryption.ownCertificatePem(me.id);
    expect(mine).not.toBeNull();
    // The supervisor adds it to the address book from the caseworker's file and encrypts to it.
    const [added] = await supervisor.encryption.importRecipients(mine ?? '');
    expect(added).toMatchObject({ name: 'Dara Fictional', organisation: ORG, role: 'caseworker' });
    const [recipient] = await supervisor.encryption.recipients();
    expect(recipient?.problem).toBeNull();
    const encrypted = await supervisor.encryption.encryptFor(recipient?.id ?? '', PDF);
    expect((await worker.encryption.open(encrypted)).content).toEqual(PDF);
    // The supervisor's device holds its own key and certificate, but not the caseworker's.
    expect(await reason(supervisor.encryption.open(encrypted))).toBe('not-for-you');
  });

  it("the supervisor's own identity gets an encryption certificate at once; a caseworker opens nothing sent to it", async () => {
    const { supervisor, boss, worker } = await organisation();
    const pem = await supervisor.encryption.ownCertificatePem(boss.id);
    expect(pem).not.toBeNull();
    await worker.encryption.importRecipients(pem ?? '');
    const [recipient] = await worker.encryption.recipients();
    const encrypted = await worker.encryption.encryptFor(recipient?.id ?? '', PDF);
    expect((await supervisor.encryption.open(encrypted)).content).toEqual(PDF);
    expect(await reason(worker.encryption.open(encrypted))).toBe('not-for-you');
    // A device with no encryption key at all says so.
    expect(await reason((await device()).encryption.open(encrypted))).toBe('no-key');
  });

  it('the address book refuses a signing certificate, a root, a certificate from an untrusted organisation, and junk', async () => {
    const { worker, file, authority } = await organisation();
    const [signing] = file.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g) ?? [];
    expect(await reason(worker.encryption.importRecipients(signing ?? ''))).toBe('not-key-agreement');
    expect(await reason(worker.encryption.importRecipients(authority.certificatePem))).toBe('not-key-agreement');
    const stranger = await device();
    await stranger.identity.createOrganisationRoot('Unknown Fictional Org');
    const strangerSelf = await stranger.identity.ensureSigningIdentity({ name: 'Tam Thirdfictional', organisation: 'Unknown Fictional Org', role: 'partner' });
    expect(await reason(worker.encryption.importRecipients((await stranger.encryption.ownCertificatePem(strangerSelf.id)) ?? ''))).toBe('not-trusted');
    expect(await reason(worker.encryption.importRecipients('not a certificate'))).toBe('unreadable');
    expect(await reason(worker.encryption.importRecipients('x'.repeat(70_000)))).toBe('too-large');
    expect(await worker.encryption.recipients()).toEqual([]);
  });

  it('the whole certificate.pem imported into an address book keeps only the encryption certificate', async () => {
    const { supervisor, file } = await organisation();
    const added = await supervisor.encryption.importRecipients(file);
    expect(added.map((entry) => entry.name)).toEqual(['Dara Fictional']);
    // The same certificate twice is kept once.
    await supervisor.encryption.importRecipients(file);
    expect(await supervisor.encryption.recipients()).toHaveLength(1);
  });
});
