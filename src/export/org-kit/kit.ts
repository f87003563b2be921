// WARNING: decides which organisation settings, roots and recipients a device takes on from a
// file. A regression here can make a device trust a root nobody chose to trust, or take a policy
// from someone other than the organisation.
//
// An organisation kit (issue 15, item 8; docs/organisation-kit.md) is a JSON file holding the kit
// content (JSON, base64) and a detached CMS signature over exactly those bytes, made with the
// organisation root's own key (the supervisor's device holds it) by the same code that signs PDFs
// (signing/cms.ts) and checked by the same hardened reader (verify/signer.ts). A kit is accepted
// only when its signer is, byte for byte, a root this device already trusts. Roots inside the kit,
// or in its signature, are never trusted because they are there: a kit signed by a root the
// device does not trust is refused with that root's organisation and fingerprint, so a person can
// compare it with their supervisor and trust it on purpose.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, sha256, toHex } from '../signing/bytes';
import { isCertificateAuthority } from '../signing/certificates';
import { createDetachedCms, OID_CMS } from '../signing/cms';
import { certificateToDer } from '../signing/pem';
import { checkSigner } from '../verify/signer';
import { isSelfIssuedAndSigned, trustAnchors } from '../verify/path';
import { fromBase64, toBase64 } from '../../storage/crypto/bytes';
import { KIT_FILE_MARKER, KIT_FORMAT, KIT_LIMITS, KIT_VERSION, kitContentSchema, kitFileSchema, type KitContent } from './format';

/** Why a kit was refused; each has a sentence in locales/<lang>/envelope.json (kit.refused.*). */
export type KitReason = 'too-large' | 'unreadable' | 'unsupported-version' | 'signature' | 'not-signed-by-root' | 'root-not-trusted' | 'invalid-content';

/** The root that signed a kit this device does not trust yet, for a person to compare. */
export interface KitSigner {
  readonly certificate: pkijs.Certificate;
  readonly organisation: string;
  /** Hex SHA-256 of the root's DER. */
  readonly fingerprint: string;
}

export class KitError extends Error {
  override name = 'KitError';
  constructor(
    readonly reason: KitReason,
    detail?: string,
    /** For 'root-not-trusted': the root that signed it. */
    readonly signer?: KitSigner,
  ) {
    super(detail ?? reason);
  }
}

export interface VerifiedKit {
  readonly content: KitContent;
  /** The trusted root that signed it. */
  readonly signer: pkijs.Certificate;
  /**
   * Hex SHA-256 of the signed content (what a QR code or a supervisor can confirm). Of the content,
   * not of the file: parts of a CMS container that sign nothing can be re-encoded (pkijs ignores,
   * for instance, the digest algorithm list), and that must not change what a person compares.
   */
  readonly fingerprint: string;
}

/** The kit content, signed with the organisation root's key; returns the kit file's bytes (UTF-8 JSON). */
export async function makeKit(content: Omit<KitContent, 'format' | 'version'>, root: { certificate: pkijs.Certificate; privateKey: CryptoKey }): Promise<Uint8Array> {
  const checked = kitContentSchema.parse({ format: KIT_FORMAT, version: KIT_VERSION, ...content });
  const bytes = new TextEncoder().encode(JSON.stringify(checked));
  const signature = await createDetachedCms([bytes], { privateKey: root.privateKey, certificate: root.certificate, chain: [] });
  return new TextEncoder().encode(JSON.stringify({ [KIT_FILE_MARKER]: KIT_VERSION, content: toBase64(bytes), signature: toBase64(signature) }));
}

function readFile(bytes: Uint8Array): { content: Uint8Array; signature: Uint8Array } {
  if (bytes.length > KIT_LIMITS.fileBytes) throw new KitError('too-large');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new KitError('unreadable', 'not JSON');
  }
  const marker: unknown = typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[KIT_FILE_MARKER] : undefined;
  if (typeof marker === 'number' && marker !== KIT_VERSION) throw new KitError('unsupported-version', `kit file version ${String(marker)}`);
  const file = kitFileSchema.safeParse(json);
  if (!file.success) throw new KitError('unreadable', 'not a kit file');
  const content = fromBase64(file.data.content);
  const signature = fromBase64(file.data.signature);
  // Only the canonical encoding: unused trailing bits would let two different files carry the same kit.
  if (toBase64(content) !== file.data.content || toBase64(signature) !== file.data.signature) throw new KitError('unreadable', 'not canonical base64');
  return { content, signature };
}

/** A minimal, positive DER INTEGER of at most 32 value bytes (a P-256 signature half). */
function isStrictHalf(node: asn1js.AsnType | undefined): boolean {
  if (!(node instanceof asn1js.Integer)) return false;
  const bytes = node.valueBlock.valueHexView;
  const [first = 0, second = 0] = bytes;
  if (bytes.length === 0 || bytes.length > 33 || first >= 0x80) return false;
  if (first === 0 && bytes.length > 1 && second < 0x80) return false;
  return bytes.length < 33 || first === 0;
}

/**
 * What the signature check does not pin down must still be exactly what makeKit writes: the
 * encapsulated content type is id-data (pkijs does not compare it with the signed contentType
 * attribute) and the ECDSA value is strict DER (pkijs reads integers with an extra leading byte as
 * if it were not there). Otherwise a changed file would still read, and a kit's bytes (and the
 * fingerprint a person compares) would not be the only encoding of what was signed.
 */
function isStrictSignature(signature: Uint8Array): boolean {
  try {
    const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(signature.slice()).result });
    const signedData = new pkijs.SignedData({ schema: info.content });
    if (signedData.encapContentInfo.eContentType !== OID_CMS.data) return false;
    const value = signedData.signerInfos[0]?.signature.valueBlock.valueHexView;
    if (value === undefined) return false;
    const { offset, result } = asn1js.fromBER(value.slice());
    if (offset !== value.length || !(result instanceof asn1js.Sequence)) return false;
    const halves = result.valueBlock.value;
    return halves.length === 2 && halves.every((half) => isStrictHalf(half));
  } catch {
    return false;
  }
}

async function signerPreview(certificate: pkijs.Certificate): Promise<KitSigner> {
  const [anchor] = await trustAnchors([certificate]);
  return { certificate, organisation: anchor?.info.organisation ?? '', fingerprint: anchor?.info.fingerprint ?? '' };
}

/**
 * Reads and checks a kit file against the roots this device trusts. Throws KitError: the file's
 * shape, 'signature' when the signature does not hold over the content, 'not-signed-by-root'
 * when the signer is not a root certificate authority, 'root-not-trusted' (with the signer) when it
 * is a root this device does not trust, 'invalid-content' when the signed content is not a kit.
 */
export async function readKit(bytes: Uint8Array, trustedRoots: readonly pkijs.Certificate[]): Promise<VerifiedKit> {
  const { content, signature } = readFile(bytes);
  const check = await checkSigner(signature, content).catch((error: unknown) => {
    throw new KitError('signature', error instanceof Error ? error.message : undefined);
  });
  if (!check.valid || check.certificate === null) throw new KitError('signature', check.problems.map((problem) => problem.code).join(', '));
  if (!isStrictSignature(signature)) throw new KitError('signature', 'the signature is not exactly as Homeward makes it');
  const signer = check.certificate;
  if (!isCertificateAuthority(signer) || !(await isSelfIssuedAndSigned(signer))) throw new KitError('not-signed-by-root');
  const der = certificateToDer(signer);
  const trusted = trustedRoots.find((root) => bytesEqual(certificateToDer(root), der));
  if (trusted === undefined) throw new KitError('root-not-trusted', undefined, await signerPreview(signer));
  let parsed: KitContent;
  try {
    parsed = kitContentSchema.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(content)));
  } catch {
    throw new KitError('invalid-content');
  }
  return { content: parsed, signer: trusted, fingerprint: toHex(await sha256(content)) };
}
