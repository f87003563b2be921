// Test identities: a self-signed caseworker, and an organisation root that issues signer certificates.
import type * as pkijs from 'pkijs';
import { createCertificationRequest, createRootCertificate, createSelfSignedCertificate, issueCertificate } from '../../../src/export/signing/certificates';
import { generateSigningKeyPair } from '../../../src/export/signing/keys';
import { parseCertificationRequest, requestToPem } from '../../../src/export/signing/pem';
import type { SignPdfOptions } from '../../../src/export/signing/sign';

export const ORG = 'Homeward Test Org';

export interface Identity {
  readonly privateKey: CryptoKey;
  readonly certificate: pkijs.Certificate;
  readonly chain: pkijs.Certificate[];
}

export interface Organisation {
  readonly root: pkijs.Certificate;
  /** The root's own key and certificate, as an identity (a CA signing directly). */
  readonly rootIdentity: Identity;
  issue(cn: string, validity?: { now?: Date; validityDays?: number }, role?: string): Promise<Identity>;
}

export async function selfSignedIdentity(cn: string): Promise<Identity> {
  const keys = await generateSigningKeyPair();
  return { privateKey: keys.privateKey, certificate: await createSelfSignedCertificate(keys, { cn, o: ORG }), chain: [] };
}

export async function organisation(name = 'Homeward Test Root CA', o = ORG): Promise<Organisation> {
  const rootKeys = await generateSigningKeyPair();
  const root = await createRootCertificate(rootKeys, { cn: name, o }, { now: new Date(Date.now() - 5 * 365 * 86_400_000) });
  return {
    root,
    rootIdentity: { privateKey: rootKeys.privateKey, certificate: root, chain: [] },
    async issue(cn, validity = {}, role) {
      const keys = await generateSigningKeyPair();
      // The request travels as a PEM file, as between devices.
      const request = parseCertificationRequest(requestToPem(await createCertificationRequest(keys, { cn, o, ...(role === undefined ? {} : { role }) })));
      const certificate = await issueCertificate(request, { issuerCertificate: root, issuerKey: rootKeys.privateKey, validityDays: 365, ...validity });
      return { privateKey: keys.privateKey, certificate, chain: [root] };
    },
  };
}

export function signOptions(identity: Identity, name: string, reason: string, date = new Date()): SignPdfOptions {
  return { ...identity, name, reason, date };
}
