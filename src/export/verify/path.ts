// WARNING: trust decisions. "Trusted" must mean: a path that starts with exactly the signer's own
// certificate and ends at a root this device trusts, every link's signature checked, every CA a CA
// within its path length, every certificate within the profile (docs/certificate-profile.md) and
// valid both now and at the time the signer claims. pkijs's CertificateChainValidationEngine is not
// used: it validates the certificates handed to it as a set and checks whichever is last, which let
// a foreign signer borrow a genuine certificate (issue 12), and it loops on two CAs issuing each other.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, sha256, toHex } from '../signing/bytes';
import { certificateToDer } from '../signing/pem';
import { readPartyName } from '../signing/certificates';
import { LIMITS, VerifyLimitError } from './limits';
import { cleanName } from './names';
import type { TrustProblem, TrustReport, TrustedRootInfo } from './report';
import { derOf } from './signer';

/** The certificate extensions Homeward reads; a critical extension outside this list is refused everywhere. */
export const EXTENSION = {
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  certificatePolicies: '2.5.29.32',
} as const;
export const KNOWN_EXTENSIONS: ReadonlySet<string> = new Set<string>(Object.values(EXTENSION));

const OID = {
  ...EXTENSION,
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
} as const;

/** Extensions this profile understands; any other critical extension makes a certificate unusable. */

/** Purposes a signer's EKU may name: any, document signing (RFC 9336), Adobe's PDF signing, e-mail protection. */
const SIGNING_PURPOSES = new Set(['2.5.29.37.0', '1.3.6.1.5.5.7.3.36', '1.2.840.113583.1.1.5', '1.3.6.1.5.5.7.3.4']);

const KU = { digitalSignature: 0x80, nonRepudiation: 0x40, keyCertSign: 0x04 } as const;

/** A claimed time this far past the verifying device's clock is "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface TrustAnchor {
  readonly certificate: pkijs.Certificate;
  readonly der: Uint8Array;
  readonly info: TrustedRootInfo;
}

/** Prepares the device's trusted roots once per verification (fingerprint and display names). */
export async function trustAnchors(roots: readonly pkijs.Certificate[]): Promise<TrustAnchor[]> {
  return Promise.all(
    roots.map(async (certificate) => {
      const der = certificateToDer(certificate);
      const name = readPartyName(certificate.subject);
      const organisation = cleanName(name.o || name.cn).text;
      return { certificate, der, info: { fingerprint: toHex(await sha256(der)), organisation, name: cleanName(name.cn).text } };
    }),
  );
}

function extension(certificate: pkijs.Certificate, oid: string): pkijs.Extension | undefined {
  return certificate.extensions?.find((item) => item.extnID === oid);
}

function keyUsageBits(certificate: pkijs.Certificate): number | null {
  const value: unknown = extension(certificate, OID.keyUsage)?.parsedValue;
  return value instanceof asn1js.BitString ? (value.valueBlock.valueHexView[0] ?? 0) : null;
}

function basicConstraints(certificate: pkijs.Certificate): { present: boolean; cA: boolean; pathLen: number | null } {
  const value: unknown = extension(certificate, OID.basicConstraints)?.parsedValue;
  if (!(value instanceof pkijs.BasicConstraints)) return { present: false, cA: false, pathLen: null };
  const pathLen = typeof value.pathLenConstraint === 'number' ? value.pathLenConstraint : value.pathLenConstraint instanceof asn1js.Integer ? value.pathLenConstraint.valueBlock.valueDec : null;
  return { present: true, cA: value.cA, pathLen };
}

function hasUnknownCritical(certificate: pkijs.Certificate): boolean {
  return (certificate.extensions ?? []).some((item) => item.critical && !KNOWN_EXTENSIONS.has(item.extnID));
}

function isP256(certificate: pkijs.Certificate): boolean {
  const { algorithm } = certificate.subjectPublicKeyInfo;
  const parameters: unknown = algorithm.algorithmParams;
  return algorithm.algorithmId === OID.ecPublicKey && parameters instanceof asn1js.ObjectIdentifier && parameters.getValue() === OID.p256;
}

/** What the signer's own certificate must be: an end-entity signing certificate of the profile. */
function signerProblems(certificate: pkijs.Certificate): TrustProblem[] {
  const problems: TrustProblem[] = [];
  if (!isP256(certificate)) problems.push('unsupported-key');
  const constraints = basicConstraints(certificate);
  if (constraints.cA) problems.push('signer-is-ca');
  else if (!constraints.present) problems.push('basic-constraints');
  const bits = keyUsageBits(certificate);
  if (bits === null || (bits & (KU.digitalSignature | KU.nonRepudiation)) === 0) problems.push('key-usage');
  const eku: unknown = extension(certificate, OID.extKeyUsage)?.parsedValue;
  if (eku instanceof pkijs.ExtKeyUsage && !eku.keyPurposes.some((purpose) => SIGNING_PURPOSES.has(purpose))) problems.push('extended-key-usage');
  else if (extension(certificate, OID.extKeyUsage) !== undefined && !(eku instanceof pkijs.ExtKeyUsage)) problems.push('extended-key-usage');
  if (hasUnknownCritical(certificate)) problems.push('unknown-critical-extension');
  return problems;
}

function validAt(certificate: pkijs.Certificate, at: Date): boolean {
  return certificate.notBefore.value.getTime() <= at.getTime() && at.getTime() <= certificate.notAfter.value.getTime();
}

function keyIdOf(certificate: pkijs.Certificate, oid: string): Uint8Array | null {
  const value: unknown = extension(certificate, oid)?.parsedValue;
  if (value instanceof asn1js.OctetString) return value.valueBlock.valueHexView;
  if (value instanceof pkijs.AuthorityKeyIdentifier && value.keyIdentifier !== undefined) return value.keyIdentifier.valueBlock.valueHexView;
  return null;
}

async function signedBy(child: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  try {
    return await child.verify(issuer);
  } catch {
    return false;
  }
}

/** Why `issuer` cannot issue below it at `depth` CAs under it, or null when it can. */
function issuerProblem(issuer: pkijs.Certificate, casBelow: number): TrustProblem | null {
  const constraints = basicConstraints(issuer);
  if (!constraints.cA) return 'not-a-ca';
  const bits = keyUsageBits(issuer);
  if (bits === null || (bits & KU.keyCertSign) === 0) return 'not-a-ca';
  if (constraints.pathLen !== null && casBelow > constraints.pathLen) return 'path-length';
  if (hasUnknownCritical(issuer)) return 'unknown-critical-extension';
  return null;
}

export async function isSelfIssuedAndSigned(certificate: pkijs.Certificate): Promise<boolean> {
  return bytesEqual(derOf(certificate.subject), derOf(certificate.issuer)) && (await signedBy(certificate, certificate));
}

/** Issuer signatures checked per path search: far more than any real path needs. */
const MAX_LINK_CHECKS = 32;

interface Search {
  links: number;
  readonly anchors: readonly TrustAnchor[];
  readonly others: readonly pkijs.Certificate[];
  /** Issuers already tried (by DER): each is expanded once, so a cycle or a fan of look-alikes ends. */
  readonly tried: Uint8Array[];
  readonly problems: Set<TrustProblem>;
  readonly check: () => void;
}

/**
 * Depth-first search for a path from `current` (the signer, or a CA above it) to an anchor.
 * Returns the certificates above `current` (anchor last) and the anchor, or null.
 */
async function findPath(current: pkijs.Certificate, path: pkijs.Certificate[], search: Search): Promise<{ above: pkijs.Certificate[]; anchor: TrustAnchor } | null> {
  search.check();
  if (path.length >= LIMITS.pathLength) throw new VerifyLimitError('too-complex', `The signer's certificate path is longer than ${String(LIMITS.pathLength)} certificates.`);
  const issuerName = derOf(current.issuer);
  // A self-issued certificate that is not a trusted root ends the search: an untrusted root.
  if (path.length > 1 && bytesEqual(derOf(current.subject), issuerName)) return null;
  const wantedKeyId = keyIdOf(current, OID.authorityKeyIdentifier);
  const casBelow = path.length - 1; // CAs already under the next issuer (the signer is not one)
  const candidates: (pkijs.Certificate | TrustAnchor)[] = [...search.anchors, ...search.others];
  for (const candidate of candidates) {
    const certificate = 'info' in candidate ? candidate.certificate : candidate;
    const der = 'info' in candidate ? candidate.der : certificateToDer(candidate);
    if (!bytesEqual(derOf(certificate.subject), issuerName)) continue;
    if (path.some((item) => bytesEqual(certificateToDer(item), der))) throw new VerifyLimitError('too-complex', 'The certificates in a signature vouch for each other in a loop.');
    const ski = keyIdOf(certificate, OID.subjectKeyIdentifier);
    if (wantedKeyId !== null && ski !== null && !bytesEqual(wantedKeyId, ski)) continue;
    if (!('info' in candidate) && search.tried.some((item) => bytesEqual(item, der))) continue;
    if (!('info' in candidate)) search.tried.push(der);
    const problem = issuerProblem(certificate, casBelow);
    if (problem !== null) {
      search.problems.add(problem);
      continue;
    }
    search.links += 1;
    if (search.links > MAX_LINK_CHECKS) throw new VerifyLimitError('too-complex', 'The certificates in a signature offer too many possible paths to check.');
    if (!(await signedBy(current, certificate))) {
      search.problems.add('bad-issuer-signature');
      continue;
    }
    if ('info' in candidate) return { above: [certificate], anchor: candidate };
    const rest = await findPath(certificate, [...path, certificate], search);
    if (rest !== null) return { above: [certificate, ...rest.above], anchor: rest.anchor };
  }
  return null;
}

export interface TrustTimes {
  /** The verifying device's clock. */
  readonly now: Date;
  /** The signing time the signer claims, if any. */
  readonly claimed: Date | null;
}

/**
 * Decides whether the signer's own certificate is vouched for by a trusted root, now and at the
 * claimed signing time. `others` are the CMS's other certificates: candidate intermediates only.
 * Throws VerifyLimitError for a loop, an over-long path or too many candidate paths: the file is
 * then refused as a whole.
 */
export async function checkTrust(signer: pkijs.Certificate, others: readonly pkijs.Certificate[], anchors: readonly TrustAnchor[], times: TrustTimes, check: () => void): Promise<TrustReport> {
  const problems = new Set<TrustProblem>(signerProblems(signer));
  if (times.claimed !== null && times.claimed.getTime() > times.now.getTime() + CLOCK_SKEW_MS) problems.add('claimed-time-in-future');
  const selfSigned = await isSelfIssuedAndSigned(signer);
  if (selfSigned) return { status: 'self-signed', problems: ['self-signed', ...problems] };
  if (anchors.length === 0) return { status: 'untrusted', problems: ['no-trusted-roots', ...problems] };

  const search: Search = { links: 0, anchors, others: others.slice(0, LIMITS.certificatesPerSignature), tried: [], problems: new Set(), check };
  const found = await findPath(signer, [signer], search);
  if (found === null) return { status: 'untrusted', problems: ['no-path', ...problems, ...search.problems] };

  const path = [signer, ...found.above];
  if (!path.every((certificate) => validAt(certificate, times.now))) problems.add('expired-now');
  const { claimed } = times;
  if (claimed !== null && !path.every((certificate) => validAt(certificate, claimed))) problems.add('not-valid-at-claimed-time');
  if (problems.size > 0) return { status: 'untrusted', problems: [...problems] };
  return { status: 'trusted', root: found.anchor.info, pathLength: path.length };
}
