// WARNING: certificates decide who a signature is attributed to and whether it is trusted. A
// regression here (wrong key usage, wrong issuer, a lost "not verified" marker) misattributes
// signatures or makes validators such as pdfsig reject them.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { sha256, toArrayBuffer } from './bytes';
import { hasBidiControls } from '../verify/names';
import { CertificateFormatError } from './pem';
import { SIGNING_HASH } from './keys';

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  title: '2.5.4.12',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  extensionRequest: '1.2.840.113549.1.9.14',
} as const;

/** Shown in the subject (OU) of a self-signed caseworker identity, and in every validator's DN. */
export const NOT_ORGANISATION_VERIFIED = 'Self-declared identity, not verified by the organisation';

export interface PartyName {
  /** Person (caseworker) or CA display name. */
  readonly cn: string;
  /** Organisation. */
  readonly o: string;
  /** The person's role code (src/case/roles.ts), as subject title; absent for a CA. */
  readonly role?: string;
}

export interface ValidityOptions {
  readonly now?: Date;
  readonly validityDays?: number;
}

const DAY_MS = 86_400_000;
/** Key usage bits of the first octet (RFC 5280 4.2.1.3, bit 0 is 0x80). */
export const KEY_USAGE = { digitalSignature: 0x80, nonRepudiation: 0x40, keyAgreement: 0x08, keyCertSign: 0x04, cRLSign: 0x02 } as const;

/**
 * X.500 name with one attribute per RDN (O, [OU], CN). pkijs would put every attribute into one
 * multi-valued RDN ("O=…+CN=…"), which validators display oddly, so the DER is built here.
 */
function makeName(name: PartyName, unit?: string): pkijs.RelativeDistinguishedNames {
  const cn = name.cn.trim();
  const o = name.o.trim();
  if (cn === '' || o === '') throw new CertificateFormatError('A certificate needs both a person/CA name and an organisation.');
  // A name shown to reviewers must read as it is stored: no hidden text-direction controls (issue 12).
  if (hasBidiControls(cn) || hasBidiControls(o)) throw new CertificateFormatError('A certificate name cannot contain text-direction control characters.');
  const parts: [string, string][] = [[OID.organization, o]];
  if (unit !== undefined) parts.push([OID.organizationalUnit, unit]);
  const role = name.role?.trim() ?? '';
  if (role !== '') {
    if (hasBidiControls(role)) throw new CertificateFormatError('A certificate name cannot contain text-direction control characters.');
    parts.push([OID.title, role]);
  }
  parts.push([OID.commonName, cn]);
  const sequence = new asn1js.Sequence({
    value: parts.map(([type, value]) => new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) }).toSchema()] })),
  });
  return pkijs.RelativeDistinguishedNames.fromBER(sequence.toBER(false));
}

function readAttribute(name: pkijs.RelativeDistinguishedNames, type: string): string {
  const found = name.typesAndValues.find((item) => item.type === type);
  const value: unknown = found?.value.valueBlock.value;
  return typeof value === 'string' ? value : '';
}

/** CN, O, OU and title (role) of a certificate's subject (or of any X.500 name). */
export function readPartyName(name: pkijs.RelativeDistinguishedNames): { readonly cn: string; readonly o: string; readonly ou: string; readonly role: string } {
  return { cn: readAttribute(name, OID.commonName), o: readAttribute(name, OID.organization), ou: readAttribute(name, OID.organizationalUnit), role: readAttribute(name, OID.title) };
}

/** True when the subject carries the "not verified by the organisation" marker. */
export function isSelfDeclared(certificate: pkijs.Certificate): boolean {
  return readPartyName(certificate.subject).ou === NOT_ORGANISATION_VERIFIED;
}

/** A positive, random 127-bit serial number (RFC 5280 allows up to 20 octets). */
function randomSerial(): asn1js.Integer {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return new asn1js.Integer({ valueHex: toArrayBuffer(bytes) });
}

function keyUsageExtension(bits: number): pkijs.Extension {
  // DER: the number of unused trailing bits in the single octet must be exact.
  let unusedBits = 0;
  while (unusedBits < 7 && ((bits >> unusedBits) & 1) === 0) unusedBits += 1;
  const value = new asn1js.BitString({ valueHex: toArrayBuffer(new Uint8Array([bits])), unusedBits });
  return new pkijs.Extension({ extnID: OID.keyUsage, critical: true, extnValue: value.toBER(false), parsedValue: value });
}

function basicConstraintsExtension(cA: boolean): pkijs.Extension {
  const value = new pkijs.BasicConstraints({ cA });
  return new pkijs.Extension({ extnID: OID.basicConstraints, critical: true, extnValue: value.toSchema().toBER(false), parsedValue: value });
}

async function keyIdentifier(spki: pkijs.PublicKeyInfo): Promise<Uint8Array> {
  // RFC 7093 method 1: leftmost 160 bits of the SHA-256 of the subjectPublicKey bits.
  return (await sha256(spki.subjectPublicKey.valueBlock.valueHexView)).slice(0, 20);
}

async function keyIdExtensions(subject: pkijs.PublicKeyInfo, issuer: pkijs.PublicKeyInfo): Promise<pkijs.Extension[]> {
  const ski = new asn1js.OctetString({ valueHex: toArrayBuffer(await keyIdentifier(subject)) });
  const aki = new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(await keyIdentifier(issuer)) }) });
  return [
    new pkijs.Extension({ extnID: OID.subjectKeyIdentifier, critical: false, extnValue: ski.toBER(false), parsedValue: ski }),
    new pkijs.Extension({ extnID: OID.authorityKeyIdentifier, critical: false, extnValue: aki.toSchema().toBER(false), parsedValue: aki }),
  ];
}

function setValidity(certificate: pkijs.Certificate, options: ValidityOptions, defaultDays: number): void {
  const now = options.now ?? new Date();
  const days = options.validityDays ?? defaultDays;
  if (!Number.isFinite(days) || days <= 0) throw new RangeError('validityDays must be a positive number.');
  // Back-date by an hour so a device whose clock is slightly behind can still validate.
  certificate.notBefore.value = new Date(now.getTime() - 3_600_000);
  certificate.notAfter.value = new Date(now.getTime() + days * DAY_MS);
}

async function signCertificate(
  certificate: pkijs.Certificate,
  subjectKey: pkijs.PublicKeyInfo,
  issuerKey: pkijs.PublicKeyInfo,
  signingKey: CryptoKey,
  extensions: pkijs.Extension[],
): Promise<pkijs.Certificate> {
  certificate.version = 2;
  certificate.serialNumber = randomSerial();
  certificate.subjectPublicKeyInfo = subjectKey;
  certificate.extensions = [...extensions, ...(await keyIdExtensions(subjectKey, issuerKey))];
  await certificate.sign(signingKey, SIGNING_HASH);
  return certificate;
}

async function publicKeyInfo(publicKey: CryptoKey): Promise<pkijs.PublicKeyInfo> {
  const info = new pkijs.PublicKeyInfo();
  await info.importKey(publicKey);
  return info;
}

/**
 * A self-signed caseworker certificate, usable until the organisation issues one. Its subject carries
 * OU = NOT_ORGANISATION_VERIFIED so every validator shows that the identity is only self-declared.
 */
export async function createSelfSignedCertificate(keys: CryptoKeyPair, name: PartyName, options: ValidityOptions = {}): Promise<pkijs.Certificate> {
  const certificate = new pkijs.Certificate();
  certificate.subject = makeName(name, NOT_ORGANISATION_VERIFIED);
  certificate.issuer = makeName(name, NOT_ORGANISATION_VERIFIED);
  setValidity(certificate, options, 365 * 2);
  const spki = await publicKeyInfo(keys.publicKey);
  return signCertificate(certificate, spki, spki, keys.privateKey, [
    basicConstraintsExtension(false),
    keyUsageExtension(KEY_USAGE.digitalSignature | KEY_USAGE.nonRepudiation),
  ]);
}

/** An organisation root CA (self-signed, CA:true, keyCertSign + cRLSign). */
export async function createRootCertificate(keys: CryptoKeyPair, name: PartyName, options: ValidityOptions = {}): Promise<pkijs.Certificate> {
  const certificate = new pkijs.Certificate();
  certificate.subject = makeName(name);
  certificate.issuer = makeName(name);
  setValidity(certificate, options, 365 * 10);
  const spki = await publicKeyInfo(keys.publicKey);
  return signCertificate(certificate, spki, spki, keys.privateKey, [
    basicConstraintsExtension(true),
    keyUsageExtension(KEY_USAGE.keyCertSign | KEY_USAGE.cRLSign),
  ]);
}

/**
 * A PKCS#10 request naming the caseworker, signed with their (non-extractable) key. `attributes`
 * travel signed with it (the encryption key that asks to be certified beside the signing key).
 */
export async function createCertificationRequest(keys: CryptoKeyPair, name: PartyName, attributes: readonly pkijs.Attribute[] = []): Promise<pkijs.CertificationRequest> {
  const request = new pkijs.CertificationRequest();
  request.subject = makeName(name);
  request.subjectPublicKeyInfo = await publicKeyInfo(keys.publicKey);
  request.attributes = [...attributes];
  await request.sign(keys.privateKey, SIGNING_HASH);
  return request;
}

export interface IssueOptions extends ValidityOptions {
  /** The root (or intermediate) certificate that issues. */
  readonly issuerCertificate: pkijs.Certificate;
  /** Its private key. */
  readonly issuerKey: CryptoKey;
}

/**
 * Issues a caseworker signing certificate from a PKCS#10 request. The request's own signature is
 * checked first (proof that the requester holds the key); its subject (CN, O) is copied as is.
 */
export async function issueCertificate(request: pkijs.CertificationRequest, options: IssueOptions): Promise<pkijs.Certificate> {
  const proofOfPossession = await request.verify().catch(() => false);
  if (!proofOfPossession) throw new CertificateFormatError('The certificate request is not signed by its own key; ask for a new request.');
  const requested = readPartyName(request.subject);
  if (requested.cn === '' || requested.o === '') throw new CertificateFormatError('The certificate request must name a person (CN) and an organisation (O).');
  if (!isCertificateAuthority(options.issuerCertificate)) throw new CertificateFormatError('The issuing certificate is not a certificate authority.');

  const certificate = new pkijs.Certificate();
  certificate.subject = copyName(request.subject);
  certificate.issuer = copyName(options.issuerCertificate.subject);
  setValidity(certificate, options, 365 * 2);
  return signCertificate(certificate, request.subjectPublicKeyInfo, options.issuerCertificate.subjectPublicKeyInfo, options.issuerKey, [
    basicConstraintsExtension(false),
    keyUsageExtension(KEY_USAGE.digitalSignature | KEY_USAGE.nonRepudiation),
  ]);
}

/** What an end-entity certificate other than a signing certificate is for. */
export interface EndEntityProfile {
  /** Key usage bits (KEY_USAGE), marked critical. */
  readonly keyUsage: number;
  /** Extended key usage purposes (dotted OIDs), not critical; none when absent. */
  readonly extKeyUsage?: readonly string[];
}

/**
 * Issues an end-entity certificate for `publicKey` under `subject` with the given purpose (an
 * encryption certificate beside a signing one, the signer of an organisation kit). The caller
 * decides the subject; the issuer must be a certificate authority.
 */
export async function issueEndEntityCertificate(
  subject: pkijs.RelativeDistinguishedNames | PartyName,
  publicKey: pkijs.PublicKeyInfo | CryptoKey,
  profile: EndEntityProfile,
  options: IssueOptions,
): Promise<pkijs.Certificate> {
  if (!isCertificateAuthority(options.issuerCertificate)) throw new CertificateFormatError('The issuing certificate is not a certificate authority.');
  const certificate = new pkijs.Certificate();
  certificate.subject = subject instanceof pkijs.RelativeDistinguishedNames ? copyName(subject) : makeName(subject);
  certificate.issuer = copyName(options.issuerCertificate.subject);
  setValidity(certificate, options, 365 * 2);
  const spki = publicKey instanceof pkijs.PublicKeyInfo ? publicKey : await publicKeyInfo(publicKey);
  const extensions = [basicConstraintsExtension(false), keyUsageExtension(profile.keyUsage)];
  if (profile.extKeyUsage !== undefined) {
    const value = new pkijs.ExtKeyUsage({ keyPurposes: [...profile.extKeyUsage] });
    extensions.push(new pkijs.Extension({ extnID: OID.extKeyUsage, critical: false, extnValue: value.toSchema().toBER(false), parsedValue: value }));
  }
  return signCertificate(certificate, spki, options.issuerCertificate.subjectPublicKeyInfo, options.issuerKey, extensions);
}

/** A deep copy through DER, so the issued certificate carries the exact encoding of the name. */
function copyName(name: pkijs.RelativeDistinguishedNames): pkijs.RelativeDistinguishedNames {
  return pkijs.RelativeDistinguishedNames.fromBER(name.toSchema().toBER(false));
}

export function isCertificateAuthority(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((item) => item.extnID === OID.basicConstraints);
  return extension?.parsedValue instanceof pkijs.BasicConstraints && extension.parsedValue.cA;
}

/** True when subject == issuer and the certificate's signature verifies with its own key. */
export async function isSelfSigned(certificate: pkijs.Certificate): Promise<boolean> {
  if (!certificate.subject.isEqual(certificate.issuer)) return false;
  try {
    return await certificate.verify();
  } catch {
    return false;
  }
}
