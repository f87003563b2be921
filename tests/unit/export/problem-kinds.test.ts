// The verify screen's plain-language verdicts, checked against what the real verifier says about
// real files (signed, countersigned, tampered, truncated, not a PDF, unsigned). Node environment:
// WebCrypto does not work under jsdom.
import { describe, expect, it } from 'vitest';
import { countersignPdf, signPdf } from '../../../src/export/signing/sign';
import { verifyPdf } from '../../../src/export/verify/verify';
import { classifyProblem, fileVerdict, problemKinds } from '../../../src/features/export/verify/problem-kinds';
import { organisation, selfSignedIdentity, signOptions } from '../signing/identities';
import { buildSummaryPdf } from '../signing/pdf-tools';

const verify = (bytes: Uint8Array, roots: Parameters<typeof verifyPdf>[1]['trustedRoots'] = []) => verifyPdf(bytes, { trustedRoots: roots });

describe('verdicts on real files', () => {
  it('a self-signed summary is valid, and its signer is "not verified by an organisation"', async () => {
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('Case Worker'), 'Case Worker', 'Prepared'));
    const report = await verify(signed);
    expect(fileVerdict(report)).toEqual({ kind: 'valid', allTrusted: false });
    expect(problemKinds(report.signatures[0]?.problems ?? [])).toEqual(['selfDeclared']);
  });

  it('a countersigned summary stays valid; the first signature is marked as followed by a later one', async () => {
    const org = await organisation();
    let bytes = await signPdf(await buildSummaryPdf(), signOptions(await org.issue('Case Worker'), 'Case Worker', 'Prepared'));
    bytes = await countersignPdf(bytes, signOptions(await org.issue('Supervisor'), 'Supervisor', 'Homeward decision: approved'));
    const report = await verify(bytes, [org.root]);
    expect(fileVerdict(report)).toEqual({ kind: 'valid', allTrusted: true });
    expect(problemKinds(report.signatures[0]?.problems ?? [])).toEqual(['laterSignature']);
    expect(report.signatures[1]?.problems).toEqual([]);
  });

  it('a flipped byte inside the signed range is "modified"', async () => {
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared'));
    const tampered = signed.slice();
    const at = new TextDecoder('latin1').decode(signed).indexOf('595 842');
    tampered[at + 2] = '6'.charCodeAt(0);
    expect(fileVerdict(await verify(tampered))).toEqual({ kind: 'modified' });
  });

  it('bytes appended after the last signature are "modified" (unsigned content)', async () => {
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared'));
    const text = new TextDecoder('latin1').decode(signed);
    // Re-append the final trailer so the file still parses, like a crude incremental edit.
    const lastXref = text.lastIndexOf('startxref');
    const appended = new TextEncoder().encode(`\n% edited\n${text.slice(lastXref)}`);
    const edited = new Uint8Array(signed.length + appended.length);
    edited.set(signed);
    edited.set(appended, signed.length);
    const report = await verify(edited);
    expect(problemKinds(report.problems)).toContain('unsignedChanges');
    expect(fileVerdict(report)).toEqual({ kind: 'modified' });
  });

  it('a truncated file, a non-PDF and an unsigned PDF are refused with their reason', async () => {
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared'));
    expect(fileVerdict(await verify(signed.subarray(0, Math.floor(signed.length / 2))))).toEqual({ kind: 'refused', reasons: ['truncated'] });
    expect(fileVerdict(await verify(new TextEncoder().encode('Dear supervisor, here is the summary.')))).toEqual({ kind: 'refused', reasons: ['notPdf'] });
    expect(fileVerdict(await verify(new Uint8Array()))).toEqual({ kind: 'refused', reasons: ['notPdf'] });
    expect(fileVerdict(await verify(await buildSummaryPdf()))).toEqual({ kind: 'refused', reasons: ['noSignatures'] });
  });
});

describe('problem kinds', () => {
  it('maps each verifier message to one plain kind', () => {
    expect(classifyProblem('This is not a PDF file (it does not start with "%PDF-").')).toBe('notPdf');
    expect(classifyProblem('The file is incomplete: it does not end with "%%EOF" (was it truncated?).')).toBe('truncated');
    expect(classifyProblem('The signed content was modified: its digest does not match the signature (Message digest mismatch).')).toBe('modified');
    expect(classifyProblem('The signer’s identity is self-declared: it has not been verified by an organisation you trust.')).toBe('selfDeclared');
    expect(classifyProblem('The signer’s certificate does not chain to an organisation root you trust at the signing time x (y).')).toBe('untrusted');
    expect(classifyProblem('The cryptographic signature does not match the signer’s certificate.')).toBe('badSignature');
    expect(classifyProblem('This PDF has a hybrid cross-reference (XRefStm), which Homeward cannot extend safely.')).toBe('unsupported');
    expect(classifyProblem('The cross-reference chain loops.')).toBe('damaged');
    expect(classifyProblem('something nobody expected')).toBe('unreadable');
  });

  it('an invalid signature without a digest mismatch is "invalid", not "modified"', () => {
    expect(fileVerdict({ problems: [], signatures: [{ valid: false, chain: 'untrusted', problems: ['The cryptographic signature does not match the signer’s certificate.'] }] })).toEqual({ kind: 'invalid' });
  });
});
