// WARNING: key agreement of encrypted files (RFC 5753, ephemeral-static ECDH with the X9.63 KDF).
// A change here makes files unreadable by the recipient or by OpenSSL.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../signing/bytes';
import { OID } from './oids';

export const ECDH_P256 = { name: 'ECDH', namedCurve: 'P-256' } as const satisfies EcKeyImportParams;
/** The content-encryption key is AES-256; its wrap key is as long. */
const KEK_BITS = 256;

/** AES-256 key wrap, parameters absent (RFC 3565), as OpenSSL writes it. */
export function wrapAlgorithm(): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID.aes256Wrap });
}

/**
 * The key-encryption key both sides derive: KDF(Z, ECC-CMS-SharedInfo) where the shared info names
 * the wrap algorithm exactly as the file does, the optional user keying material, and the key
 * length (RFC 5753 section 7.2).
 */
export async function keyEncryptionKey(sharedSecret: ArrayBuffer, wrap: pkijs.AlgorithmIdentifier, ukm: Uint8Array | null, usage: 'wrapKey' | 'unwrapKey'): Promise<CryptoKey> {
  const length = new Uint8Array([0, 0, KEK_BITS >> 8, KEK_BITS & 0xff]);
  const info = new pkijs.ECCCMSSharedInfo({
    keyInfo: wrap,
    ...(ukm === null ? {} : { entityUInfo: new asn1js.OctetString({ valueHex: toArrayBuffer(ukm) }) }),
    suppPubInfo: new asn1js.OctetString({ valueHex: length.buffer }),
  });
  const derived = await pkijs.kdf('SHA-256', sharedSecret, KEK_BITS, info.toSchema().toBER(false));
  return crypto.subtle.importKey('raw', derived, { name: 'AES-KW' }, false, [usage]);
}

/** ECDH over P-256: the 32-byte shared secret Z. */
export function sharedSecret(privateKey: CryptoKey, publicKey: CryptoKey): Promise<ArrayBuffer> {
  return crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
}
