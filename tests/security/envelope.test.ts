/**
 * Hostile encrypted files (issue 16, item 3): every one refused with its reason, before any key is
 * used where its shape is wrong, and quickly. They are built by hand around a genuine recipient
 * entry so that each differs from a file Homeward would open in one respect only. The bound on
 * time is generous (each refusal takes about a millisecond); it catches work that grows with what
 * a file declares rather than with what it holds.
 */
import * as asn1js from 'asn1js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EnvelopeError, type EnvelopeReason } from '../../src/export/envelope/errors';
import { ENVELOPE_LIMITS } from '../../src/export/envelope/limits';
import { encryptForRecipient } from '../../src/export/envelope/make';
import { OID } from '../../src/export/envelope/oids';
import { openEnvelope, type DecryptionKey } from '../../src/export/envelope/open';
import { testRoot } from '../../src/export/envelope/test-pki';

const PDF = new TextEncoder().encode('%PDF-1.7\n% fictional\n%%EOF\n');
const FAST_MS = 1_000;

const org = await testRoot('Fictional Shelter Network');
const recipient = await org.issueEncryption({ cn: 'Sam Supervisorfictional' });
const keys: DecryptionKey[] = [{ certificate: recipient.certificate, privateKey: recipient.keys.privateKey }];
const genuine = await encryptForRecipient(PDF, recipient.certificate);
/** Authentic, addressed to this device, and holding another envelope rather than a signed file. */
const nestedEnvelope = await encryptForRecipient(genuine, recipient.certificate);

/** The genuine file as asn1js nodes: [contentType, [0] { version, recipients SET, encryptedContentInfo, mac }]. */
function genuineParts() {
  const contentInfo = asn1js.fromBER(genuine).result as asn1js.Sequence;
  const body = (contentInfo.valueBlock.value[1] as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence;
  const [version, recipients, eci, mac] = body.valueBlock.value as [asn1js.Integer, asn1js.Set, asn1js.Sequence, asn1js.OctetString];
  return { version, recipients, eci, mac, recipientInfo: recipients.valueBlock.value[0] as asn1js.Constructed };
}

const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
const context = (tagNumber: number, value: asn1js.AsnType[]) => new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber }, value });
const der = (node: asn1js.AsnType) => new Uint8Array(node.toBER(false));

function envelope(parts: { type?: string; body?: asn1js.AsnType[] } = {}): Uint8Array {
  const g = genuineParts();
  const body = parts.body ?? [g.version, g.recipients, g.eci, g.mac];
  return der(new asn1js.Sequence({ value: [oid(parts.type ?? OID.authEnvelopedData), context(0, [new asn1js.Sequence({ value: body })])] }));
}

/** The genuine encrypted content info with the algorithm, nonce or tag length replaced. */
function contentInfo(change: { algorithm?: string; nonce?: number; icv?: number | null; type?: string }): asn1js.Sequence {
  const g = genuineParts();
  const [, , content] = g.eci.valueBlock.value as [asn1js.AsnType, asn1js.AsnType, asn1js.AsnType];
  const params: asn1js.AsnType[] = [new asn1js.OctetString({ valueHex: new Uint8Array(change.nonce ?? 12).buffer })];
  if (change.icv !== null) params.push(new asn1js.Integer({ value: change.icv ?? 16 }));
  return new asn1js.Sequence({ value: [oid(change.type ?? OID.data), new asn1js.Sequence({ value: [oid(change.algorithm ?? OID.aes256Gcm), new asn1js.Sequence({ value: params })] }), content] });
}

/** The genuine key agreement with one field rewritten (the recipient entry as pkijs reads it). */
function keyAgreement(change: { kdf?: string; wrap?: string; point?: Uint8Array; keys?: number; version?: number; curve?: string }): asn1js.Constructed {
  const g = genuineParts();
  const kari = g.recipientInfo.valueBlock.value as asn1js.AsnType[];
  const [, originator, algorithm, encryptedKeys] = kari as [asn1js.Integer, asn1js.Constructed, asn1js.Sequence, asn1js.Sequence];
  const key = encryptedKeys.valueBlock.value[0] as asn1js.Sequence;
  const originatorKey = (originator.valueBlock.value[0] as asn1js.Constructed).valueBlock.value as [asn1js.Sequence, asn1js.BitString];
  const point = change.point ?? originatorKey[1].valueBlock.valueHexView;
  const keyAlgorithm = new asn1js.Sequence({ value: change.curve === undefined ? [oid(OID.ecPublicKey)] : [oid(OID.ecPublicKey), oid(change.curve)] });
  const newOriginator = context(0, [context(1, [keyAlgorithm, new asn1js.BitString({ valueHex: point.slice().buffer })])]);
  const wrap = new asn1js.Sequence({ value: [oid(change.wrap ?? OID.aes256Wrap)] });
  return context(1, [
    new asn1js.Integer({ value: change.version ?? 3 }),
    newOriginator,
    new asn1js.Sequence({ value: [oid(change.kdf ?? (algorithm.valueBlock.value[0] as asn1js.ObjectIdentifier).getValue()), wrap] }),
    new asn1js.Sequence({ value: Array.from({ length: change.keys ?? 1 }, () => key) }),
  ]);
}

function withRecipients(recipients: asn1js.AsnType[]): Uint8Array {
  const g = genuineParts();
  return envelope({ body: [g.version, new asn1js.Set({ value: recipients }), g.eci, g.mac] });
}

function withContent(eci: asn1js.Sequence, extra: asn1js.AsnType[] = []): Uint8Array {
  const g = genuineParts();
  return envelope({ body: [g.version, g.recipients, eci, ...extra, g.mac] });
}

/** A sequence nested `depth` times with definite lengths: headers computed inside out, one buffer (linear). */
function nested(depth: number): Uint8Array {
  const heads: number[][] = [];
  let length = 2; // the NULL inside
  for (let i = 0; i < depth; i += 1) {
    const head = length < 0x80 ? [0x30, length] : length < 0x100 ? [0x30, 0x81, length] : length < 0x10000 ? [0x30, 0x82, length >> 8, length & 0xff] : [0x30, 0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
    heads.push(head);
    length += head.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (let i = heads.length - 1; i >= 0; i -= 1) {
    const head = heads[i] ?? [];
    out.set(head, at);
    at += head.length;
  }
  out.set([0x05, 0x00], at);
  return out;
}

async function outcome(bytes: Uint8Array): Promise<{ reason: EnvelopeReason | 'opened'; ms: number }> {
  const start = performance.now();
  try {
    await openEnvelope(bytes, keys);
    return { reason: 'opened', ms: performance.now() - start };
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    return { reason: error.reason, ms: performance.now() - start };
  }
}

const validPoint = (() => {
  const g = genuineParts();
  const originator = (g.recipientInfo.valueBlock.value[1] as asn1js.Constructed).valueBlock.value[0] as asn1js.Constructed;
  return (originator.valueBlock.value[1] as asn1js.BitString).valueBlock.valueHexView.slice();
})();

const cases: [string, () => Uint8Array, EnvelopeReason][] = [
  ['the genuine file, as a control', () => genuine, 'opened' as EnvelopeReason],
  // Sizes that lie.
  ['an outer length of 2 GiB in a 12-byte file', () => new Uint8Array([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x06, 0x03, 0x2a, 0x03, 0x04, 0x00]), 'malformed'],
  ['a length in 5 bytes (past any file)', () => new Uint8Array([0x30, 0x85, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]), 'malformed'],
  ['an inner length past its container', () => { const f = genuine.slice(); f[f.length - 17] = 0x7f; return f; }, 'malformed'],
  ['an indefinite length (BER, not DER)', () => new Uint8Array([0x30, 0x80, 0x05, 0x00, 0x00, 0x00]), 'malformed'],
  ['a non-minimal length', () => new Uint8Array([0x30, 0x81, 0x02, 0x05, 0x00]), 'malformed'],
  ['bytes after the end', () => new Uint8Array([...genuine, 0x00]), 'malformed'],
  ['a file larger than any signed file', () => new Uint8Array(ENVELOPE_LIMITS.fileBytes + 1).fill(0x30), 'too-large'],
  // Nesting and counts.
  ['sequences nested 100,000 deep', () => nested(100_000), 'too-complex'],
  ['sequences nested 21 deep', () => nested(21), 'too-complex'],
  ['100,000 elements in one sequence', () => der(new asn1js.Sequence({ value: Array.from({ length: 100_000 }, () => new asn1js.Null()) })), 'too-complex'],
  ['nine recipients', () => withRecipients(Array.from({ length: 9 }, () => genuineParts().recipientInfo)), 'too-complex'],
  ['one key agreement with nine encrypted keys', () => withRecipients([keyAgreement({ keys: 9 })]), 'too-complex'],
  ['no recipient', () => withRecipients([]), 'malformed'],
  // Wrong object identifiers and parameters.
  ['a signature (SignedData), not an envelope', () => envelope({ type: OID.signedData }), 'not-envelope'],
  ['unauthenticated EnvelopedData', () => envelope({ type: OID.envelopedData }), 'unsupported'],
  ['AES-256-CBC content encryption', () => withContent(contentInfo({ algorithm: '2.16.840.1.101.3.4.1.42' })), 'unsupported'],
  ['AES-128-GCM content encryption', () => withContent(contentInfo({ algorithm: '2.16.840.1.101.3.4.1.6' })), 'unsupported'],
  ['a 12-byte tag declared (the GCM default)', () => withContent(contentInfo({ icv: null })), 'unsupported'],
  ['a 4-byte tag declared', () => withContent(contentInfo({ icv: 4 })), 'unsupported'],
  ['a 16-byte nonce', () => withContent(contentInfo({ nonce: 16 })), 'unsupported'],
  ['content that is not id-data', () => withContent(contentInfo({ type: OID.signedData })), 'unsupported'],
  ['authenticated attributes', () => withContent(genuineParts().eci, [context(1, [new asn1js.Null()])]), 'unsupported'],
  ['version 2', () => { const g = genuineParts(); return envelope({ body: [new asn1js.Integer({ value: 2 }), g.recipients, g.eci, g.mac] }); }, 'unsupported'],
  ['the SHA-1 KDF', () => withRecipients([keyAgreement({ kdf: '1.3.133.16.840.63.0.2' })]), 'unsupported'],
  ['the SHA-512 KDF', () => withRecipients([keyAgreement({ kdf: '1.3.132.1.11.3' })]), 'unsupported'],
  ['AES-128 key wrap', () => withRecipients([keyAgreement({ wrap: '2.16.840.1.101.3.4.1.5' })]), 'unsupported'],
  ['the ephemeral key on P-384', () => withRecipients([keyAgreement({ curve: '1.3.132.0.34' })]), 'unsupported'],
  ['a compressed ephemeral point', () => withRecipients([keyAgreement({ point: new Uint8Array([0x02, ...validPoint.slice(1, 33)]) })]), 'unsupported'],
  ['key agreement version 2', () => withRecipients([keyAgreement({ version: 2 })]), 'unsupported'],
  // Shapes that pass the parser: the key and the content decide.
  ['an ephemeral point off the curve', () => withRecipients([keyAgreement({ point: new Uint8Array([0x04, ...new Uint8Array(64).fill(7)]) })]), 'damaged'],
  ['an envelope as the content type of the encrypted content (nested)', () => withContent(contentInfo({ type: OID.authEnvelopedData })), 'unsupported'],
  ['an envelope inside the envelope', () => nestedEnvelope, 'not-a-pdf'],
  ['the genuine key agreement, same everything', () => withRecipients([keyAgreement({})]), 'opened' as EnvelopeReason],
];

describe('hostile encrypted files', () => {
  it.each(cases)('%s', async (_, make, expected) => {
    const { reason, ms } = await outcome(make());
    expect(reason).toBe(expected);
    expect(ms, 'refused (or opened) quickly').toBeLessThan(FAST_MS);
  });

  it('a 30 MB file of the right shape whose content was replaced is refused as damaged', async () => {
    const g = genuineParts();
    const [type, algorithm] = g.eci.valueBlock.value as [asn1js.AsnType, asn1js.AsnType];
    const big = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: new Uint8Array(30 * 1024 * 1024).buffer });
    const { reason } = await outcome(withContent(new asn1js.Sequence({ value: [type, algorithm, big] })));
    expect(reason).toBe('damaged');
  });

  it('random bytes and random changes to the genuine file are refused with an EnvelopeError, never opened', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        expect((await outcome(bytes)).reason).not.toBe('opened');
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: genuine.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), async (edits) => {
        const bytes = genuine.slice();
        for (const [at, xor] of edits) bytes[at] = (bytes[at] ?? 0) ^ xor;
        expect((await outcome(bytes)).reason).not.toBe('opened');
      }),
      { numRuns: 300 },
    );
  });
});
