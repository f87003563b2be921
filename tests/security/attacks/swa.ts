// SWA, signature wrapping attack (Mladenov et al., CCS 2019): the unsigned gap and the /ByteRange
// are manipulated so that bytes the signature does not cover are read as part of the document:
// objects hidden in the gap behind a shortened /Contents, a relocated second range, and ranges
// that overlap, go negative, leave the file, or stop short of its end.
import { ascii, concatBytes, indexOfBytes, toHex } from '../../../src/export/signing/bytes';
import type { AttackCase, Expectation } from '../support/cases';
import { rewriteByteRange, signatureLayout } from '../support/layout';
import { selfSigned } from '../support/pki';
import type { Identity } from '../support/pki';
import { appendUpdate, attachment, catalog, name, objectBytes, pdf, readPdfIndex, ref, serialize, signatureObjects, text, withEntries } from '../support/pdf-update';
import type { PdfObject } from '../support/pdf-update';
import { appCms, countersignRanges } from '../support/sign';
import type { World } from '../support/world';
import { APPROVED, attachmentStream, fields, replaceAttachment } from './edits';

/** The assessor's signature is broken or not the only thing read: never valid, never the attacker's content. */
const wrapped = (pdfsigBroken: boolean): Expectation => ({
  trustable: [true],
  // Where the digest still matches, pdfsig says "Signature is Valid." and only notices that the
  // signature does not cover the whole file (see README: pdfsig does not check the gap).
  pdfsig: [pdfsigBroken ? { sig: 0, validation: { isNot: 'Signature is Valid.' } } : { sig: 0, wholeDocument: false }],
});

/**
 * The gap rewritten: the real CMS (shortened /Contents), then `>> endobj`, the attacker's objects,
 * and the header of a dummy object whose dictionary the signed bytes after the gap close.
 */
function fillGap(signed: Uint8Array, objects: readonly PdfObject[], dummyNum: number): Uint8Array {
  const layout = signatureLayout(signed, 0);
  const width = layout.contents.end - layout.contents.start;
  const head = ascii(`<${toHex(layout.der)}>\n>>\nendobj\n`);
  const body = concatBytes(objects.map(objectBytes));
  const tail = ascii(`${dummyNum} 0 obj\n<<`);
  const pad = width - head.length - body.length - tail.length;
  if (pad < 0) throw new Error('the attacker’s objects do not fit in the gap');
  const out = signed.slice();
  out.set(concatBytes([head, body, ascii(' '.repeat(pad)), tail]), layout.contents.start);
  return out;
}

export async function swaCases(w: World): Promise<AttackCase[]> {
  const signed = w.signed;
  const index = readPdfIndex(signed);
  const layout = signatureLayout(signed, 0);
  const [, a, b, c] = layout.byteRange.values as [number, number, number, number];
  const efNum = attachment(index).stream.num;
  const root = catalog(index);
  const spare = index.size + 20;
  const attacker = await selfSigned('Dana Reyes');

  // The second signed range moved to the end, attacker objects and a new xref in front of it.
  const inserted = ascii('\n');
  const relocatedBase = rewriteByteRange(signed, layout, [0, a, b + inserted.length, c]);
  const relocated = concatBytes([relocatedBase.subarray(0, b), inserted, relocatedBase.subarray(b)]);

  // A catalog and attachment hidden in the gap, for readers that take the last definition in the file.
  const catalogInGap: PdfObject[] = [
    attachmentStream(w, spare + 1),
    { num: spare + 2, value: pdf.dict({ Type: name('Filespec'), F: pdf.bytes(ascii('assessment.json')), UF: text('assessment.json'), EF: pdf.dict({ F: ref(spare + 1) }) }) },
    { num: root.ref.num, value: withEntries(root.dict, { Names: pdf.dict({ EmbeddedFiles: pdf.dict({ Names: pdf.array([text('assessment.json'), ref(spare + 2)]) }) }) }) },
  ];

  // /Contents moved into an update (same ByteRange), the old gap now holding the attacker's attachment.
  const [sigNum] = signatureObjects(index);
  if (sigNum === undefined) throw new Error('signature dictionary not found');
  const appended = appendUpdate(signed, replaceAttachment(w, signed));

  return [
    {
      file: 'swa-01-attachment-hidden-in-gap-after-shortened-contents.pdf',
      attack: 'the gap keeps the real CMS but /Contents is closed early; a second assessment.json with the same object number follows in the unsigned gap',
      bytes: fillGap(signed, [attachmentStream(w, efNum)], spare),
      expect: wrapped(false),
    },
    {
      file: 'swa-02-catalog-and-attachment-hidden-in-gap.pdf',
      attack: 'a second catalog (same object number) and a new assessment.json are hidden in the unsigned gap',
      bytes: fillGap(signed, catalogInGap, spare),
      expect: wrapped(false),
    },
    {
      file: 'swa-03-contents-moved-to-update-gap-reused.pdf',
      attack: 'the signature dictionary is redefined in an update holding the real CMS; the original gap is reused for the attacker’s assessment.json',
      bytes: appendUpdate(fillGap(signed, [attachmentStream(w, efNum)], spare), [
        { num: sigNum, value: withEntries(pdf.dict({}), { Type: name('Sig'), Filter: name('Adobe.PPKLite'), SubFilter: name('ETSI.CAdES.detached'), ByteRange: pdf.array([0, a, b, c].map(pdf.num)), Contents: pdf.bytes(layout.der) }) },
      ]),
      expect: wrapped(false),
    },
    {
      file: 'swa-04-second-range-relocated-after-inserted-bytes.pdf',
      attack: 'bytes are inserted after the gap and /ByteRange rewritten so the second range still points at the original signed bytes',
      bytes: relocated,
      expect: wrapped(true),
    },
    {
      file: 'swa-05-overlapping-ranges.pdf',
      attack: '/ByteRange rewritten so that the second range starts inside the first',
      bytes: rewriteByteRange(signed, layout, [0, a, a - 200, c + (b - a) + 200]),
      expect: wrapped(true),
    },
    {
      file: 'swa-06-negative-range.pdf',
      attack: '/ByteRange rewritten with a negative offset',
      bytes: rewriteByteRange(signed, layout, [0, a, -b, c]),
      expect: wrapped(true),
    },
    {
      file: 'swa-07-range-beyond-end-of-file.pdf',
      attack: '/ByteRange rewritten so the second range runs past the end of the file',
      bytes: rewriteByteRange(signed, layout, [0, a, b, c + 5000]),
      expect: wrapped(true),
    },
    {
      file: 'swa-08-second-range-ends-before-eof.pdf',
      attack: '/ByteRange rewritten so the second range stops 300 bytes before the end (the trailer is left unsigned)',
      bytes: rewriteByteRange(signed, layout, [0, a, b, c - 300]),
      expect: wrapped(true),
    },
    {
      file: 'swa-09-first-range-not-at-start.pdf',
      attack: '/ByteRange rewritten so the first range starts after the header',
      bytes: rewriteByteRange(signed, layout, [9, a - 9, b, c]),
      expect: wrapped(true),
    },
    {
      file: 'swa-10-second-range-stretched-over-appended-update.pdf',
      attack: 'a new assessment.json is appended and /ByteRange rewritten so the signature claims to cover the whole file',
      bytes: rewriteByteRange(appended, layout, [0, a, b, appended.length - b]),
      expect: wrapped(true),
    },
    {
      file: 'swa-11-countersignature-range-stops-before-its-xref.pdf',
      attack: 'a countersignature (self-signed) whose second range stops before its own xref and trailer, which then point at a new catalog',
      bytes: await countersignRanges(appended, fields('Dana Reyes'), appCms(attacker), ([a0, b0, c0, d0]) => [a0, b0, c0, d0 - 120]),
      expect: { trustable: [true, false], changedAfter: ['yes', null], pdfsig: [{ sig: 1, wholeDocument: false }] },
    },
    {
      file: 'swa-12-countersignature-gap-wider-than-contents.pdf',
      attack: 'a countersignature whose gap also leaves /M, /Name and /Reason unsigned; its decision is then rewritten from "approved" to "returned"',
      bytes: await widenedGap(signed, attacker),
      expect: { trustable: [true, false], pdfsig: [{ sig: 1, wholeDocument: false }] },
    },
  ];
}

/**
 * A self-signed approval whose unsigned gap runs on past /Contents over /M, /Name and /Reason;
 * after signing, the decision in /Reason is rewritten (same length) and the signature still checks.
 */
async function widenedGap(signed: Uint8Array, attacker: Identity): Promise<Uint8Array> {
  const bytes = await countersignRanges(signed, fields('Dana Reyes', APPROVED), appCms(attacker), ([a0, b0, c0, d0], placeholder) => {
    const extra = indexOfBytes(placeholder, ascii('>>'), c0) - c0; // up to the end of the /Sig dictionary
    return [a0, b0, c0 + extra, d0 - extra];
  });
  const from = ascii(serialize(text(APPROVED)));
  const to = ascii(serialize(text(APPROVED.replace('approved', 'returned'))));
  const at = indexOfBytes(bytes, from, signed.length);
  const out = bytes.slice();
  out.set(to, at);
  return out;
}
