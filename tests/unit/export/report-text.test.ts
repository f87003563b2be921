// The verify screen's sentences, checked against what the real verifier says about real files.
// Every sentence key must exist in the English strings. Node environment (WebCrypto).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countersignPdf, signPdf } from '../../../src/export/signing/sign';
import { verifyPdf } from '../../../src/export/verify/verify';
import type { ChangeKind, ProblemCode, TrustProblem, VerifyReport } from '../../../src/export/verify';
import { afterSentences, fileProblemKeys, signatureProblemKeys, trustSentences, verdictSentences } from '../../../src/features/export/verify/report-text';
import { organisation, selfSignedIdentity, signOptions } from '../signing/identities';
import { buildSummaryPdf } from '../signing/pdf-tools';
import { appendUpdate, findObject } from '../signing/update';

const en = JSON.parse(readFileSync(new URL('../../../locales/en/export.json', import.meta.url), 'utf8')) as Record<string, string>;
const exists = (key: string) => key in en || `${key}_one` in en;

function allKeys(report: VerifyReport): string[] {
  return [
    ...verdictSentences(report).map((s) => s.key),
    ...fileProblemKeys(report),
    ...report.signatures.flatMap((s) => {
      const after = afterSentences(s.after);
      const trust = trustSentences(s.trust);
      return [after.head.key, ...after.changes.map((c) => c.key), trust.head.key, ...trust.problems.map((p) => p.key), ...signatureProblemKeys(s)];
    }),
  ];
}

describe('verify screen sentences on real files', () => {
  it('a self-signed summary: valid, unchanged, self-declared', async () => {
    const report = await verifyPdf(await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('C'), 'C', 'P')), { trustedRoots: [] });
    expect(verdictSentences(report).map((s) => s.key)).toEqual(['verify.verdict.validUntrusted', 'verify.verdict.unchanged']);
    const [signature] = report.signatures;
    if (signature === undefined) throw new Error('no signature');
    expect(afterSentences(signature.after).head.key).toBe('verify.after.unchanged');
    expect(trustSentences(signature.trust)).toEqual({ head: { key: 'verify.trust.selfSigned' }, problems: [] });
    for (const key of allKeys(report)) expect(exists(key), key).toBe(true);
  });

  it('a countersigned, trusted summary: valid, trusted, "only 1 later signature"', async () => {
    const org = await organisation();
    let bytes = await signPdf(await buildSummaryPdf(), signOptions(await org.issue('C'), 'C', 'P'));
    bytes = await countersignPdf(bytes, signOptions(await org.issue('S'), 'S', 'Homeward decision: approved'));
    const report = await verifyPdf(bytes, { trustedRoots: [org.root] });
    expect(verdictSentences(report)).toEqual([{ key: 'verify.verdict.validTrusted' }, { key: 'verify.verdict.onlySignatures', params: { count: 1 } }]);
    expect(report.signatures[0] && afterSentences(report.signatures[0].after).head).toEqual({ key: 'verify.after.signaturesOnly', params: { count: 1 } });
    expect(report.signatures[1] && trustSentences(report.signatures[1].trust).head).toEqual({ key: 'verify.trust.trusted', params: { organisation: 'Homeward Test Org' } });
    for (const key of allKeys(report)) expect(exists(key), key).toBe(true);
  });

  it('an altered file: modified, each change once, with its page', async () => {
    const org = await organisation();
    const bytes = await signPdf(await buildSummaryPdf(), signOptions(await org.issue('C'), 'C', 'P'));
    const stream = findObject(bytes, /\/Type \/EmbeddedFile/);
    const altered = appendUpdate(bytes, [{ num: stream, body: '<< /Length 2 >>\nstream\n{}\nendstream' }]);
    const report = await verifyPdf(altered, { trustedRoots: [org.root] });
    expect(verdictSentences(report)).toEqual([{ key: 'verify.verdict.modified' }]);
    expect(fileProblemKeys(report)).toEqual(['verify.problem.unsigned-changes']);
    const after = report.signatures[0] && afterSentences(report.signatures[0].after);
    expect(after?.head.key).toBe('verify.after.changed');
    expect(after?.changes).toEqual([{ key: 'verify.change.attachment' }]);
    for (const key of allKeys(report)) expect(exists(key), key).toBe(true);
  });

  it('a refused file names its reason', async () => {
    const report = await verifyPdf(new TextEncoder().encode('not a pdf'), { trustedRoots: [] });
    expect(verdictSentences(report)).toEqual([{ key: 'verify.verdict.refused' }]);
    expect(fileProblemKeys(report)).toEqual(['verify.problem.not-pdf']);
  });

  it('every problem, trust problem and change kind the verifier can report has an English sentence', () => {
    // Record<…, true> makes the compiler list every member of each union: a new code fails typecheck here.
    const problems = Object.keys({
      'not-pdf': true, truncated: true, damaged: true, unsupported: true, 'no-signatures': true, 'too-complex': true, 'too-slow': true, 'unsigned-changes': true,
      'attachment-unreadable': true, 'signature-structure': true, 'signature-unreadable': true, 'digest-mismatch': true, 'signature-mismatch': true,
      'signer-certificate': true, 'certificate-binding': true, 'claimed-time': true,
    } satisfies Record<ProblemCode, true>);
    const trust = Object.keys({
      'no-trusted-roots': true, 'no-path': true, 'self-signed': true, 'expired-now': true, 'not-valid-at-claimed-time': true, 'claimed-time-in-future': true,
      'bad-issuer-signature': true, 'not-a-ca': true, 'path-length': true, 'key-usage': true, 'extended-key-usage': true,
      'signer-is-ca': true, 'basic-constraints': true, 'unknown-critical-extension': true, 'unsupported-key': true,
    } satisfies Record<TrustProblem, true>).filter((code) => code !== 'self-signed'); // said by verify.trust.selfSigned
    const changes = Object.keys({
      'page-content': true, pages: true, annotation: true, attachment: true, form: true, catalog: true, metadata: true, 'hidden-object': true,
      removed: true, 'visible-signature': true, certification: true, structure: true, added: true, other: true,
    } satisfies Record<ChangeKind, true>);
    for (const code of problems) expect(exists(`verify.problem.${code}`), code).toBe(true);
    for (const code of trust) expect(exists(`verify.trustProblem.${code}`), code).toBe(true);
    for (const kind of changes) expect(exists(`verify.change.${kind}`), kind).toBe(true);
  });
});
