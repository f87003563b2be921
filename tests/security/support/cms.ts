// Hostile CMS SignedData for the universal-forgery and path-confusion classes: the app's own CMS
// with its certificate set rewritten (order, duplicates, extra certificates), signer infos added
// or removed, or a CMS without signed attributes. Certificates are not covered by the signature,
// so rewriting them keeps the signature itself valid.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { concatBytes, toArrayBuffer } from '../../../src/export/signing/bytes';
import { OID_CMS } from '../../../src/export/signing/cms';
import type { Identity } from './pki';
import { appCms } from './sign';
import type { CmsMaker } from './sign';

export function parseCms(der: Uint8Array): pkijs.SignedData {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(toArrayBuffer(der)).result });
  return new pkijs.SignedData({ schema: info.content });
}

export function encodeCms(signedData: pkijs.SignedData): Uint8Array {
  const info = new pkijs.ContentInfo({ contentType: OID_CMS.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** A CMS maker whose result is edited after signing. */
export function editCms(maker: CmsMaker, edit: (signedData: pkijs.SignedData) => void | Promise<void>): CmsMaker {
  return async (ranges) => {
    const signedData = parseCms(await maker(ranges));
    await edit(signedData);
    return encodeCms(signedData);
  };
}

/** The app's CMS for `identity`, carrying exactly `certificates` (in this order) instead. */
export function cmsWithCertificates(identity: Identity, certificates: readonly pkijs.Certificate[], maker: CmsMaker = appCms(identity)): CmsMaker {
  return editCms(maker, (signedData) => {
    signedData.certificates = [...certificates];
  });
}

/** Two complete signer infos (both valid over the ranges), certificates of both. */
export function cmsTwoSigners(first: Identity, second: Identity): CmsMaker {
  return async (ranges) => {
    const a = parseCms(await appCms(first)(ranges));
    const b = parseCms(await appCms(second)(ranges));
    a.signerInfos.push(...b.signerInfos);
    a.certificates = [...(a.certificates ?? []), ...(b.certificates ?? [])];
    return encodeCms(a);
  };
}

/** A valid signature made directly over the data, without signed attributes (no ESS binding). */
export function cmsWithoutSignedAttributes(identity: Identity): CmsMaker {
  return async (ranges) => {
    const signedData = parseCms(await appCms(identity)(ranges));
    const info = signedData.signerInfos[0];
    if (info === undefined) throw new Error('no signer info');
    delete info.signedAttrs;
    // Without signed attributes pkijs signs the content itself.
    await signedData.sign(identity.privateKey, 0, 'SHA-256', toArrayBuffer(concatBytes(ranges)));
    return encodeCms(signedData);
  };
}

/** The signer's CMS computed over other bytes (a CMS transplanted from another document). */
export function cmsOverOtherBytes(identity: Identity, other: readonly Uint8Array[]): CmsMaker {
  return () => appCms(identity)(other);
}

/**
 * The app's CMS for `identity`, its signer named by subject key identifier instead of issuer and
 * serial number (RFC 5652 5.3: sid [0], SignerInfo and SignedData version 3), using the value of
 * the certificate's own subjectKeyIdentifier extension. The sid is not signed: the signature stays valid.
 */
export function cmsWithKeyIdentifierSigner(identity: Identity): CmsMaker {
  const extension = (identity.certificate.extensions ?? []).find((item) => item.extnID === '2.5.29.14');
  if (!(extension?.parsedValue instanceof asn1js.OctetString)) throw new Error('the certificate has no subject key identifier');
  const keyId = extension.parsedValue.valueBlock.valueHexView.slice();
  return editCms(appCms(identity), (signedData) => {
    const info = signedData.signerInfos[0];
    if (info === undefined) throw new Error('no signer info');
    info.sid = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: toArrayBuffer(keyId) });
    info.version = 3;
    signedData.version = 3;
  });
}
