// WARNING: signature verification. A bug here can show a forged or altered summary as valid.
// Every failure path must end in a problem string and `valid: false`, never in a thrown error.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, concatBytes, sha256, toArrayBuffer } from '../signing/bytes';
import { isSelfSigned, readPartyName } from '../signing/certificates';
import { OID_CMS } from '../signing/cms';
import { certificateToDer } from '../signing/pem';

export type ChainStatus = 'trusted' | 'self-signed' | 'untrusted';

export interface CmsCheck {
  readonly valid: boolean;
  readonly problems: string[];
  readonly signer: { readonly cn: string; readonly o: string } | null;
  readonly signingTime: Date | null;
  readonly certificate: pkijs.Certificate | null;
  readonly certificates: pkijs.Certificate[];
}

function parseSignedData(contents: Uint8Array): pkijs.SignedData {
  const { offset, result } = asn1js.fromBER(toArrayBuffer(contents));
  if (offset === -1 || result.error !== '') throw new Error('the signature data is not valid ASN.1');
  // /Contents is zero-padded after the DER; anything else there is suspicious.
  if (contents.subarray(offset).some((byte) => byte !== 0)) throw new Error('unexpected data after the signature');
  const info = new pkijs.ContentInfo({ schema: result });
  if (info.contentType !== OID_CMS.signedData) throw new Error('the signature is not CMS SignedData');
  return new pkijs.SignedData({ schema: info.content });
}

function attribute(signerInfo: pkijs.SignerInfo, type: string): asn1js.AsnType | undefined {
  return signerInfo.signedAttrs?.attributes.find((item) => item.type === type)?.values[0] as asn1js.AsnType | undefined;
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
  if (algorithm instanceof asn1js.ObjectIdentifier && algorithm.getValue() === '2.16.840.1.101.3.4.2.1' && next instanceof asn1js.OctetString) {
    return next.valueBlock.valueHexView;
  }
  return null;
}

function asDate(value: asn1js.AsnType | undefined): Date | null {
  return value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime ? value.toDate() : null;
}

/** Verifies the CMS over the signed ranges: digest, signature over signed attributes, ESS binding. */
export async function checkCms(contents: Uint8Array, ranges: readonly Uint8Array[]): Promise<CmsCheck> {
  const problems: string[] = [];
  let signedData: pkijs.SignedData;
  try {
    signedData = parseSignedData(contents);
  } catch (error) {
    return { valid: false, problems: [`The signature cannot be read: ${error instanceof Error ? error.message : String(error)}.`], signer: null, signingTime: null, certificate: null, certificates: [] };
  }
  const certificates = (signedData.certificates ?? []).filter((item): item is pkijs.Certificate => item instanceof pkijs.Certificate);
  const signerInfo = signedData.signerInfos[0];
  if (signedData.signerInfos.length !== 1 || signerInfo === undefined) problems.push('The signature must have exactly one signer.');
  let certificate: pkijs.Certificate | null = null;
  let verified = false;
  try {
    const result = await signedData.verify({ signer: 0, data: toArrayBuffer(concatBytes(ranges)), extendedMode: true, checkChain: false });
    certificate = result.signerCertificate ?? null;
    verified = result.signatureVerified === true;
    if (!verified) problems.push('The cryptographic signature does not match the signer’s certificate.');
  } catch (error) {
    if (error instanceof pkijs.SignedDataVerifyError) certificate = error.signerCertificate;
    const message = error instanceof Error ? error.message : String(error);
    problems.push(/digest/i.test(message) ? 'The signed content was modified: its digest does not match the signature (Message digest mismatch).' : `The signature does not verify: ${message}.`);
  }
  let bound = false;
  if (certificate !== null && signerInfo !== undefined) {
    const hash = essCertHash(attribute(signerInfo, OID_CMS.signingCertificateV2));
    if (hash === null) problems.push('The signature does not name its certificate (no signing-certificate-v2 attribute).');
    else if (!bytesEqual(hash, await sha256(certificateToDer(certificate)))) problems.push('The signature names a different certificate than the one attached.');
    else bound = true;
  }
  const signingTime = signerInfo === undefined ? null : asDate(attribute(signerInfo, OID_CMS.signingTime));
  const name = certificate === null ? null : readPartyName(certificate.subject);
  return {
    valid: verified && bound && problems.length === 0,
    problems,
    signer: name === null ? null : { cn: name.cn, o: name.o },
    signingTime,
    certificate,
    certificates,
  };
}

/** Chain to one of the reviewer's trusted roots, at the signing time the signer claims. */
export async function checkChain(
  certificate: pkijs.Certificate,
  certificates: readonly pkijs.Certificate[],
  trustedRoots: readonly pkijs.Certificate[],
  checkDate: Date,
): Promise<{ chain: ChainStatus; problems: string[] }> {
  let reason = 'no trusted roots were given';
  if (trustedRoots.length > 0) {
    try {
      const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: [...trustedRoots], certs: [...certificates, certificate], checkDate });
      const result = await engine.verify();
      if (result.result) return { chain: 'trusted', problems: [] };
      reason = result.resultMessage;
    } catch (error) {
      reason = error instanceof Error ? error.message : String((error as { resultMessage?: unknown } | null)?.resultMessage ?? error);
    }
  }
  if (await isSelfSigned(certificate)) {
    return { chain: 'self-signed', problems: ['The signer’s identity is self-declared: it has not been verified by an organisation you trust.'] };
  }
  return {
    chain: 'untrusted',
    problems: [`The signer’s certificate does not chain to an organisation root you trust at the signing time ${checkDate.toISOString()} (${reason}).`],
  };
}
