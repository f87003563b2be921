import * as asn1js from 'asn1js';
import fc from 'fast-check';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_JSON, buildSummaryPdf } from '../../../tests/unit/signing/pdf-tools';
import { organisation, selfSignedIdentity, signOptions } from '../../../tests/unit/signing/identities';
import { appendUpdate, findObject, objectBody } from '../../../tests/unit/signing/update';
import { OID_CMS } from '../signing/cms';
import { countersignPdf, signPdf } from '../signing/sign';
import type { VerifyReport } from './report';
import { verifyPdf } from './verify';

/** The two signed ranges of the newest signature (the last /ByteRange in the file). */
function newestRanges(bytes: Uint8Array): [[number, number], [number, number]] {
  const matches = [...new TextDecoder('latin1').decode(bytes).matchAll(/\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = matches.at(-1);
  if (last === undefined) throw new Error('no ByteRange');
  const [gapStart, gapEnd, tail] = [Number(last[1]), Number(last[2]), Number(last[3])];
  return [[0, gapStart], [gapEnd, gapEnd + tail]];
}

/** Flips one byte at a random position inside the newest signature's ranges; `accept` must say no. */
async function assertNoFlipAccepted(signed: Uint8Array, accept: (report: VerifyReport) => boolean, numRuns: number): Promise<void> {
  const [first, second] = newestRanges(signed);
  const positions = fc.oneof(fc.integer({ min: first[0], max: first[1] - 1 }), fc.integer({ min: second[0], max: second[1] - 1 }));
  await fc.assert(
    fc.asyncProperty(positions, fc.integer({ min: 1, max: 255 }), async (position, xor) => {
      const tampered = signed.slice();
      tampered[position] = (tampered[position] ?? 0) ^ xor;
      expect(accept(await verifyPdf(tampered, { trustedRoots: [] }))).toBe(false);
    }),
    { numRuns, seed: 20250301 },
  );
}

const isValid = (report: VerifyReport) => report.verdict === 'valid';
const decode = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes));

describe('verifyPdf: genuine files', () => {
  it('accepts an org-issued signature as valid, unchanged and trusted, naming the root that vouches', async () => {
    const org = await organisation();
    const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await org.issue('Amara Okafor'), 'Amara Okafor', 'Prepared by caseworker', signingTime));
    const report = await verifyPdf(signed, { trustedRoots: [org.root], attachmentName: 'assessment.json' });
    expect(report).toMatchObject({ verdict: 'valid', allTrusted: true, problems: [] });
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({
      fieldName: 'Signature1',
      revision: 1,
      signer: { cn: 'Amara Okafor', o: 'Homeward Test Org', hadControlCharacters: false },
      reason: 'Prepared by caseworker',
      certification: { permissions: 2 },
      valid: true,
      after: { kind: 'unchanged' },
      trust: { status: 'trusted', root: { organisation: 'Homeward Test Org', name: 'Homeward Test Root CA' } },
      problems: [],
    });
    expect(report.signatures[0]?.claimedSigningTime?.toISOString()).toBe(signingTime.toISOString());
    expect(decode(report.attachment)).toBe(ATTACHMENT_JSON);
    expect(report.signatures[0]?.signerKey).toMatch(/^[0-9a-f]{64}$/);
    // The version's fingerprint: the same for the countersigned copy, another for another export.
    const countersignedCopy = await verifyPdf(await countersignPdf(signed, signOptions(await org.issue('S'), 'S', 'Reviewed')), { trustedRoots: [org.root] });
    expect(countersignedCopy.fingerprint).toBe(report.fingerprint);
    const other = await signPdf(await buildSummaryPdf(), signOptions(await org.issue('Amara Okafor'), 'Amara Okafor', 'Prepared by caseworker', signingTime));
    expect((await verifyPdf(other, { trustedRoots: [org.root] })).fingerprint).not.toBe(report.fingerprint);
  });

  it('puts the claimed signing time in /M only: the CMS has no signing-time attribute (PAdES baseline)', async () => {
    const org = await organisation();
    const signingTime = new Date(Date.now() - 86_400_000);
    signingTime.setMilliseconds(0);
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await org.issue('A'), 'A', 'Prepared', signingTime));
    const hex = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(new TextDecoder('latin1').decode(signed))?.[1] ?? '';
    const der = Uint8Array.from(hex.replace(/(00)+$/, '').match(/../g) ?? [], (pair) => parseInt(pair, 16));
    const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(der.buffer).result });
    const signedData = new pkijs.SignedData({ schema: info.content as asn1js.Sequence });
    const types = signedData.signerInfos[0]?.signedAttrs?.attributes.map((attribute) => attribute.type) ?? [];
    expect(types).toEqual(expect.arrayContaining([OID_CMS.contentType, OID_CMS.messageDigest, OID_CMS.signingCertificateV2]));
    expect(types).not.toContain(OID_CMS.signingTime);
    expect((await verifyPdf(signed, { trustedRoots: [org.root] })).signatures[0]?.claimedSigningTime?.toISOString()).toBe(signingTime.toISOString());
  });

  it('keeps every signature valid through two countersignatures, each filling a prepared field', async () => {
    const org = await organisation();
    let bytes = await signPdf(await buildSummaryPdf(), signOptions(await org.issue('Caseworker'), 'Caseworker', 'Prepared'));
    bytes = await countersignPdf(bytes, signOptions(await org.issue('Supervisor'), 'Supervisor', 'Reviewed'));
    bytes = await countersignPdf(bytes, signOptions(await selfSignedIdentity('Partner'), 'Partner', 'Received'));
    const report = await verifyPdf(bytes, { trustedRoots: [org.root], attachmentName: 'assessment.json' });
    expect(report).toMatchObject({ verdict: 'valid', allTrusted: false, problems: [] });
    // The two trusted signers are two keys; the key identifies a signer whatever name they type.
    expect(new Set(report.signatures.map((s) => s.signerKey)).size).toBe(3);
    expect(report.signatures.map((s) => [s.fieldName, s.signer.cn, s.valid, s.after, s.trust.status])).toEqual([
      ['Signature1', 'Caseworker', true, { kind: 'signatures-only', count: 2 }, 'trusted'],
      ['Signature2', 'Supervisor', true, { kind: 'signatures-only', count: 1 }, 'trusted'],
      ['Signature3', 'Partner', true, { kind: 'unchanged' }, 'self-signed'],
    ]);
    expect(decode(report.attachment)).toBe(ATTACHMENT_JSON);
  });

  it('still accepts the earlier, uncertified shape: countersignatures that add an invisible field', async () => {
    // countersignPdf on an unsigned PDF makes an uncertified first signature with no prepared fields.
    let bytes = await countersignPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared'));
    bytes = await countersignPdf(bytes, signOptions(await selfSignedIdentity('B'), 'B', 'Reviewed'));
    const report = await verifyPdf(bytes, { trustedRoots: [] });
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s) => [s.certification, s.after.kind])).toEqual([
      [null, 'signatures-only'],
      [null, 'unchanged'],
    ]);
  });
});

describe('verifyPdf: the signer is the certificate that signed', () => {
  it('does not trust a self-signed signer whose CMS carries the genuine root and a genuine org certificate', async () => {
    const org = await organisation();
    const genuine = await org.issue('Real Supervisor');
    const forger = await selfSignedIdentity('Real Supervisor');
    for (const chain of [[org.root, genuine.certificate], [genuine.certificate, org.root], [org.root], [genuine.certificate]]) {
      const signed = await signPdf(await buildSummaryPdf(), signOptions({ ...forger, chain }, 'Real Supervisor', 'Prepared'));
      const [signature] = (await verifyPdf(signed, { trustedRoots: [org.root] })).signatures;
      expect(signature?.valid).toBe(true);
      expect(signature?.trust.status).toBe('self-signed');
    }
  });

  it('reports the role the organisation’s certificate names, and none for a certificate without one', async () => {
    const org = await organisation();
    const supervisor = await org.issue('Sam', {}, 'supervisor');
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await org.issue('Amara'), 'Amara', 'Prepared'));
    const report = await verifyPdf(await countersignPdf(signed, signOptions(supervisor, 'Sam', 'Reviewed')), { trustedRoots: [org.root] });
    expect(report.signatures.map((s) => [s.signer.cn, s.signer.role, s.trust.status])).toEqual([
      ['Amara', '', 'trusted'],
      ['Sam', 'supervisor', 'trusted'],
    ]);
  });

  it('does not trust another organisation’s signer, whatever certificates it carries', async () => {
    const org = await organisation();
    const other = await organisation('Someone Else Root', 'Someone Else');
    const eve = await other.issue('Eve');
    const genuine = await org.issue('Amara');
    const signed = await signPdf(await buildSummaryPdf(), signOptions({ ...eve, chain: [other.root, org.root, genuine.certificate] }, 'Eve', 'Prepared'));
    const report = await verifyPdf(signed, { trustedRoots: [org.root] });
    expect(report.signatures[0]?.trust.status).toBe('untrusted');
    expect(report.allTrusted).toBe(false);
    // The other organisation's own root does vouch for it, and names itself.
    const trusting = await verifyPdf(signed, { trustedRoots: [org.root, other.root] });
    expect(trusting.signatures[0]?.trust).toMatchObject({ status: 'trusted', root: { organisation: 'Someone Else' } });
  });

  it('refuses a CA certificate as a signer (the root signing directly)', async () => {
    const org = await organisation();
    const signed = await signPdf(await buildSummaryPdf(), signOptions(org.rootIdentity, 'Root', 'Prepared'));
    const [signature] = (await verifyPdf(signed, { trustedRoots: [org.root] })).signatures;
    expect(signature?.trust.status).not.toBe('trusted');
  });
});

describe('verifyPdf: time', () => {
  it('does not trust a certificate that has expired, even with a back-dated claimed time', async () => {
    const org = await organisation();
    const expired = await org.issue('Old', { now: new Date(Date.now() - 400 * 86_400_000), validityDays: 30 });
    const signed = await signPdf(await buildSummaryPdf(), signOptions(expired, 'Old', 'Prepared', new Date(Date.now() - 390 * 86_400_000)));
    const [signature] = (await verifyPdf(signed, { trustedRoots: [org.root] })).signatures;
    expect(signature?.valid).toBe(true);
    expect(signature?.trust).toEqual({ status: 'untrusted', problems: ['expired-now'] });
  });

  it('does not trust a claimed time outside the certificate’s validity, or in the future', async () => {
    const org = await organisation();
    const signer = await org.issue('A');
    const before = await signPdf(await buildSummaryPdf(), signOptions(signer, 'A', 'Prepared', new Date('2001-01-01T00:00:00Z')));
    expect((await verifyPdf(before, { trustedRoots: [org.root] })).signatures[0]?.trust).toEqual({ status: 'untrusted', problems: ['not-valid-at-claimed-time'] });
    const future = await signPdf(await buildSummaryPdf(), signOptions(signer, 'A', 'Prepared', new Date(Date.now() + 3 * 86_400_000)));
    const trust = (await verifyPdf(future, { trustedRoots: [org.root] })).signatures[0]?.trust;
    expect(trust?.status).toBe('untrusted');
    expect(trust?.status === 'trusted' ? [] : trust?.problems).toContain('claimed-time-in-future');
  });
});

describe('verifyPdf: what each later revision changed', () => {
  async function countersigned() {
    const org = await organisation();
    const insider = await org.issue('Insider');
    const bytes = await signPdf(await buildSummaryPdf(), signOptions(await org.issue('Caseworker'), 'Caseworker', 'Prepared'));
    return { org, insider, bytes };
  }

  it('a new assessment added by a later, trusted countersignature: the assessor’s signature is "changed after"', async () => {
    const { org, insider, bytes } = await countersigned();
    const stream = findObject(bytes, /\/Type \/EmbeddedFile/);
    const forged = '{"format":"homeward-assessment","version":1,"caseRef":"CASE-0042","ratings":{"overall":"low"}}';
    const updated = appendUpdate(bytes, [{ num: stream, body: `<< /Type /EmbeddedFile /Subtype /application#2Fjson /Length ${String(forged.length)} >>\nstream\n${forged}\nendstream` }]);
    const signedAgain = await countersignPdf(updated, signOptions(insider, 'Insider', 'Homeward decision: approved'));
    const report = await verifyPdf(signedAgain, { trustedRoots: [org.root], attachmentName: 'assessment.json' });
    expect(report.verdict).toBe('modified');
    expect(report.attachment).toBeNull();
    expect(report.signatures[1]).toMatchObject({ valid: true, trust: { status: 'trusted' } });
    const after = report.signatures[0]?.after;
    expect(after?.kind).toBe('changed');
    expect(after?.kind === 'changed' ? after.changes.map((c) => c.kind) : []).toContain('attachment');
  });

  it('page 1 content replaced by an unsigned update: file modified, change on page 1', async () => {
    const { org, bytes } = await countersigned();
    const page = findObject(bytes, /\/Type \/Page\b(?!s)/);
    const content = /\/Contents \[?\s*(\d+) 0 R/.exec(objectBody(bytes, page))?.[1];
    const text = 'BT /F1 12 Tf 50 750 Td (overall rating low) Tj ET';
    const updated = appendUpdate(bytes, [{ num: Number(content), body: `<< /Length ${String(text.length)} >>\nstream\n${text}\nendstream` }]);
    const report = await verifyPdf(updated, { trustedRoots: [org.root] });
    expect(report.verdict).toBe('modified');
    expect(report.problems.map((p) => p.code)).toContain('unsigned-changes');
    const after = report.signatures[0]?.after;
    expect(after?.kind === 'changed' ? after.changes : []).toContainEqual(expect.objectContaining({ kind: 'page-content', page: 1 }));
  });

  it('a shadow: a later signed update points a new object number at bytes of the signed revision', async () => {
    const { org, insider, bytes } = await countersigned();
    const stream = findObject(bytes, /\/Type \/EmbeddedFile/);
    const hiddenAt = new TextDecoder('latin1').decode(bytes).indexOf(`${String(stream)} 0 obj`);
    // Object 900 "revealed" at the attachment stream's bytes: readers that rebuild would disagree.
    const updated = appendUpdate(bytes, [{ num: 900, body: '', offset: hiddenAt }]);
    const signedAgain = await countersignPdf(updated, signOptions(insider, 'Insider', 'Reviewed'));
    const report = await verifyPdf(signedAgain, { trustedRoots: [org.root] });
    expect(report.verdict).toBe('refused');
    expect(report.problems.map((p) => p.code)).toEqual(['damaged']);
  });

  it('objects written in an update but not listed in its table (what readers that rebuild would show) are refused', async () => {
    const { org, insider, bytes } = await countersigned();
    const page = findObject(bytes, /\/Type \/Page\b(?!s)/);
    // A redefinition of page 1 slipped in before a genuine countersignature, listed in no table.
    const slipped = new TextEncoder().encode(`${String(page)} 0 obj\n<< /Type /Page /MediaBox [0 0 10 10] >>\nendobj\n`);
    const forged = appendUpdate(new Uint8Array([...bytes, ...slipped]), []);
    const report = await verifyPdf(await countersignPdf(forged, signOptions(insider, 'Insider', 'Reviewed')), { trustedRoots: [org.root] });
    expect(report.verdict).toBe('refused');
    expect(report.problems[0]?.detail).toMatch(/defined again/);
  });

  it('a certified file refuses a new signature field (only the prepared ones may be signed)', async () => {
    const { org, insider, bytes } = await countersigned();
    // Fill every prepared field first, then force a new field the way an uncertified file would get one.
    let filled = bytes;
    for (let i = 0; i < 6; i += 1) filled = await countersignPdf(filled, signOptions(insider, 'Insider', 'Reviewed'));
    await expect(countersignPdf(filled, signOptions(insider, 'Insider', 'Reviewed'))).rejects.toThrow(/no empty signature field/);
    const report = await verifyPdf(filled, { trustedRoots: [org.root] });
    expect(report.verdict).toBe('valid');
    expect(report.signatures).toHaveLength(7);
  });
});

describe('verifyPdf: bytes', () => {
  it('reports content appended after the last signature', async () => {
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared'));
    const appended = appendUpdate(signed, [{ num: 1, body: '<< >>' }]);
    const report = await verifyPdf(appended, { trustedRoots: [] });
    expect(report.verdict).toBe('modified');
    expect(report.problems.map((p) => p.code)).toContain('unsigned-changes');
  });

  it('a flipped byte inside a signed range is reported as modified', async () => {
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared'));
    const text = new TextDecoder('latin1').decode(signed);
    const at = text.indexOf('595 842');
    expect(at).toBeGreaterThan(0);
    const tampered = signed.slice();
    tampered[at + 2] = '6'.charCodeAt(0);
    const report = await verifyPdf(tampered, { trustedRoots: [] });
    expect(report.verdict).toBe('modified');
    expect(report.signatures[0]?.problems.map((p) => p.code)).toContain('digest-mismatch');
  });

  it('property: no single-byte flip inside the signed ranges yields a valid file', async () => {
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared'));
    expect(isValid(await verifyPdf(signed, { trustedRoots: [] }))).toBe(true);
    await assertNoFlipAccepted(signed, isValid, 60);
  });

  it('property: the same holds for the newest of two signatures', async () => {
    const signed = await countersignPdf(
      await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared')),
      signOptions(await selfSignedIdentity('B'), 'B', 'Reviewed'),
    );
    expect(isValid(await verifyPdf(signed, { trustedRoots: [] }))).toBe(true);
    await assertNoFlipAccepted(signed, isValid, 30);
  });

  it.each([
    ['empty', new Uint8Array(), 'not-pdf'],
    ['not a PDF', new TextEncoder().encode('hello, this is not a pdf at all'), 'not-pdf'],
    ['random bytes', Uint8Array.from({ length: 4000 }, (_v, i) => (i * 7919) % 256), 'not-pdf'],
  ])('refuses %s with a reason', async (_label, bytes, code) => {
    const report = await verifyPdf(bytes, { trustedRoots: [] });
    expect(report).toMatchObject({ verdict: 'refused', signatures: [] });
    expect(report.problems[0]?.code).toBe(code);
  });

  it('refuses every truncation of a signed file with a reason, never throwing', async () => {
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared'));
    for (const length of [10, 1000, Math.floor(signed.length / 2), signed.length - 40, signed.length - 1]) {
      const report = await verifyPdf(signed.subarray(0, length), { trustedRoots: [] });
      expect(report.verdict, `length ${String(length)}`).not.toBe('valid');
      expect(report.problems.length + report.signatures.flatMap((item) => item.problems).length).toBeGreaterThan(0);
    }
  });
});
