// Test support (not shipped: imported by tests only). An organisation root made by the app's own
// certificate code and encryption certificates it issues, with keys made for the test.
import type * as pkijs from 'pkijs';
import { createRootCertificate, issueEndEntityCertificate, KEY_USAGE, type PartyName } from '../signing/certificates';
import { generateSigningKeyPair } from '../signing/keys';
import { ECDH_P256 } from './kari';

export interface TestRoot {
  readonly certificate: pkijs.Certificate;
  readonly key: CryptoKey;
  /** An encryption certificate for a new ECDH key pair. `extractable` only where a test must hand the key to OpenSSL. */
  issueEncryption(name: Omit<PartyName, 'o'>, options?: { extractable?: boolean; now?: Date; validityDays?: number }): Promise<{ certificate: pkijs.Certificate; keys: CryptoKeyPair }>;
}

export async function testRoot(o: string, now = new Date()): Promise<TestRoot> {
  const keys = await generateSigningKeyPair();
  const certificate = await createRootCertificate(keys, { cn: `${o} Root CA`, o }, { now });
  return {
    certificate,
    key: keys.privateKey,
    async issueEncryption(name, options = {}) {
      const pair = await crypto.subtle.generateKey(ECDH_P256, options.extractable ?? false, ['deriveBits']);
      const issued = await issueEndEntityCertificate({ ...name, o }, pair.publicKey, { keyUsage: KEY_USAGE.keyAgreement }, {
        issuerCertificate: certificate,
        issuerKey: keys.privateKey,
        now: options.now ?? now,
        ...(options.validityDays === undefined ? {} : { validityDays: options.validityDays }),
      });
      return { certificate: issued, keys: pair };
    },
  };
}
