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
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s) => [s.fieldName, s.valid, s.after.kind, s.certification])).toEqual([['Signature1', true, 'unchanged', null]]);
  });

  it('fills the first empty field the certified first revision prepared, adding no field of its own', async () => {
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared'));
    const before = readPdfIndex(signed);
    const { bytes } = appendSignaturePlaceholder(signed, fields);
    const after = readPdfIndex(bytes);
    const changed = [...after.objects].filter(([num, entry]) => before.objects.get(num)?.offset !== entry.offset).map(([num]) => num);
    // Exactly two objects: the Signature2 widget (now holding /V) and the new /Sig dictionary.
    expect(changed).toHaveLength(2);
    const text = new TextDecoder('latin1').decode(bytes.subarray(signed.length));
    expect(text).toMatch(/\/T <feff005300690067006e0061007400750072006500320*>/i);
    expect(text).not.toMatch(/\/Annots|\/Fields/);
  });

  it('certifies the first signature (DocMDP, P=2) and prepares six empty signature fields', async () => {
    const signed = await signPdf(await buildSummaryPdf(), signOptions(await selfSignedIdentity('A'), 'A', 'Prepared'));
    const text = new TextDecoder('latin1').decode(signed);
    expect(text).toMatch(/\/Perms\s*<<\s*\/DocMDP \d+ 0 R/);
    expect(text).toMatch(/\/TransformMethod \/DocMDP/);
    expect(text).toMatch(/\/P 2\b/);
    expect((await verifyPdf(signed, { trustedRoots: [] })).signatures[0]?.certification).toEqual({ permissions: 2 });
    expect(text.match(/\/FT \/Sig/g)).toHaveLength(7);
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
