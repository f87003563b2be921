// WARNING: signing keys. The private key must stay non-extractable: a regression here would let any
// script (or a backup) carry a caseworker's signing key away. Changing the algorithm changes every
// certificate and signature this app makes.

/** The one signature algorithm Homeward uses: ECDSA P-256 with SHA-256 (see signed-pdf-findings.md). */
export const SIGNING_KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const satisfies EcKeyGenParams;
export const SIGNING_HASH = 'SHA-256';

/**
 * Generates a signing key pair. The private key is NON-extractable (it can be stored in IndexedDB by
 * structured clone and used, never exported); the public key is extractable, as WebCrypto requires.
 */
export async function generateSigningKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(SIGNING_KEY_ALGORITHM, false, ['sign', 'verify']);
}

/** True when `key` is a private key this module would accept for signing. */
export function isUsableSigningKey(key: CryptoKey): boolean {
  return key.type === 'private' && !key.extractable && key.usages.includes('sign');
}
