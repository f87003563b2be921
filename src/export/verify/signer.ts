// WARNING: signature verification. This decides which certificate signed and whether the signature
// over the signed bytes holds. The signer is the ONE certificate the SignerInfo names (issuer and
// serial, or subject key identifier); any other certificate in the CMS is only a candidate issuer
// for path building (path.ts). A bug here attributes a signature to someone who did not make it.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, sha256, toArrayBuffer, toHex } from '../signing/bytes';
import { OID_CMS } from '../signing/cms';
import { certificateToDer } from '../signing/pem';
import { LIMITS, VerifyLimitError } from './limits';
import type { VerifyProblem } from './report';

const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
const OID_SUBJECT_KEY_IDENTIFIER = '2.5.29.14';
/** A CMS bigger than this is not one Homeward or a sane signer made. */
const MAX_CMS_BYTES = 64 * 1024;

export interface SignerCheck {
  /** Digest, signature by the signer's own certificate, and the ESS binding to it all hold. */
  readonly valid: boolean;
  readonly problems: VerifyProblem[];
  /** The certificate the SignerInfo names (exactly one), or null. */
  readonly certificate: pkijs.Certificate | null;
  /** Every other distinct certificate carried in the CMS: candidate issuers only. */
  readonly others: pkijs.Certificate[];
  /** The CMS signing-time attribute, if any (claimed by the signer). */
  readonly signingTime: Date | null;
}

const fail = (problems: VerifyProblem[]): SignerCheck => ({ valid: false, problems, certificate: null, others: [], signingTime: null });

export function derOf(value: { toSchema(): asn1js.AsnType }): Uint8Array {
  return new Uint8Array(value.toSchema().toBER(false));
}

function parseSignedData(contents: Uint8Array): pkijs.SignedData {
  const { offset, result } = asn1js.fromBER(toArrayBuffer(contents));
  if (offset === -1 || result.error !== '') throw new Error('the signature data is not valid ASN.1');
  // /Contents is zero-padded after the DER; anything else there is suspicious.
  if (contents.subarray(offset).some((byte) => byte !== 0)) throw new Error('unexpected data after the signature');
  if (offset > MAX_CMS_BYTES) throw new Error('the signature data is larger than any signature Homeward accepts');
  const info = new pkijs.ContentInfo({ schema: result });
  if (info.contentType !== OID_CMS.signedData) throw new Error('the signature is not CMS SignedData');
  return new pkijs.SignedData({ schema: info.content });
}

function attributeValues(signerInfo: pkijs.SignerInfo, type: string): asn1js.AsnType[] {
  return (signerInfo.signedAttrs?.attributes ?? []).filter((item) => item.type === type).flatMap((item) => item.values as asn1js.AsnType[]);
}

/** The certHash of the first ESSCertIDv2 in signingCertificateV2, or null when absent/unreadable. */
function essCertHash(value: asn1js.AsnType | undefined): Uint8Array | null {
  if (!(value instanceof asn1js.Sequence)) return null;
  const certs = value.valueBlock.value[0];
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) return null;
  const [head, next] = first.valueBlock.value;
  // hashAlgorithm is omitted for SHA-256 (the default); when present, only SHA-256 is accepted.
  if (head instanceof asn1js.OctetString) return head.valueBlock.valueHexView;
  const algorithm = head instanceof asn1js.Sequence ? head.valueBlock.value[0] : undefined;
  if (algorithm instanceof asn1js.ObjectIdentifier && algorithm.getValue() === OID_SHA256 && next instanceof asn1js.OctetString) {
    return next.valueBlock.valueHexView;
  }
  return null;
}

function subjectKeyIdentifier(certificate: pkijs.Certificate): Uint8Array | null {
  const extension = certificate.extensions?.find((item) => item.extnID === OID_SUBJECT_KEY_IDENTIFIER);
  const value: unknown = extension?.parsedValue;
  return value instanceof asn1js.OctetString ? value.valueBlock.valueHexView : null;
}

/** The certificates the SignerInfo's sid names (issuer + serial, or [0] subject key identifier). */
function namedBy(sid: unknown, certificates: readonly pkijs.Certificate[]): pkijs.Certificate[] {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const issuer = derOf(sid.issuer);
    const serial = sid.serialNumber.valueBlock.valueHexView;
    return certificates.filter((c) => bytesEqual(derOf(c.issuer), issuer) && bytesEqual(c.serialNumber.valueBlock.valueHexView, serial));
  }
  let keyId: Uint8Array | undefined;
  if (sid instanceof asn1js.Constructed) {
    const inner = sid.valueBlock.value[0];
    keyId = inner instanceof asn1js.OctetString ? inner.valueBlock.valueHexView : undefined;
  } else if (sid instanceof asn1js.Primitive) keyId = sid.valueBlock.valueHexView;
  if (keyId !== undefined) {
    const wanted = keyId;
    return certificates.filter((c) => {
      const ski = subjectKeyIdentifier(c);
      return ski !== null && bytesEqual(ski, wanted);
    });
  }
  return [];
}

/** Distinct certificates (by DER), in order; duplicates of one certificate are harmless and dropped. */
function distinct(certificates: readonly pkijs.Certificate[]): pkijs.Certificate[] {
  const seen: Uint8Array[] = [];
  return certificates.filter((certificate) => {
    const der = certificateToDer(certificate);
    if (seen.some((item) => bytesEqual(item, der))) return false;
    seen.push(der);
    return true;
  });
}

/**
 * True when the certificates, read as "subject is issued by issuer" by name, contain a loop of two
 * or more (a self-issued root is not a loop). Refused whatever this device trusts: no Homeward
 * path has one, and a path builder given one may search for ever.
 */
function issuesInALoop(certificates: readonly pkijs.Certificate[]): boolean {
  const names = certificates.map((c) => ({ subject: toHex(derOf(c.subject)), issuer: toHex(derOf(c.issuer)) }));
  const issuersOf = (subject: string) => names.filter((n) => n.subject === subject && n.issuer !== subject).map((n) => n.issuer);
  for (const start of new Set(names.map((n) => n.subject))) {
    const seen = new Set<string>();
    let frontier = issuersOf(start);
    while (frontier.length > 0) {
      if (frontier.includes(start)) return true;
      const next: string[] = [];
      for (const name of frontier) {
        if (seen.has(name)) continue;
        seen.add(name);
        next.push(...issuersOf(name));
      }
      frontier = next;
    }
  }
  return false;
}

function asDate(value: asn1js.AsnType | undefined): Date | null {
  return value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime ? value.toDate() : null;
}

/** Checks the digest and the signature of the one SignerInfo with the certificate it names. */
async function verifyWith(signedData: pkijs.SignedData, signer: pkijs.Certificate, data: Uint8Array, problems: VerifyProblem[]): Promise<boolean> {
  const signerInfo = signedData.signerInfos[0];
  if (signerInfo?.signedAttrs === undefined) {
    problems.push({ code: 'signature-structure', detail: 'The signature has no signed attributes (the signed content is not bound to it).' });
    return false;
  }
  if (signerInfo.digestAlgorithm.algorithmId !== OID_SHA256) {
    problems.push({ code: 'signature-structure', detail: 'The signature uses a digest other than SHA-256.' });
    return false;
  }
  const contentTypes = attributeValues(signerInfo, OID_CMS.contentType);
  const contentType = contentTypes[0];
  if (contentTypes.length !== 1 || !(contentType instanceof asn1js.ObjectIdentifier) || contentType.getValue() !== OID_CMS.data) {
    problems.push({ code: 'signature-structure', detail: 'The signature’s content-type attribute is missing or not "data".' });
    return false;
  }
  const digests = attributeValues(signerInfo, OID_CMS.messageDigest);
  const digest = digests[0];
  if (digests.length !== 1 || !(digest instanceof asn1js.OctetString)) {
    problems.push({ code: 'signature-structure', detail: 'The signature has no single message-digest attribute.' });
    return false;
  }
  if (!bytesEqual(digest.valueBlock.valueHexView, await sha256(data))) {
    problems.push({ code: 'digest-mismatch', detail: 'The signed content was modified: its digest does not match the signature (Message digest mismatch).' });
    return false;
  }
  // pkijs matches a key-identifier signer by SHA-1 of the key, which is not how our profile's
  // identifiers are made: name the already identified certificate by issuer and serial instead
  // (the signature covers the signed attributes, not this field).
  if (!(signerInfo.sid instanceof pkijs.IssuerAndSerialNumber)) {
    signerInfo.sid = new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber });
  }
  try {
    const result = await signedData.verify({ signer: 0, data: toArrayBuffer(data), extendedMode: true, checkChain: false });
    // pkijs finds the signer certificate itself; it must be the very one identified above.
    const used = result.signerCertificate;
    if (used === undefined || used === null || !bytesEqual(certificateToDer(used), certificateToDer(signer))) {
      problems.push({ code: 'signer-certificate', detail: 'The signature was not checked with the certificate its signer information names.' });
      return false;
    }
    if (result.signatureVerified !== true) {
      problems.push({ code: 'signature-mismatch', detail: 'The cryptographic signature does not match the signer’s certificate.' });
      return false;
    }
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push(/digest/i.test(message)
      ? { code: 'digest-mismatch', detail: 'The signed content was modified: its digest does not match the signature (Message digest mismatch).' }
      : { code: 'signature-mismatch', detail: `The signature does not verify: ${message}.` });
    return false;
  }
}

/**
 * Verifies one CMS signature over `data` (the concatenated signed ranges). Never throws, except
 * VerifyLimitError for a certificate flood (the file is then refused as a whole).
 */
export async function checkSigner(contents: Uint8Array, data: Uint8Array): Promise<SignerCheck> {
  let signedData: pkijs.SignedData;
  try {
    signedData = parseSignedData(contents);
  } catch (error) {
    return fail([{ code: 'signature-unreadable', detail: `The signature cannot be read: ${error instanceof Error ? error.message : String(error)}.` }]);
  }
  if (signedData.encapContentInfo.eContent !== undefined) {
    // pkijs would check the digest of this embedded copy instead of the PDF's bytes (issue 12, usf-20).
    return fail([{ code: 'signature-structure', detail: 'The signature carries its own copy of the signed content; a PDF signature must be detached.' }]);
  }
  if ((signedData.certificates ?? []).length > LIMITS.certificatesPerSignature) {
    throw new VerifyLimitError('too-complex', `A signature carries more than ${String(LIMITS.certificatesPerSignature)} certificates.`);
  }
  const all = (signedData.certificates ?? []).filter((item): item is pkijs.Certificate => item instanceof pkijs.Certificate);
  const certificates = distinct(all);
  if (issuesInALoop(certificates)) throw new VerifyLimitError('too-complex', 'The certificates in a signature vouch for each other in a loop.');
  const ids = certificates.map((c) => `${toHex(derOf(c.issuer))}/${toHex(c.serialNumber.valueBlock.valueHexView)}`);
  if (new Set(ids).size !== ids.length) {
    return fail([{ code: 'signer-certificate', detail: 'Two different certificates in the signature carry the same issuer and serial number.' }]);
  }
  const signerInfo = signedData.signerInfos[0];
  if (signedData.signerInfos.length !== 1 || signerInfo === undefined) return fail([{ code: 'signature-structure', detail: 'The signature must have exactly one signer.' }]);
  const named = namedBy(signerInfo.sid, certificates);
  if (named.length !== 1 || named[0] === undefined) {
    return fail([{ code: 'signer-certificate', detail: named.length === 0 ? 'The signature does not carry the certificate its signer information names.' : 'The signer information names more than one of the certificates carried.' }]);
  }
  const certificate = named[0];
  const problems: VerifyProblem[] = [];
  const verified = await verifyWith(signedData, certificate, data, problems);
  let bound = false;
  if (verified) {
    const hashes = attributeValues(signerInfo, OID_CMS.signingCertificateV2);
    const hash = hashes.length === 1 ? essCertHash(hashes[0]) : null;
    if (hash === null) problems.push({ code: 'certificate-binding', detail: 'The signature does not name its certificate (no single signing-certificate-v2 attribute).' });
    else if (!bytesEqual(hash, await sha256(certificateToDer(certificate)))) problems.push({ code: 'certificate-binding', detail: 'The signature names a different certificate than the one that signed.' });
    else bound = true;
  }
  const times = attributeValues(signerInfo, OID_CMS.signingTime);
  return {
    valid: verified && bound,
    problems,
    certificate,
    others: certificates.filter((item) => item !== certificate),
    signingTime: times.length === 1 ? asDate(times[0]) : null,
  };
}
