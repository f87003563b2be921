import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildSummaryPdf } from '../../../tests/unit/signing/pdf-tools';
import { selfSignedIdentity, signOptions } from '../../../tests/unit/signing/identities';
import { verifyPdf } from '../verify/verify';
import { appendSignaturePlaceholder } from './incremental';
import { PdfStructureError } from './pdf-syntax';
import { countersignPdf, signPdf } from './sign';
import { readPdfIndex } from './xref';

const fields = { name: 'Supervisor', reason: 'Reviewed', date: new Date() };

describe('incremental countersignature', () => {
  it('appends after the original bytes, which stay identical, with a /Prev-linked classic xref', async () => {
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared'));
    const { bytes, location } = appendSignaturePlaceholder(signed, fields);
    expect(bytes.subarray(0, signed.length)).toEqual(signed);
    expect(location.contentsStart).toBeGreaterThan(signed.length);
    const index = readPdfIndex(bytes);
    const prev = index.trailer.entries.get('Prev');
    expect(prev?.kind === 'num' ? prev.value : -1).toBe(readPdfIndex(signed).startxref);
    expect(new TextDecoder('latin1').decode(bytes.subarray(signed.length))).toMatch(/xref\n[\s\S]*trailer\n<<[\s\S]*>>\nstartxref\n\d+\n%%EOF\n$/);
  });

  it('can make the first signature on an unsigned classic-xref PDF (no AcroForm yet)', async () => {
    const bytes = await countersignPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared'));
    const report = await verifyPdf(bytes, { trustedRoots: [] });
    expect(report.signatures).toEqual([expect.objectContaining({ fieldName: 'Signature1', valid: true, coversWholeFile: true })]);
  });

  it('refuses a PDF whose cross-reference is a stream, rather than corrupting it', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const withXrefStream = await doc.save({ useObjectStreams: true });
    expect(() => appendSignaturePlaceholder(withXrefStream, fields)).toThrow(PdfStructureError);
    expect(() => appendSignaturePlaceholder(withXrefStream, fields)).toThrow(/cross-reference stream/);
  });

  it('refuses truncated and non-PDF input with a clear error', async () => {
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared'));
    expect(() => appendSignaturePlaceholder(signed.subarray(0, signed.length - 100), fields)).toThrow(/truncated/);
    expect(() => appendSignaturePlaceholder(new TextEncoder().encode('not a pdf, just some text here'), fields)).toThrow(/not a PDF/);
  });

  it('signPdf refuses an already-signed PDF (re-saving with pdf-lib would break the signature)', async () => {
    const identity = await selfSignedIdentity('A');
    const signed = await signPdf(await buildSummaryPdf(), signOptions(identity, 'A', 'Prepared'));
    await expect(signPdf(signed, signOptions(identity, 'A', 'Again'))).rejects.toThrow(/already signed/);
  });
});
