// Signed summaries checked by poppler's pdfsig, the validator supervisors and partners use outside
// the app. pdfsig exits 0 even for bad signatures, so every assertion reads its text.
import { describe, expect, it } from 'vitest';
import { certificateToPem } from '../../../src/export/signing/pem';
import { countersignPdf, signPdf } from '../../../src/export/signing/sign';
import { verifyPdf } from '../../../src/export/verify/verify';
import { organisation, selfSignedIdentity, signOptions } from './identities';
import { CERTUTIL_MISSING, buildSummaryPdf, findCertutil, nssDbTrusting, pdfdetachList, pdfsig, pdfsigBlocks, tempDir, writeTemp } from './pdf-tools';

describe('pdfsig (poppler) on Homeward signatures', () => {
  it('validates a first signature over the whole document; the JSON attachment survives', async () => {
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('Amara Okafor'), 'Amara Okafor', 'Prepared by caseworker'));
    const path = writeTemp(tempDir(), 'signed.pdf', signed);
    const text = pdfsig(path);
    const blocks = pdfsigBlocks(text);
    expect(blocks, text).toHaveLength(1);
    expect(blocks[0]).toContain('Signature Type: ETSI.CAdES.detached');
    expect(blocks[0]).toContain('Total document signed');
    expect(blocks[0]).toContain('Signature Validation: Signature is Valid.');
    expect(blocks[0]).toContain('Signer Certificate Common Name: Amara Okafor');
    expect(blocks[0]).toContain('not verified by the organisation');
    expect(pdfdetachList(path)).toContain('assessment.json');
  });

  it('keeps every signature valid through two countersignatures (incremental updates)', async () => {
    let bytes = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('Caseworker'), 'Caseworker', 'Prepared'));
    bytes = await countersignPdf(bytes, signOptions(await selfSignedIdentity('Supervisor'), 'Supervisor', 'Reviewed'));
    bytes = await countersignPdf(bytes, signOptions(await selfSignedIdentity('Partner'), 'Partner', 'Received'));
    const path = writeTemp(tempDir(), 'countersigned.pdf', bytes);
    const text = pdfsig(path);
    const blocks = pdfsigBlocks(text);
    expect(blocks, text).toHaveLength(3);
    for (const block of blocks) expect(block, text).toContain('Signature Validation: Signature is Valid.');
    expect(blocks[0]).toContain('Not total document signed');
    expect(blocks[1]).toContain('Not total document signed');
    expect(blocks[2]).toContain('Total document signed');
    expect(blocks.map((block) => /Common Name: (.*)/.exec(block)?.[1])).toEqual(['Caseworker', 'Supervisor', 'Partner']);
    expect(pdfdetachList(path)).toContain('assessment.json');
  });

  it('reports a digest mismatch for a byte flipped inside a signed range, as verifyPdf does', async () => {
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared'));
    const tampered = signed.slice();
    const at = new TextDecoder('latin1').decode(signed).indexOf('595 842');
    expect(at).toBeGreaterThan(0); // the page's /MediaBox, inside the first signed range
    tampered[at + 2] = '6'.charCodeAt(0); // page width 595 → 596
    const text = pdfsig(writeTemp(tempDir(), 'tampered.pdf', tampered));
    expect(text).toContain('Signature Validation: Digest Mismatch.');
    expect(text).not.toContain('Signature is Valid.');
    const report = await verifyPdf(tampered, { trustedRoots: [] });
    expect(report.verdict).toBe('modified');
    expect(report.signatures[0]?.problems.map((p) => p.code)).toEqual(['digest-mismatch']);
  });

  it('shows "Certificate is Trusted." for every signature when the organisation root is in the NSS db', async () => {
    const certutil = findCertutil();
    if (certutil === undefined) throw new Error(CERTUTIL_MISSING);
    const org = await organisation();
    let bytes = await signPdf(await buildSummaryPdf(), signOptions(await org.issue('Caseworker'), 'Caseworker', 'Prepared'));
    bytes = await countersignPdf(bytes, signOptions(await org.issue('Supervisor'), 'Supervisor', 'Reviewed'));
    const nss = nssDbTrusting(certutil, certificateToPem(org.root));
    const text = pdfsig(writeTemp(tempDir(), 'trusted.pdf', bytes), nss);
    const blocks = pdfsigBlocks(text);
    expect(blocks, text).toHaveLength(2);
    for (const block of blocks) {
      expect(block, text).toContain('Signature Validation: Signature is Valid.');
      expect(block, text).toContain('Certificate Validation: Certificate is Trusted.');
    }
  });
});
