// WARNING: decides which certificates a file may be encrypted to. A regression here can send a
// survivor's record to a key nobody in the organisation vouched for, or to someone's signing key.
//
// An encryption certificate (docs/certificate-profile.md): an end-entity certificate for a P-256
// key whose key usage is keyAgreement and nothing else, issued directly by a root this device
// trusts, valid now, with no critical extension this profile does not know.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, sha256, toHex } from '../signing/bytes';
import { KEY_USAGE, isCertificateAuthority, readPartyName } from '../signing/certificates';
import { certificateToDer } from '../signing/pem';
import { cleanName, hasBidiControls } from '../verify/names';
import { EXTENSION, KNOWN_EXTENSIONS } from '../verify/path';
import { OID } from './oids';


/** Why a certificate is not one a file may be encrypted to; each has a sentence in envelope.json (recipient.problem.*). */
export type RecipientProblem = 'not-key-agreement' | 'name-controls' | 'unsupported-key' | 'unknown-critical-extension' | 'expired' | 'not-yet-valid' | 'not-trusted' | 'root-expired';

export interface RecipientDescription {
  /** The person (CN), organisation (O) and role code (title) the certificate names, direction controls removed. */
  readonly name: string;
  readonly organisation: string;
  readonly role: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Hex SHA-256 of the certificate's DER. */
  readonly fingerprint: string;
}

export type RecipientCheck =
  | { readonly ok: true; readonly root: pkijs.Certificate; readonly rootOrganisation: string }
  | { readonly ok: false; readonly problem: RecipientProblem };

function extension(certificate: pkijs.Certificate, oid: string): pkijs.Extension | undefined {
  return certificate.extensions?.find((item) => item.extnID === oid);
}

function keyUsageBits(certificate: pkijs.Certificate): Uint8Array | null {
  const value: unknown = extension(certificate, EXTENSION.keyUsage)?.parsedValue;
  return value instanceof asn1js.BitString ? value.valueBlock.valueHexView : null;
}

function keyId(certificate: pkijs.Certificate, oid: string): Uint8Array | null {
  const value: unknown = extension(certificate, oid)?.parsedValue;
  if (value instanceof asn1js.OctetString) return value.valueBlock.valueHexView;
  if (value instanceof pkijs.AuthorityKeyIdentifier && value.keyIdentifier !== undefined) return value.keyIdentifier.valueBlock.valueHexView;
  return null;
}

export function isP256(certificate: pkijs.Certificate): boolean {
  const { algorithm } = certificate.subjectPublicKeyInfo;
  const parameters: unknown = algorithm.algorithmParams;
  return algorithm.algorithmId === OID.ecPublicKey && parameters instanceof asn1js.ObjectIdentifier && parameters.getValue() === OID.p256;
}

/** True for an end-entity certificate whose only key usage is keyAgreement (never a signing key). */
export function isKeyAgreementOnly(certificate: pkijs.Certificate): boolean {
  const bits = keyUsageBits(certificate);
  return !isCertificateAuthority(certificate) && bits !== null && bits.length === 1 && bits[0] === KEY_USAGE.keyAgreement;
}

/** The profile alone (no issuer, no time): key agreement only, P-256, no unknown critical extension. */
export function profileProblem(certificate: pkijs.Certificate): RecipientProblem | null {
  if (!isKeyAgreementOnly(certificate)) return 'not-key-agreement';
  if (!isP256(certificate)) return 'unsupported-key';
  if ((certificate.extensions ?? []).some((item) => item.critical && !KNOWN_EXTENSIONS.has(item.extnID))) return 'unknown-critical-extension';
  // A name shown in the address book must read as it is stored (as for signing identities).
  const name = readPartyName(certificate.subject);
  if ([name.cn, name.o, name.role].some(hasBidiControls)) return 'name-controls';
  return null;
}

function validityProblem(certificate: pkijs.Certificate, now: Date): 'expired' | 'not-yet-valid' | null {
  if (now.getTime() < certificate.notBefore.value.getTime()) return 'not-yet-valid';
  if (now.getTime() > certificate.notAfter.value.getTime()) return 'expired';
  return null;
}

/** True when `root` (a trusted root, valid now) issued `certificate` directly: names, key identifiers and signature. */
export async function issuedBy(certificate: pkijs.Certificate, root: pkijs.Certificate): Promise<boolean> {
  if (!bytesEqual(new Uint8Array(certificate.issuer.toSchema().toBER(false)), new Uint8Array(root.subject.toSchema().toBER(false)))) return false;
  const wanted = keyId(certificate, EXTENSION.authorityKeyIdentifier);
  const held = keyId(root, EXTENSION.subjectKeyIdentifier);
  if (wanted !== null && held !== null && !bytesEqual(wanted, held)) return false;
  try {
    return await certificate.verify(root);
  } catch {
    return false;
  }
}

/**
 * Decides whether a file may be encrypted to `certificate` now: the profile, its validity, and a
 * root among `trustedRoots` that issued it and is itself valid. Homeward issues no intermediate
 * CAs, so none is accepted here (less trust, never more).
 */
export async function checkRecipientCertificate(certificate: pkijs.Certificate, trustedRoots: readonly pkijs.Certificate[], now: Date): Promise<RecipientCheck> {
  const problem = profileProblem(certificate) ?? validityProblem(certificate, now);
  if (problem !== null) return { ok: false, problem };
  for (const root of trustedRoots) {
    if (!(await issuedBy(certificate, root))) continue;
    if (validityProblem(root, now) !== null) return { ok: false, problem: 'root-expired' };
    const name = readPartyName(root.subject);
    return { ok: true, root, rootOrganisation: cleanName(name.o || name.cn).text };
  }
  return { ok: false, problem: 'not-trusted' };
}

/** What the address book shows about a certificate (names cleaned of direction controls). */
export async function describeRecipient(certificate: pkijs.Certificate): Promise<RecipientDescription> {
  const name = readPartyName(certificate.subject);
  return {
    name: cleanName(name.cn).text,
    organisation: cleanName(name.o).text,
    role: cleanName(name.role).text,
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    fingerprint: toHex(await sha256(certificateToDer(certificate))),
  };
}
