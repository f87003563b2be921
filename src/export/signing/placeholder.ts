// WARNING: signing code. The placeholder's exact bytes and the ByteRange computed from them decide
// what a signature covers. An off-by-one here invalidates every signature (pdfsig: "Illegal values
// in ByteRange array") or leaves bytes unsigned.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import type { PDFRef } from 'pdf-lib';
import { ascii, indexOfBytes, latin1, toHex } from './bytes';
import { PdfStructureError } from './pdf-syntax';

/** Reserved CMS size: 16 KiB, room for the signer and several chain certificates. */
export const CONTENTS_BYTES = 16 * 1024;
/** A fixed-width stand-in for each ByteRange number, replaced in place once offsets are known. */
export const BYTE_RANGE_PLACEHOLDER = '**********';
export const SUB_FILTER = 'ETSI.CAdES.detached';
/**
 * Empty signature fields prepared in the certified first revision. A certification with DocMDP
 * P=2 permits signing existing fields but not adding new ones (Acrobat enforces this), so every
 * later countersignature fills one of these. Six covers review, override, second review, partner
 * and re-checks; a case that needs more starts a new version of the summary.
 */
export const PREPARED_SIGNATURE_FIELDS = 6;
/** DocMDP permissions of the first signature: 2 = only form filling and signing afterwards. */
export const CERTIFICATION_PERMISSIONS = 2;

export interface SignatureFields {
  /** Signer's display name (/Name). Any language. */
  readonly name: string;
  /** Why this signature was made (/Reason), e.g. "Prepared by caseworker", "Reviewed by supervisor". */
  readonly reason: string;
  /** Claimed signing time, written as /M (PAdES: the CMS carries no signing-time attribute). */
  readonly date: Date;
}

export interface PlaceholderLocation {
  /** Offset of "[" of the ByteRange array and of the byte after "]". */
  readonly byteRangeStart: number;
  readonly byteRangeEnd: number;
  /** Offset of "<" of /Contents and of the byte after ">". */
  readonly contentsStart: number;
  readonly contentsEnd: number;
}

/** PDF date string in UTC, e.g. D:20250102030405Z. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString(); // 2025-01-02T03:04:05.678Z
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

const CONTENTS_PLACEHOLDER = ascii(`<${'0'.repeat(CONTENTS_BYTES * 2)}>`);
const BYTE_RANGE_KEY = ascii('/ByteRange');

/**
 * Finds the (single) unfilled placeholder at or after `from`: the zero-filled /Contents and the
 * ByteRange array of stand-ins in the same dictionary.
 */
export function locatePlaceholder(bytes: Uint8Array, from = 0): PlaceholderLocation {
  const contentsStart = indexOfBytes(bytes, CONTENTS_PLACEHOLDER, from);
  if (contentsStart === -1) throw new PdfStructureError('No signature placeholder was found.');
  if (indexOfBytes(bytes, CONTENTS_PLACEHOLDER, contentsStart + 1) !== -1) throw new PdfStructureError('More than one signature placeholder was found.');
  const dictStart = latin1(bytes, from, contentsStart).lastIndexOf('<<');
  const key = indexOfBytes(bytes, BYTE_RANGE_KEY, dictStart === -1 ? from : from + dictStart);
  if (key === -1 || key > contentsStart + CONTENTS_PLACEHOLDER.length + 512) throw new PdfStructureError('The signature placeholder has no /ByteRange.');
  const byteRangeStart = bytes.indexOf(0x5b, key);
  const byteRangeEnd = bytes.indexOf(0x5d, byteRangeStart) + 1;
  const text = latin1(bytes, byteRangeStart, byteRangeEnd);
  if (byteRangeStart === -1 || byteRangeEnd === 0 || text.split(BYTE_RANGE_PLACEHOLDER).length !== 4) {
    throw new PdfStructureError('The /ByteRange of the placeholder is not the expected stand-in.');
  }
  return { byteRangeStart, byteRangeEnd, contentsStart, contentsEnd: contentsStart + CONTENTS_PLACEHOLDER.length };
}

/** The two ranges a signature over this placeholder covers: everything except /Contents' <…>. */
export function byteRangeOf(location: PlaceholderLocation, fileLength: number): [number, number, number, number] {
  return [0, location.contentsStart, location.contentsEnd, fileLength - location.contentsEnd];
}

/** Writes the real ByteRange in place (same width, padded with spaces). Mutates `bytes`. */
export function writeByteRange(bytes: Uint8Array, location: PlaceholderLocation): [number, number, number, number] {
  const range = byteRangeOf(location, bytes.length);
  const width = location.byteRangeEnd - location.byteRangeStart;
  const text = `[${range.join(' ')}]`;
  if (text.length > width) throw new PdfStructureError('The file is too large for the ByteRange placeholder.');
  // Pad before "]" so the array still ends where it did.
  bytes.set(ascii(`${text.slice(0, -1)}${' '.repeat(width - text.length)}]`), location.byteRangeStart);
  return range;
}

/** Writes the DER CMS into /Contents (hex, zero-padded). Mutates `bytes`. */
export function writeContents(bytes: Uint8Array, location: PlaceholderLocation, cms: Uint8Array): void {
  if (cms.length > CONTENTS_BYTES) throw new PdfStructureError(`The signature (${cms.length} bytes) does not fit the ${CONTENTS_BYTES}-byte placeholder.`);
  bytes.set(ascii(toHex(cms)), location.contentsStart + 1);
}

/** The ByteRange array of stand-ins, as pdf-lib objects. */
function byteRangeStandIn(doc: PDFDocument): PDFArray {
  const array = PDFArray.withContext(doc.context);
  array.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i += 1) array.push(PDFName.of(BYTE_RANGE_PLACEHOLDER));
  return array;
}

/** /Reference of a certification signature: DocMDP with permissions P (ISO 32000-1, 12.8.2.2). */
function docMdpReference(doc: PDFDocument): PDFArray {
  const params = doc.context.obj({ Type: 'TransformParams', P: CERTIFICATION_PERMISSIONS, V: PDFName.of('1.2') });
  const reference = doc.context.obj({ Type: 'SigRef', TransformMethod: 'DocMDP' });
  reference.set(PDFName.of('TransformParams'), params);
  const array = PDFArray.withContext(doc.context);
  array.push(reference);
  return array;
}

/** The /Sig dictionary of a first signature (pdf-lib); incremental.ts writes the same shape for countersignatures. */
function signatureDictionary(doc: PDFDocument, fields: SignatureFields): PDFDict {
  const dict = PDFDict.withContext(doc.context);
  dict.set(PDFName.of('Type'), PDFName.of('Sig'));
  dict.set(PDFName.of('Filter'), PDFName.of('Adobe.PPKLite'));
  dict.set(PDFName.of('SubFilter'), PDFName.of(SUB_FILTER));
  dict.set(PDFName.of('ByteRange'), byteRangeStandIn(doc));
  dict.set(PDFName.of('Contents'), PDFHexString.of('0'.repeat(CONTENTS_BYTES * 2)));
  dict.set(PDFName.of('M'), PDFString.of(pdfDate(fields.date)));
  dict.set(PDFName.of('Name'), PDFHexString.fromText(fields.name));
  dict.set(PDFName.of('Reason'), PDFHexString.fromText(fields.reason));
  dict.set(PDFName.of('Reference'), docMdpReference(doc));
  return dict;
}

/** An invisible signature widget on `page` (a merged field + widget), optionally already holding `value`. */
function signatureWidget(doc: PDFDocument, page: PDFRef, title: string, value?: PDFRef): PDFDict {
  const widget = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    F: 132, // Print | Locked
    P: page,
  });
  widget.set(PDFName.of('T'), PDFHexString.fromText(title));
  if (value !== undefined) widget.set(PDFName.of('V'), value);
  return widget;
}

/**
 * Adds the first signature as a certification signature (DocMDP, P=2): an invisible signature field
 * on the first page holding the /Sig placeholder, PREPARED_SIGNATURE_FIELDS empty signature fields
 * for the countersignatures to come, and the catalog's /Perms naming the certification. Saves with
 * a classic xref table (useObjectStreams: false) so countersignatures can be appended later.
 * Refuses a PDF that is already signed: re-saving it with pdf-lib would break the existing signature.
 */
export async function addSignaturePlaceholder(pdfBytes: Uint8Array, fields: SignatureFields): Promise<{ bytes: Uint8Array; location: PlaceholderLocation }> {
  if (indexOfBytes(pdfBytes, BYTE_RANGE_KEY) !== -1) throw new PdfStructureError('This PDF is already signed; add a countersignature instead.');
  const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  const page = doc.getPages()[0];
  if (page === undefined) throw new PdfStructureError('The PDF has no page to carry the signature field.');
  const sigRef = doc.context.register(signatureDictionary(doc, fields));
  const acroForm = doc.catalog.getOrCreateAcroForm();
  // A summary prepares its own visible decision boxes (src/export/summary/decisions.ts); any other
  // PDF gets invisible ones here, so countersignatures always fill a field the certification allows.
  const prepared = acroForm.getAllFields().length > 0 ? 0 : PREPARED_SIGNATURE_FIELDS;
  for (let n = 1; n <= 1 + prepared; n += 1) {
    const widgetRef: PDFRef = doc.context.register(signatureWidget(doc, page.ref, `Signature${String(n)}`, n === 1 ? sigRef : undefined));
    page.node.addAnnot(widgetRef);
    // The assessor's field first, so every reader lists the signatures in the order they were made.
    if (n === 1) acroForm.normalizedEntries().Fields.insert(0, widgetRef);
    else acroForm.addField(widgetRef);
  }
  acroForm.dict.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  doc.catalog.set(PDFName.of('Perms'), doc.context.obj({ DocMDP: sigRef }));
  const bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return { bytes, location: locatePlaceholder(bytes) };
}
