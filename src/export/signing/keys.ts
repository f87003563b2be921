// WARNING: signing keys. A private key handed to the rest of the app must be non-extractable: a
// regression here would let any script (or a backup) carry a caseworker's signing key away. Changing
// the algorithm changes every certificate and signature this app makes.
//
// Two generators:
// - generateSigningKeyPair: non-extractable from birth, for keys that are never stored (a
//   throwaway signer).
// - generateSealableSigningKeyPair: EXTRACTABLE, for keys that will be stored. Chromium writes a
//   CryptoKey stored by structured clone into IndexedDB's LevelDB files as its raw key bytes, so a
//   stored CryptoKey is readable by anyone with a copy of the disk, passphrase or not. A stored
//   key is therefore exported once as PKCS#8 right after creation, sealed under the data key
//   (storage/repositories/identities.ts) and the extractable object dropped; every read imports
//   it back non-extractable. The key is extractable in memory at creation only, never on disk.

/** The one signature algorithm Homeward uses: ECDSA P-256 with SHA-256 (see signed-pdf-findings.md). */
export const SIGNING_KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const satisfies EcKeyGenParams;
export const SIGNING_HASH = 'SHA-256';

/**
 * Generates a signing key pair whose private key is NON-extractable (it can be used, never
 * exported); the public key is extractable, as WebCrypto requires. Do not store it by structured
 * clone (see above): use generateSealableSigningKeyPair for a key that is kept.
 */
export async function generateSigningKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(SIGNING_KEY_ALGORITHM, false, ['sign', 'verify']);
}

/**
 * Generates a signing key pair to be sealed at rest: the private key is EXTRACTABLE so that the
 * storage layer can export it once as PKCS#8 and encrypt it. Hand it to the repository that seals
 * it (identities, organisation authority) straight away, and use what the repository returns (a
 * non-extractable copy) from then on; never keep or store this object.
 */
export async function generateSealableSigningKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(SIGNING_KEY_ALGORITHM, true, ['sign', 'verify']);
}

/** True when `key` is a private key this module would accept for signing. */
export function isUsableSigningKey(key: CryptoKey): boolean {
  return key.type === 'private' && !key.extractable && key.usages.includes('sign');
}
