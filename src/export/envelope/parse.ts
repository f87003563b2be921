// WARNING: reads encrypted files that arrive from anywhere. It must refuse, quickly and with a
// reason, anything that is not exactly the shape Homeward and OpenSSL write: every size it reads
// is bounded before any work depends on it (limits.ts), and nothing in the file picks an algorithm.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { checkDer } from './der';
import { EnvelopeError, type IntendedRecipient } from './errors';
import { ENVELOPE_LIMITS } from './limits';
import { OID } from './oids';

/** One encrypted key for one recipient certificate. */
export interface RecipientKey extends IntendedRecipient {
  /** The sender's ephemeral P-256 public key (uncompressed point). */
  readonly originatorPoint: Uint8Array;
  readonly ukm: Uint8Array | null;
  /** The wrap algorithm as the file writes it (it enters the KDF as written). */
  readonly wrap: pkijs.AlgorithmIdentifier;
  readonly encryptedKey: Uint8Array;
}

export interface ParsedEnvelope {
  readonly recipients: readonly RecipientKey[];
  readonly nonce: Uint8Array;
  readonly ciphertext: Uint8Array;
  readonly mac: Uint8Array;
}

const TAG_BYTES = 16;
const NONCE_BYTES = 12;
const WRAPPED_KEY_BYTES = 40;
const P256_POINT_BYTES = 65;

const fail = (reason: ConstructorParameters<typeof EnvelopeError>[0], detail: string): never => {
  throw new EnvelopeError(reason, detail);
};

function isContext(node: asn1js.AsnType | undefined, tagNumber: number): boolean {
  return node !== undefined && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === tagNumber;
}

function children(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (node === undefined || !node.idBlock.isConstructed) return fail('malformed', `${what} is not a structure`);
  const value: unknown = (node as asn1js.Constructed).valueBlock.value;
  return Array.isArray(value) ? (value as asn1js.AsnType[]) : fail('malformed', `${what} is not a structure`);
}

/** The elements of a SEQUENCE (exactly that tag: a SET or a context tag in its place is refused). */
function sequence(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  return node instanceof asn1js.Sequence ? children(node, what) : fail('malformed', `${what} is not a sequence`);
}

function oidOf(node: asn1js.AsnType | undefined, what: string): string {
  return node instanceof asn1js.ObjectIdentifier ? node.getValue() : fail('malformed', `${what} is not an object identifier`);
}

function octets(node: asn1js.AsnType | undefined, what: string): Uint8Array {
  if (!(node instanceof asn1js.OctetString) || node.idBlock.isConstructed) return fail('malformed', `${what} is not an octet string`);
  return node.valueBlock.valueHexView.slice();
}

/** The whole file as ASN.1, with asn1js's own limits set tight (depth, nodes, no embedded parsing). */
function decode(bytes: Uint8Array): asn1js.AsnType {
  if (bytes.length > ENVELOPE_LIMITS.fileBytes) throw new EnvelopeError('too-large', `${String(bytes.length)} bytes`);
  if (bytes.length < 2 || bytes[0] !== 0x30) throw new EnvelopeError('malformed', 'not a DER sequence');
  checkDer(bytes, ENVELOPE_LIMITS);
  const { offset, result } = asn1js.fromBER(bytes, {
    maxDepth: ENVELOPE_LIMITS.depth,
    maxNodes: ENVELOPE_LIMITS.nodes,
    maxContentLength: ENVELOPE_LIMITS.fileBytes,
    parseEmbedded: false,
  });
  if (offset === -1 || result.error !== '') {
    const complex = /depth|node count/i.test(result.error);
    throw new EnvelopeError(complex ? 'too-complex' : 'malformed', result.error || 'cannot decode');
  }
  if (offset !== bytes.length) throw new EnvelopeError('malformed', `${String(bytes.length - offset)} bytes after the end`);
  return result;
}

/** RFC 5753 7.1.2: id-ecPublicKey, parameters absent, NULL or P-256; a point of 65 bytes. */
function originatorPoint(info: pkijs.KeyAgreeRecipientInfo): Uint8Array | null {
  const originator = info.originator;
  if (originator.variant !== 3 || !(originator.value instanceof pkijs.OriginatorPublicKey)) return null;
  const { algorithm, publicKey } = originator.value;
  if (algorithm.algorithmId !== OID.ecPublicKey) return null;
  const parameters: unknown = algorithm.algorithmParams;
  const curveOk = parameters === undefined || parameters instanceof asn1js.Null || (parameters instanceof asn1js.ObjectIdentifier && parameters.getValue() === OID.p256);
  const point = publicKey.valueBlock.valueHexView;
  if (!curveOk || publicKey.valueBlock.unusedBits !== 0 || point.length !== P256_POINT_BYTES || point[0] !== 0x04) return null;
  return point.slice();
}

/** The wrap algorithm (AES-256 key wrap, parameters absent or NULL) of a key agreement, or null. */
function wrapOf(info: pkijs.KeyAgreeRecipientInfo): pkijs.AlgorithmIdentifier | null {
  if (info.keyEncryptionAlgorithm.algorithmId !== OID.ecdhSha256Kdf) return null;
  const parameters: unknown = info.keyEncryptionAlgorithm.algorithmParams;
  if (!(parameters instanceof asn1js.Sequence)) return null;
  try {
    const wrap = new pkijs.AlgorithmIdentifier({ schema: parameters });
    const wrapParameters: unknown = wrap.algorithmParams;
    return wrap.algorithmId === OID.aes256Wrap && (wrapParameters === undefined || wrapParameters instanceof asn1js.Null) ? wrap : null;
  } catch {
    return null;
  }
}

function ridOf(key: pkijs.RecipientEncryptedKey): IntendedRecipient | null {
  const rid = key.rid;
  if (rid.variant === 1 && rid.value instanceof pkijs.IssuerAndSerialNumber) {
    return { issuer: new Uint8Array(rid.value.issuer.toSchema().toBER(false)), serial: rid.value.serialNumber.valueBlock.valueHexView.slice(), keyId: null };
  }
  if (rid.variant === 2 && rid.value instanceof pkijs.RecipientKeyIdentifier) {
    return { issuer: null, serial: null, keyId: rid.value.subjectKeyIdentifier.valueBlock.valueHexView.slice() };
  }
  return null;
}

/**
 * The key-agreement recipients of the file. Other kinds of recipient (key transport, passwords…)
 * cannot be for a Homeward key and are skipped; a key agreement with other algorithms is counted
 * so that a file with nothing else is refused as 'unsupported' rather than 'not for you'.
 */
function recipientsOf(set: asn1js.AsnType[]): { keys: RecipientKey[]; unsupported: number } {
  if (set.length === 0) fail('malformed', 'no recipient');
  if (set.length > ENVELOPE_LIMITS.recipients) fail('too-complex', `${String(set.length)} recipients`);
  const keys: RecipientKey[] = [];
  let unsupported = 0;
  for (const node of set) {
    let info: pkijs.RecipientInfo;
    try {
      info = new pkijs.RecipientInfo({ schema: node });
    } catch {
      return fail('malformed', 'a recipient cannot be read');
    }
    if (info.variant !== 2 || !(info.value instanceof pkijs.KeyAgreeRecipientInfo)) {
      unsupported += 1;
      continue;
    }
    const kari = info.value;
    const point = originatorPoint(kari);
    const wrap = wrapOf(kari);
    const ukm = kari.ukm instanceof asn1js.OctetString ? kari.ukm.valueBlock.valueHexView.slice() : null;
    const encrypted = kari.recipientEncryptedKeys.encryptedKeys;
    if (keys.length + encrypted.length > ENVELOPE_LIMITS.recipientKeys) fail('too-complex', 'too many recipient keys');
    if (kari.version !== 3 || point === null || wrap === null || (ukm !== null && ukm.length > ENVELOPE_LIMITS.ukmBytes)) {
      unsupported += 1;
      continue;
    }
    for (const key of encrypted) {
      const rid = ridOf(key);
      const encryptedKey = key.encryptedKey.valueBlock.valueHexView;
      if (rid === null || encryptedKey.length !== WRAPPED_KEY_BYTES) {
        unsupported += 1;
        continue;
      }
      keys.push({ ...rid, originatorPoint: point, ukm, wrap, encryptedKey: encryptedKey.slice() });
    }
  }
  return { keys, unsupported };
}

/** The encrypted content of an EncryptedContentInfo: id-data under AES-256-GCM with a 12-byte nonce and a 16-byte tag. */
function encryptedContent(node: asn1js.AsnType | undefined): { nonce: Uint8Array; ciphertext: Uint8Array } {
  const [type, algorithm, content, ...rest] = sequence(node, 'the encrypted content');
  if (rest.length > 0) fail('malformed', 'extra fields after the encrypted content');
  if (oidOf(type, 'the content type') !== OID.data) fail('unsupported', 'the content is not data');
  const [algorithmId, parameters, ...more] = sequence(algorithm, 'the content encryption algorithm');
  if (more.length > 0 || oidOf(algorithmId, 'the content encryption algorithm') !== OID.aes256Gcm) fail('unsupported', 'not AES-256-GCM');
  const [nonceNode, icvNode, ...extra] = sequence(parameters, 'the GCM parameters');
  const nonce = octets(nonceNode, 'the nonce');
  const icv = icvNode instanceof asn1js.Integer ? icvNode.valueBlock.valueDec : 12;
  if (extra.length > 0 || nonce.length !== NONCE_BYTES || icv !== TAG_BYTES) fail('unsupported', 'GCM parameters other than a 12-byte nonce and a 16-byte tag');
  if (content === undefined || !isContext(content, 0)) return fail('malformed', 'no encrypted content');
  // [0] IMPLICIT OCTET STRING: primitive (DER), or constructed of primitive pieces (BER).
  if (!content.idBlock.isConstructed) return { nonce, ciphertext: (content as asn1js.Primitive).valueBlock.valueHexView.slice() };
  const pieces = children(content, 'the encrypted content').map((piece) => octets(piece, 'a piece of the encrypted content'));
  const ciphertext = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    ciphertext.set(piece, at);
    at += piece.length;
  }
  return { nonce, ciphertext };
}

/** Reads an encrypted file's structure; throws EnvelopeError with the reason it is refused. */
export function parseEnvelope(bytes: Uint8Array): ParsedEnvelope {
  const root = decode(bytes);
  const [type, wrapped, ...after] = sequence(root, 'the file');
  if (after.length > 0 || !isContext(wrapped, 0)) fail('malformed', 'not a CMS ContentInfo');
  const contentType = oidOf(type, 'the content type');
  if (contentType === OID.envelopedData) fail('unsupported', 'EnvelopedData is not authenticated');
  if (contentType !== OID.authEnvelopedData) fail('not-envelope', `content type ${contentType}`);
  const [body, ...others] = children(wrapped, 'the envelope');
  if (others.length > 0) fail('malformed', 'more than one envelope');
  const fields = sequence(body, 'the envelope');
  let index = 0;
  const version = fields[index++];
  if (!(version instanceof asn1js.Integer)) fail('malformed', 'no version');
  else if (version.valueBlock.valueDec !== 0) fail('unsupported', 'version is not 0');
  if (isContext(fields[index], 0)) index += 1; // originatorInfo: certificates the sender chose to add; not used
  const set = fields[index++];
  if (!(set instanceof asn1js.Set)) return fail('malformed', 'no recipients');
  const contentNode = fields[index++];
  if (isContext(fields[index], 1)) fail('unsupported', 'authenticated attributes are not used by Homeward');
  const mac = octets(fields[index++], 'the authentication tag');
  if (isContext(fields[index], 2)) index += 1; // unauthAttrs: not authenticated, not used
  if (index !== fields.length) fail('malformed', 'unexpected fields in the envelope');
  if (mac.length !== TAG_BYTES) fail('unsupported', 'the authentication tag is not 16 bytes');
  const { nonce, ciphertext } = encryptedContent(contentNode);
  const { keys, unsupported } = recipientsOf(children(set, 'the recipients'));
  if (keys.length === 0) fail(unsupported > 0 ? 'unsupported' : 'malformed', 'no key-agreement recipient Homeward accepts');
  return { recipients: keys, nonce, ciphertext, mac };
}
