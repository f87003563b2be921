// WARNING: CMS signing. This builds the exact bytes validators check (pdfsig/NSS, Acrobat, OpenSSL,
// our verifier). Changing attributes, their encoding or the digest breaks every new signature.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { concatBytes, sha256, toArrayBuffer } from './bytes';
import { SIGNING_HASH } from './keys';
import { certificateToDer } from './pem';

export const OID_CMS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

export interface CmsSignOptions {
  readonly privateKey: CryptoKey;
  readonly certificate: pkijs.Certificate;
  /** Issuer certificates up to (and usually including) the root, so validators can build the path. */
  readonly chain: readonly pkijs.Certificate[];
}

/**
 * ESS signing-certificate-v2 (RFC 5035): binds the signature to the signer's certificate, so a
 * different certificate with the same key cannot be substituted. SHA-256 is the default hash, so
 * hashAlgorithm is omitted (DER).
 */
async function signingCertificateV2(certificate: pkijs.Certificate): Promise<asn1js.Sequence> {
  const certHash = await sha256(certificateToDer(certificate));
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        // GeneralNames with one directoryName [4] (explicit, since Name is a CHOICE)
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] })],
      }),
      new asn1js.Integer({ valueHex: certificate.serialNumber.valueBlock.valueHexView.slice().buffer }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/**
 * Detached CMS SignedData (CAdES-style signed attributes) over the concatenated byte ranges.
 * No signing-time attribute: the PAdES baseline (ETSI EN 319 142-1, for SubFilter
 * ETSI.CAdES.detached) forbids it and puts the claimed signing time in the signature
 * dictionary's /M, which the placeholder writes and pdfsig and our verifier read.
 */
export async function createDetachedCms(ranges: readonly Uint8Array[], options: CmsSignOptions): Promise<Uint8Array> {
  const digest = await sha256(concatBytes(ranges));
  const { certificate } = options;
  const attributes = [
    new pkijs.Attribute({ type: OID_CMS.contentType, values: [new asn1js.ObjectIdentifier({ value: OID_CMS.data })] }),
    new pkijs.Attribute({ type: OID_CMS.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
    new pkijs.Attribute({ type: OID_CMS.signingCertificateV2, values: [await signingCertificateV2(certificate)] }),
  ];
  // DER: a SET OF is sorted by the encodings of its elements. Validators that re-encode the signed
  // attributes (rather than hashing them as received) would otherwise compute different bytes.
  attributes.sort((a, b) => compareBytes(new Uint8Array(a.toSchema().toBER(false)), new Uint8Array(b.toSchema().toBER(false))));
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_CMS.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: [certificate, ...options.chain.filter((item) => !item.subject.isEqual(certificate.subject) || !item.serialNumber.isEqual(certificate.serialNumber))],
  });
  await signedData.sign(options.privateKey, 0, SIGNING_HASH);
  const contentInfo = new pkijs.ContentInfo({ contentType: OID_CMS.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
