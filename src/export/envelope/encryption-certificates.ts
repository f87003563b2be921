// WARNING: issues the certificates files are encrypted to. A regression here can certify a key
// the requester never named, or certify a signing key for encryption.
//
// The key-agreement key travels in the signing key's certificate request, as an attribute
// (HOMEWARD_OID.agreementKeyAttribute) whose value is the key's SubjectPublicKeyInfo: the request
// is signed with the signing key, so the supervisor issues the encryption certificate to the same
// person, under the same name, in the same step (docs/encrypted-files.md). An ECDH key cannot sign,
// so possession of it is proved later, when its holder decrypts.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual } from '../signing/bytes';
import { issueEndEntityCertificate, KEY_USAGE, type IssueOptions } from '../signing/certificates';
import { CertificateFormatError } from '../signing/pem';
import { ECDH_P256 } from './kari';
import { HOMEWARD_OID, oidAsRead } from './oids';

/** The attribute that asks for an encryption certificate for `publicKey` (ECDH P-256). */
export async function agreementKeyAttribute(publicKey: CryptoKey): Promise<pkijs.Attribute> {
  const spki = asn1js.fromBER(await crypto.subtle.exportKey('spki', publicKey)).result;
  return new pkijs.Attribute({ type: HOMEWARD_OID.agreementKeyAttribute, values: [spki] });
}

/**
 * The key-agreement key a request asks to certify, or null when it asks for none. A request that
 * carries the attribute more than once, with more than one value, or with a key that is not P-256
 * is refused (CertificateFormatError): it is not one Homeward makes.
 */
export async function requestedAgreementKey(request: pkijs.CertificationRequest): Promise<pkijs.PublicKeyInfo | null> {
  const wanted = oidAsRead(HOMEWARD_OID.agreementKeyAttribute);
  const found = (request.attributes ?? []).filter((attribute) => attribute.type === wanted || attribute.type === HOMEWARD_OID.agreementKeyAttribute);
  if (found.length === 0) return null;
  const [attribute] = found;
  if (found.length > 1 || attribute?.values.length !== 1) throw new CertificateFormatError('The request names more than one encryption key.');
  try {
    const info = new pkijs.PublicKeyInfo({ schema: attribute.values[0] });
    // importKey checks the curve and that the point is on it.
    await crypto.subtle.importKey('spki', info.toSchema().toBER(false), ECDH_P256, true, []);
    return info;
  } catch {
    throw new CertificateFormatError('The encryption key in the request is not a P-256 key.');
  }
}

/**
 * The encryption certificate for the key a request names, under the request's subject, key
 * usage keyAgreement only; null when the request names no key. The request's signature must have
 * been checked (issueCertificate does), and the key must differ from the signing key.
 */
export async function issueEncryptionCertificate(request: pkijs.CertificationRequest, options: IssueOptions): Promise<pkijs.Certificate | null> {
  const key = await requestedAgreementKey(request);
  if (key === null) return null;
  if (!(await request.verify().catch(() => false))) throw new CertificateFormatError('The certificate request is not signed by its key.');
  const signingPoint = request.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  if (bytesEqual(signingPoint, key.subjectPublicKey.valueBlock.valueHexView)) throw new CertificateFormatError('The encryption key is the signing key.');
  return issueEndEntityCertificate(request.subject, key, { keyUsage: KEY_USAGE.keyAgreement }, options);
}
