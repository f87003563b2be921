/**
 * Organisation kits (issue 15, item 8): made with the organisation root's key and read back only
 * against roots this device already trusts. Adversarial: a kit signed by an untrusted key, one
 * whose signing root is bundled inside it, a tampered one, an oversized one, one signed by a
 * caseworker's certificate, a signature moved from another file.
 */
import { describe, expect, it } from 'vitest';
import { certificateToPem } from '../signing/pem';
import { createCertificationRequest, issueCertificate } from '../signing/certificates';
import { generateSigningKeyPair } from '../signing/keys';
import { testRoot } from '../envelope/test-pki';
import { KitError, makeKit, readKit, type KitReason } from './kit';
import { KIT_LIMITS, type KitContent } from './format';

const org = await testRoot('Fictional Shelter Network');
const partner = await testRoot('Fictional Return Partner');
const recipient = await org.issueEncryption({ cn: 'Sam Supervisorfictional', role: 'supervisor' });

function content(overrides: Partial<Omit<KitContent, 'format' | 'version'>> = {}): Omit<KitContent, 'format' | 'version'> {
  return {
    organisation: 'Fictional Shelter Network',
    issuedAt: '2026-12-07T10:00:00.000Z',
    roles: ['caseworker', 'supervisor'],
    trustedRoots: [certificateToPem(org.certificate), certificateToPem(partner.certificate)],
    recipients: [certificateToPem(recipient.certificate)],
    policy: { followUpDays: [7, 30, 90], idleLock: { minMinutes: 2, maxMinutes: 15 } },
    ...overrides,
  };
}

async function reason(promise: Promise<unknown>): Promise<KitReason | 'read'> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KitError) return error.reason;
    throw error;
  }
  return 'read';
}

const asFile = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as { homewardOrganisationKit: number; content: string; signature: string };
const toBytes = (file: unknown) => new TextEncoder().encode(JSON.stringify(file));

describe('organisation kits', () => {
  it('a kit signed by a trusted root reads back as made, with its fingerprint', async () => {
    const kit = await makeKit(content(), { certificate: org.certificate, privateKey: org.key });
    const read = await readKit(kit, [partner.certificate, org.certificate]);
    expect(read.content).toMatchObject({ format: 'homeward-organisation-kit', version: 1, ...content() });
    expect(read.signer).toBe(org.certificate);
    expect(read.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a kit signed by a root this device does not trust is refused, naming that root to compare', async () => {
    const kit = await makeKit(content(), { certificate: org.certificate, privateKey: org.key });
    const error = await readKit(kit, [partner.certificate]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KitError);
    expect((error as KitError).reason).toBe('root-not-trusted');
    expect((error as KitError).signer?.organisation).toBe('Fictional Shelter Network');
    expect(await reason(readKit(kit, []))).toBe('root-not-trusted');
  });

  it('an attacker whose own root is bundled in the kit (as a trusted root and in the signature) is refused', async () => {
    const attacker = await testRoot('Fictional Shelter Network');
    const kit = await makeKit(content({ trustedRoots: [certificateToPem(attacker.certificate)] }), { certificate: attacker.certificate, privateKey: attacker.key });
    expect(await reason(readKit(kit, [org.certificate]))).toBe('root-not-trusted');
    // The attacker's signature with the genuine root's certificate in its place does not verify.
    const genuine = asFile(await makeKit(content(), { certificate: org.certificate, privateKey: org.key }));
    const forged = asFile(kit);
    expect(await reason(readKit(toBytes({ ...forged, signature: genuine.signature }), [org.certificate]))).toBe('signature');
  });

  it('a kit signed with the key of a certificate the trusted root issued (not the root) is refused', async () => {
    const keys = await generateSigningKeyPair();
    const certificate = await issueCertificate(await createCertificationRequest(keys, { cn: 'Dara Fictional', o: 'Fictional Shelter Network', role: 'caseworker' }), { issuerCertificate: org.certificate, issuerKey: org.key });
    const kit = await makeKit(content(), { certificate, privateKey: keys.privateKey });
    expect(await reason(readKit(kit, [org.certificate]))).toBe('not-signed-by-root');
  });

  it('every tampering is refused: the content, the signature; no flipped byte yields another kit', async () => {
    const kit = await makeKit(content(), { certificate: org.certificate, privateKey: org.key });
    const original = await readKit(kit, [org.certificate]);
    const file = asFile(kit);
    const changed = new TextEncoder().encode(JSON.stringify({ ...JSON.parse(atob(file.content)), policy: { followUpDays: [365], idleLock: { minMinutes: 30, maxMinutes: 30 } } }));
    expect(await reason(readKit(toBytes({ ...file, content: btoa(String.fromCharCode(...changed)) }), [org.certificate]))).toBe('signature');
    // Most flips are refused; the few that land in container fields that sign nothing (which pkijs
    // does not read) still give exactly the signed kit, with the same fingerprint.
    let refused = 0;
    for (let at = 0; at < kit.length; at += 23) {
      const flipped = kit.slice();
      flipped[at] = (flipped[at] ?? 0) ^ 0x04;
      const read = await readKit(flipped, [org.certificate]).catch((error: unknown) => {
        if (!(error instanceof KitError)) throw error;
        refused += 1;
        return null;
      });
      if (read !== null) expect({ content: read.content, fingerprint: read.fingerprint }, `byte ${String(at)}`).toEqual({ content: original.content, fingerprint: original.fingerprint });
    }
    expect(refused).toBeGreaterThan(kit.length / 23 - 5);
    expect(await reason(readKit(kit.slice(0, -2), [org.certificate]))).toBe('unreadable');
  }, 30_000);

  it('refuses an oversized file, another version, junk, and signed content that is not a kit', async () => {
    expect(await reason(readKit(new Uint8Array(KIT_LIMITS.fileBytes + 1), [org.certificate]))).toBe('too-large');
    const file = asFile(await makeKit(content(), { certificate: org.certificate, privateKey: org.key }));
    expect(await reason(readKit(toBytes({ ...file, homewardOrganisationKit: 2 }), [org.certificate]))).toBe('unsupported-version');
    expect(await reason(readKit(new TextEncoder().encode('%PDF-1.7'), [org.certificate]))).toBe('unreadable');
    expect(await reason(readKit(toBytes({ ...file, extra: 1 }), [org.certificate]))).toBe('unreadable');
    // Making a kit with an empty idle lock range or an unknown role fails before anything is signed.
    await expect(makeKit(content({ policy: { followUpDays: [7], idleLock: { minMinutes: 20, maxMinutes: 5 } } }), { certificate: org.certificate, privateKey: org.key })).rejects.toThrow();
    await expect(makeKit(content({ roles: ['caseworker', 'caseworker'] }), { certificate: org.certificate, privateKey: org.key })).rejects.toThrow();
  });
});
