// Identities for the suite. Genuine ones come from the app's own certificate code (an organisation
// root, certificates it issues from PKCS#10 requests, self-signed caseworkers); hostile ones are
// built here with pkijs so that every field an attacker controls can be set.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { sha256, toArrayBuffer } from '../../../src/export/signing/bytes';
import {
  createCertificationRequest,
  createRootCertificate,
  createSelfSignedCertificate,
  issueCertificate,
} from '../../../src/export/signing/certificates';
import { generateSigningKeyPair } from '../../../src/export/signing/keys';
import { certificateToPem, parseCertificationRequest, requestToPem } from '../../../src/export/signing/pem';

export const ORG = 'Homeward Partner NGO (fictional)';
const DAY = 86_400_000;

export interface Identity {
  readonly privateKey: CryptoKey;
  readonly certificate: pkijs.Certificate;
  /** What the signer puts beside its certificate in the CMS (the app: issuer certificates). */
  readonly chain: readonly pkijs.Certificate[];
}

export interface Organisation {
  readonly root: pkijs.Certificate;
  readonly rootKey: CryptoKey;
  readonly rootPem: string;
  issue(cn: string, options?: { now?: Date; validityDays?: number; o?: string }): Promise<Identity>;
}

/**
 * An organisation root made by the app (createRootCertificate), valid from 2019 for 30 years so
 * that back-dated signatures can be tested; certificates are issued by the app's issueCertificate.
 */
export async function organisation(cn: string, o = ORG): Promise<Organisation> {
  const keys = await generateSigningKeyPair();
  const root = await createRootCertificate(keys, { cn, o }, { now: new Date('2019-01-01T00:00:00Z'), validityDays: 365 * 30 });
  return {
    root,
    rootKey: keys.privateKey,
    rootPem: certificateToPem(root),
    async issue(name, options = {}) {
      const signer = await generateSigningKeyPair();
      // The request travels as a PEM file, as between devices.
      const request = parseCertificationRequest(requestToPem(await createCertificationRequest(signer, { cn: name, o: options.o ?? o })));
      const certificate = await issueCertificate(request, {
        issuerCertificate: root,
        issuerKey: keys.privateKey,
        validityDays: options.validityDays ?? 365,
        ...(options.now === undefined ? {} : { now: options.now }),
      });
      return { privateKey: signer.privateKey, certificate, chain: [root] };
    },
  };
}

/** A self-signed caseworker identity as the app makes it (OU marks it self-declared). */
export async function selfSigned(cn: string, o = ORG): Promise<Identity> {
  const keys = await generateSigningKeyPair();
  return { privateKey: keys.privateKey, certificate: await createSelfSignedCertificate(keys, { cn, o }), chain: [] };
}

const OID = {
  cn: '2.5.4.3',
  o: '2.5.4.10',
  ou: '2.5.4.11',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  ski: '2.5.29.14',
  aki: '2.5.29.35',
} as const;

export const KU = { digitalSignature: 0x80, nonRepudiation: 0x40, keyEncipherment: 0x20, keyAgreement: 0x08, keyCertSign: 0x04, cRLSign: 0x02 } as const;
export const EKU = { serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2', emailProtection: '1.3.6.1.5.5.7.3.4' } as const;

export interface NameParts {
  readonly cn: string;
  readonly o?: string;
  readonly ou?: string;
}

/** O, [OU], CN, one attribute per RDN (the app's layout). */
export function x500(parts: NameParts): pkijs.RelativeDistinguishedNames {
  const items: [string, string][] = [];
  if (parts.o !== undefined) items.push([OID.o, parts.o]);
  if (parts.ou !== undefined) items.push([OID.ou, parts.ou]);
  items.push([OID.cn, parts.cn]);
  const sequence = new asn1js.Sequence({
    value: items.map(([type, value]) => new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) }).toSchema()] })),
  });
  return pkijs.RelativeDistinguishedNames.fromBER(sequence.toBER(false));
}

export interface CertificateSpec {
  readonly subject: NameParts | pkijs.RelativeDistinguishedNames;
  /** The issuing certificate and its key; omitted for a self-signed certificate. */
  readonly issuer?: { readonly certificate: pkijs.Certificate; readonly key: CryptoKey };
  /** An issuer name claimed without the issuer's key (the certificate is signed with its own key). */
  readonly issuerName?: pkijs.RelativeDistinguishedNames;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** Key usage bits; null leaves the extension out. */
  readonly keyUsage?: number | null;
  /** Basic constraints; null leaves the extension out. */
  readonly ca?: { readonly cA: boolean; readonly pathLen?: number } | null;
  readonly extKeyUsage?: readonly string[];
  /** An extension no validator knows, marked critical. */
  readonly unknownCritical?: boolean;
  /** Serial number bytes (an attacker may copy a genuine certificate's). */
  readonly serial?: Uint8Array;
  /** Omit the key identifiers (so issuers are matched by name only). */
  readonly noKeyIds?: boolean;
  /** The subject's key pair (default: a fresh one). */
  readonly keys?: CryptoKeyPair;
  /** The key that signs the certificate when `issuerName` is claimed (default: the subject's own). */
  readonly signWith?: CryptoKey;
}

async function keyId(spki: pkijs.PublicKeyInfo): Promise<ArrayBuffer> {
  return toArrayBuffer((await sha256(spki.subjectPublicKey.valueBlock.valueHexView)).slice(0, 20));
}

function extension(extnID: string, critical: boolean, value: asn1js.AsnType): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

async function extensions(spec: CertificateSpec, subjectKey: pkijs.PublicKeyInfo, issuerKey: pkijs.PublicKeyInfo): Promise<pkijs.Extension[]> {
  const out: pkijs.Extension[] = [];
  const ca = spec.ca === undefined ? { cA: false } : spec.ca;
  if (ca !== null) {
    const constraints = new pkijs.BasicConstraints(ca.pathLen === undefined ? { cA: ca.cA } : { cA: ca.cA, pathLenConstraint: ca.pathLen });
    out.push(extension(OID.basicConstraints, true, constraints.toSchema()));
  }
  const bits = spec.keyUsage === undefined ? KU.digitalSignature | KU.nonRepudiation : spec.keyUsage;
  if (bits !== null) {
    let unused = 0;
    while (unused < 7 && ((bits >> unused) & 1) === 0) unused += 1;
    out.push(extension(OID.keyUsage, true, new asn1js.BitString({ valueHex: toArrayBuffer(new Uint8Array([bits])), unusedBits: unused })));
  }
  if (spec.extKeyUsage !== undefined) {
    out.push(extension(OID.extKeyUsage, false, new asn1js.Sequence({ value: spec.extKeyUsage.map((oid) => new asn1js.ObjectIdentifier({ value: oid })) })));
  }
  if (spec.unknownCritical === true) out.push(extension('1.3.6.1.4.1.55555.1.1', true, new asn1js.Utf8String({ value: 'only for systems that understand it' })));
  if (spec.noKeyIds !== true) {
    out.push(extension(OID.ski, false, new asn1js.OctetString({ valueHex: await keyId(subjectKey) })));
    out.push(extension(OID.aki, false, new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: await keyId(issuerKey) }) }).toSchema()));
  }
  return out;
}

/** Any certificate, self-signed or issued, with every field under the caller's control. */
export async function certificate(spec: CertificateSpec): Promise<Identity & { readonly keys: CryptoKeyPair }> {
  const keys = spec.keys ?? (await generateSigningKeyPair());
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = spec.serial ?? crypto.getRandomValues(new Uint8Array(16)).map((byte, i) => (i === 0 ? (byte & 0x7f) | 1 : byte));
  cert.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(serial) });
  cert.subject = spec.subject instanceof pkijs.RelativeDistinguishedNames ? spec.subject : x500(spec.subject);
  cert.issuer = spec.issuer?.certificate.subject ?? spec.issuerName ?? cert.subject;
  const now = Date.now();
  cert.notBefore.value = spec.notBefore ?? new Date(now - DAY);
  cert.notAfter.value = spec.notAfter ?? new Date(now + 365 * DAY);
  const spki = new pkijs.PublicKeyInfo();
  await spki.importKey(keys.publicKey);
  cert.subjectPublicKeyInfo = spki;
  cert.extensions = await extensions(spec, spki, spec.issuer?.certificate.subjectPublicKeyInfo ?? spki);
  await cert.sign(spec.issuer?.key ?? spec.signWith ?? keys.privateKey, 'SHA-256');
  // Round-trip through DER so the object looks exactly like one read from a file.
  const parsed = new pkijs.Certificate({ schema: asn1js.fromBER(cert.toSchema(true).toBER(false)).result });
  return { keys, privateKey: keys.privateKey, certificate: parsed, chain: spec.issuer === undefined ? [] : [spec.issuer.certificate] };
}

export const pem = (cert: pkijs.Certificate): string => certificateToPem(cert);
