// Decisions are visible on the document (issue 14, item 3): a countersignature fills the summary's
// next decision box and draws the decision in it, so a PDF reader, a phone or paper shows it. The
// drawing is checked as readers draw it: the page rendered by pdftoppm (ink appears in exactly that
// box), and its text after qpdf flattens the appearances into the page. Every signature stays
// valid in pdfsig and in the app's verifier, and the certification is kept.
import { describe, expect, it } from 'vitest';
import { countersignSummary, type SignerIdentity } from '../../../src/export/facade/export-chunk';
import { certificateToPem } from '../../../src/export/signing/pem';
import { signPdf } from '../../../src/export/signing/sign';
import { buildSummaryPdf } from '../../../src/export/summary';
import { verifyPdf } from '../../../src/export/verify/verify';
import { organisation, signOptions } from '../signing/identities';
import { flattenedText, pdfsig, pdfsigBlocks } from '../signing/pdf-tools';
import { readFonts, summaryInput, texts } from './fixture';
import { fieldRect } from './fields';
import { inkInRect, pageCount, pdftotext, savePdf, squash } from './poppler';

const flattened = (bytes: Uint8Array): string => flattenedText(savePdf(bytes));

describe('decisions drawn on the summary', () => {
  it('the summary ends with six empty decision boxes; countersignatures fill them in order and draw the decision', async () => {
    const org = await organisation();
    const unsigned = await buildSummaryPdf(summaryInput('01-adult-avr-verified-reception-no-impediment.json', 'en'), readFonts());
    const signed = await signPdf(unsigned, signOptions(await org.issue('Amara Okafor'), 'Amara Okafor', 'Prepared'));
    expect(squash(pdftotext(savePdf(signed)))).toContain('Decisions on this summary');
    const box = fieldRect(signed, 'Signature2');
    const pages = pageCount(savePdf(signed));
    const emptyInk = inkInRect(savePdf(signed), pages, box);

    const supervisor = await org.issue('Sam Supervisorfictional');
    const identity: SignerIdentity = { name: 'Sam Supervisorfictional', organisation: 'Homeward Test Org', role: 'Supervisor', privateKey: supervisor.privateKey, certificatePem: certificateToPem(supervisor.certificate), chainPem: [certificateToPem(org.root)], verifiedByOrganisation: true };
    const date = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 600_000); // ten minutes ago, to the minute
    const time = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const options = { fonts: readFonts(), ui: texts('en').ui, language: 'en', date };
    const approved = (await countersignSummary(signed, identity, { kind: 'approve', comments: 'Reception address confirmed by phone.' }, options)).bytes;
    const returned = (await countersignSummary(approved, identity, { kind: 'return', comments: 'Confirm the meeting point at the airport.' }, options)).bytes;

    // Rendered: the first box now holds ink it did not have; the page count is unchanged.
    expect(inkInRect(savePdf(approved), pages, box)).toBeGreaterThan(emptyInk + 0.01);
    expect(pageCount(savePdf(returned))).toBe(pageCount(savePdf(signed)));
    // Read as drawn: both decisions, who, the comments, in the order they were signed.
    const text = flattened(returned);
    expect(text).toContain(`Approved By Sam Supervisorfictional, Supervisor Organisation: Homeward Test Org Signed ${time}`);
    expect(text).toContain('Comments: Reception address confirmed by phone.');
    expect(text).toContain('Returned for changes By Sam Supervisorfictional, Supervisor');
    expect(text.indexOf('Approved')).toBeLessThan(text.indexOf('Returned for changes'));
    // Not on the page before signing.
    expect(flattened(signed)).not.toContain('Approved');

    // Still a valid, certified, trusted file in the app and in pdfsig.
    const report = await verifyPdf(returned, { trustedRoots: [org.root] });
    expect(report.verdict).toBe('valid');
    expect(report.allTrusted).toBe(true);
    expect(report.signatures.map((s) => [s.fieldName, s.after.kind])).toEqual([
      ['Signature1', 'signatures-only'],
      ['Signature2', 'signatures-only'],
      ['Signature3', 'unchanged'],
    ]);
    const blocks = pdfsigBlocks(pdfsig(savePdf(returned)));
    expect(blocks).toHaveLength(3);
    for (const block of blocks) expect(block).toContain('Signature Validation: Signature is Valid.');
  });
});
