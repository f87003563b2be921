// USF, universal signature forgery (Mladenov et al., CCS 2019): a document carrying the
// attacker's assessment and a signature that cannot be checked (no /Contents, a null /ByteRange,
// an unknown /SubFilter…) or a CMS that proves nothing about these bytes (no signer, a transplanted
// genuine CMS, a CMS that carries its own content), hoping the viewer defaults to "valid".
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ascii, concatBytes, toArrayBuffer, toHex } from '../../../src/export/signing/bytes';
import { OID_CMS } from '../../../src/export/signing/cms';
import type { AttackCase, Expectation } from '../support/cases';
import { cmsOverOtherBytes, cmsTwoSigners, cmsWithoutSignedAttributes, editCms, encodeCms, parseCms } from '../support/cms';
import { overwrite, signatureLayout } from '../support/layout';
import type { SignatureLayout } from '../support/layout';
import { selfSigned } from '../support/pki';
import { appCms, countersign, signFirst, signFirstWide } from '../support/sign';
import type { CmsMaker } from '../support/sign';
import type { World } from '../support/world';
import { assessorFields, fields, forgedSummary } from './edits';

/**
 * Never valid, never the attacker's assessment. pdfsig must not call the signature valid, except
 * where the CMS is cryptographically sound and only the app's profile refuses it (two signers, no
 * signed attributes): pdfsig checks the first signer's mathematics and has no profile.
 * `trustable` only where the named signer really signed these bytes (a trusted insider without
 * signed attributes): a CMS that does not verify over this file (copied from another file, made
 * attached, with another signature value) proves nothing about who signed it, so its certificate,
 * however genuine, must not be shown as trusted (review finding p9).
 */
const forged = (trustable: boolean, pdfsigValid: boolean): Expectation => ({
  trustable: [trustable],
  ...(pdfsigValid ? {} : { pdfsig: [{ sig: 'each', validation: { isNot: 'Signature is Valid.' } }] }),
});

/** The genuine caseworker's CMS and the bytes it signed (from the genuine signed summary). */
function genuineCms(w: World): { der: Uint8Array; signedBytes: Uint8Array } {
  const layout = signatureLayout(w.signed, 0);
  const [, a, b, c] = layout.byteRange.values as [number, number, number, number];
  return { der: layout.der, signedBytes: concatBytes([w.signed.subarray(0, a), w.signed.subarray(b, b + c)]) };
}

/** The genuine CMS with the bytes it signed put inside it as encapsulated content (no longer detached). */
function withEncapsulatedContent(der: Uint8Array, content: Uint8Array): Uint8Array {
  const signedData = parseCms(der);
  signedData.encapContentInfo = new pkijs.EncapsulatedContentInfo({ eContentType: OID_CMS.data, eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(content) }) });
  return encodeCms(signedData);
}

/** Replaces /Contents' hex (the whole gap) with `value`, padded with spaces to the same length. */
function contentsAs(bytes: Uint8Array, layout: SignatureLayout, value: string): Uint8Array {
  return overwrite(bytes, layout.contents.start, layout.contents.end - layout.contents.start, value);
}

export async function usfCases(w: World): Promise<AttackCase[]> {
  const attacker = await selfSigned('Amara Okafor');
  const foreign = await w.foreign.issue('Amara Okafor');
  // The attacker's document: the genuine summary with the attacker's assessment.json, saved as one revision by signing.
  const forgedUnsigned = forgedSummary(w);
  const sign = (cms: CmsMaker): Promise<Uint8Array> => signFirst(forgedUnsigned, assessorFields(), cms);
  const base = await sign(appCms(attacker));
  const layout = signatureLayout(base, 0);
  const gap = layout.contents.end - layout.contents.start;
  const genuine = genuineCms(w);
  const encapsulated = withEncapsulatedContent(genuine.der, genuine.signedBytes);
  const garbage = Uint8Array.from({ length: (gap - 2) / 2 }, (_v, i) => (i * 131 + 7) % 256);
  const at = (key: string): number => new TextDecoder('latin1').decode(base).indexOf(key, layout.byteRange.start - 200);

  const dict: [string, string, Uint8Array][] = [
    ['contents-key-removed', '/Contents renamed so the dictionary has none', overwrite(base, at('/Contents'), 9, '/Xontents')],
    ['contents-empty', '/Contents <>', contentsAs(base, layout, '<>')],
    ['contents-null', '/Contents null', contentsAs(base, layout, 'null')],
    ['contents-zeros', '/Contents all zeros', contentsAs(base, layout, `<${'0'.repeat(gap - 2)}>`)],
    ['contents-garbage', '/Contents random bytes', contentsAs(base, layout, `<${toHex(garbage)}>`)],
    ['contents-certificate-not-cms', '/Contents holds a certificate, not a CMS', contentsAs(base, layout, `<${toHex(new Uint8Array(attacker.certificate.toSchema().toBER(false)))}>`)],
    ['byterange-key-removed', '/ByteRange renamed so the dictionary has none', overwrite(base, at('/ByteRange'), 10, '/XyteRange')],
    ['byterange-null', '/ByteRange null', overwrite(base, layout.byteRange.start, layout.byteRange.end - layout.byteRange.start, 'null')],
    ['byterange-wrong-types', '/ByteRange [(0) /a 1.5 true]', overwrite(base, layout.byteRange.start, layout.byteRange.end - layout.byteRange.start, '[(0) /a 1.5 true]')],
    ['byterange-empty', '/ByteRange []', overwrite(base, layout.byteRange.start, layout.byteRange.end - layout.byteRange.start, '[]')],
    ['subfilter-unknown', '/SubFilter /adbe.x509.rsa_sha1 (not what the CMS is)', overwrite(base, layout.subFilter, 31, '/SubFilter /adbe.x509.rsa_sha1')],
    ['subfilter-removed', '/SubFilter removed', overwrite(base, layout.subFilter, 31, '')],
  ];
  const cms: [string, string, Uint8Array, boolean, boolean?][] = [
    ['cms-without-signer-info', 'a CMS whose signerInfos set is empty', await sign(editCms(appCms(attacker), (sd) => void (sd.signerInfos = []))), false],
    ['cms-two-signers', 'a CMS with two valid signer infos (self-signed and another organisation’s)', await sign(cmsTwoSigners(attacker, foreign)), false, true],
    ['cms-genuine-signer-info-plus-attacker-signer-info', 'the genuine caseworker’s signer info (over other bytes) beside the attacker’s valid one', await sign(withGenuineSignerFirst(genuine.der, appCms(attacker))), false],
    ['cms-without-signed-attributes-trusted-insider', 'a trusted insider’s valid signature straight over the bytes, without signed attributes (no ESS binding)', await sign(cmsWithoutSignedAttributes(w.insider)), true, true],
    ['cms-transplanted-from-genuine-file', 'the genuine caseworker’s CMS copied from a genuine summary', await sign(() => Promise.resolve(genuine.der)), false],
    ['cms-signature-value-flipped', 'a trusted insider’s CMS with one byte of the signature value changed', await sign(editCms(appCms(w.insider), flipSignature)), false],
    ['cms-message-digest-of-other-bytes', 'the attacker’s CMS computed over other bytes (wrong messageDigest)', await sign(cmsOverOtherBytes(attacker, [ascii('some other document')])), false],
    [
      'cms-genuine-with-encapsulated-original-content',
      'the genuine caseworker’s CMS, made attached: the bytes it signed are put inside it as eContent, so its digest checks out whatever this file holds',
      await signFirstWide(forgedUnsigned, assessorFields(), () => Promise.resolve(encapsulated), encapsulated.length + 64),
      false,
    ],
  ];
  let n = 1;
  const cases: AttackCase[] = [];
  for (const [slug, what, bytes] of dict) {
    cases.push({ file: `usf-${String(n++).padStart(2, '0')}-${slug}.pdf`, attack: `the attacker’s assessment under a signature with ${what}`, bytes, expect: forged(false, false) });
  }
  for (const [slug, what, bytes, trustable, pdfsigValid = false] of cms) {
    cases.push({ file: `usf-${String(n++).padStart(2, '0')}-${slug}.pdf`, attack: `the attacker’s assessment under ${what}`, bytes, expect: forged(trustable, pdfsigValid) });
  }
  // Review probe p9: the supervisor's genuine CMS (public in every approved summary) under a forged approval of another summary version.
  const supervisorCms = signatureLayout(w.countersigned, 1).der;
  cases.push({
    file: `usf-${String(n).padStart(2, '0')}-countersignature-cms-transplanted-onto-forged-approval.pdf`,
    attack: 'a forged approval of the genuine signed summary, its /Contents the supervisor’s genuine CMS copied from an approved summary: the supervisor’s trusted certificate and a signature over other bytes',
    bytes: await countersign(w.signed, fields('Dana Reyes'), () => Promise.resolve(supervisorCms)),
    expect: { signatures: 2, trustable: [true, false], changedAfter: [null, 'no'], pdfsig: [{ sig: 0, validation: { is: 'Signature is Valid.' } }, { sig: 1, validation: { isNot: 'Signature is Valid.' } }] },
  });
  return cases;
}

function flipSignature(signedData: pkijs.SignedData): void {
  const info = signedData.signerInfos[0];
  if (info === undefined) throw new Error('no signer info');
  const value = info.signature.valueBlock.valueHexView.slice();
  value[10] = (value[10] ?? 0) ^ 0x01;
  info.signature = new asn1js.OctetString({ valueHex: toArrayBuffer(value) });
}

/** The genuine signer info first, the attacker's second, both certificates attached. */
function withGenuineSignerFirst(genuineDer: Uint8Array, attacker: CmsMaker): CmsMaker {
  return async (ranges) => {
    const genuine = parseCms(genuineDer);
    const own = parseCms(await attacker(ranges));
    genuine.signerInfos.push(...own.signerInfos);
    genuine.certificates = [...(genuine.certificates ?? []), ...(own.certificates ?? [])];
    return encodeCms(genuine);
  };
}
