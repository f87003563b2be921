// WARNING: object identifiers of the encrypted-file and organisation-kit formats
// (docs/encrypted-files.md, docs/organisation-kit.md). Changing one makes every file made before
// unreadable, or makes OpenSSL refuse the files made after.
import * as asn1js from 'asn1js';

export const OID = {
  /** RFC 5652 ContentInfo types. */
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  /** RFC 5083. */
  authEnvelopedData: '1.2.840.113549.1.9.16.1.23',
  /** RFC 5084: AES-256 in GCM. */
  aes256Gcm: '2.16.840.1.101.3.4.1.46',
  /** RFC 3394 / 3565: AES-256 key wrap. */
  aes256Wrap: '2.16.840.1.101.3.4.1.45',
  /** RFC 5753 (SEC 1): ephemeral-static ECDH with the ANSI X9.63 KDF over SHA-256. */
  ecdhSha256Kdf: '1.3.132.1.11.1',
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  contentTypeAttribute: '1.2.840.113549.1.9.3',
  messageDigestAttribute: '1.2.840.113549.1.9.4',
  signingTimeAttribute: '1.2.840.113549.1.9.5',
} as const;

/**
 * Homeward's own arc, a UUID OID (ITU-T X.667, arc 2.25: unique without registration), for what no
 * standard names. Sub-arcs: .1 the encryption public key in a certificate request (an attribute),
 * .2 the purpose "signs organisation kits" (an extended key usage), .3 the organisation kit's
 * content type.
 */
export const HOMEWARD_ARC = '2.25.203481386419860164793425910783171799865';

export const HOMEWARD_OID = {
  agreementKeyAttribute: `${HOMEWARD_ARC}.1`,
  kitSigningPurpose: `${HOMEWARD_ARC}.2`,
  kitContentType: `${HOMEWARD_ARC}.3`,
} as const;

/**
 * The form asn1js reads an OID back in. asn1js writes a sub-identifier past 2^53 (the UUID arc) in
 * hexadecimal braces when it reads one, so a dotted constant is compared through this, never as
 * typed.
 */
export function oidAsRead(dotted: string): string {
  return new asn1js.ObjectIdentifier({ value: dotted }).getValue();
}
