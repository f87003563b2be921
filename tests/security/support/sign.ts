// Signing for the suite, built from the app's own pieces (src/export/signing): its placeholders,
// its ByteRange and /Contents writers and, by default, its CMS. Each step of the app's signPdf is
// exposed so an attack can change one thing (the CMS, the certificates, the update it rides in).
import { ascii, concatBytes, toHex } from '../../../src/export/signing/bytes';
import { createDetachedCms } from '../../../src/export/signing/cms';
import { appendSignaturePlaceholder } from '../../../src/export/signing/incremental';
import {
  BYTE_RANGE_PLACEHOLDER,
  CONTENTS_BYTES,
  SUB_FILTER,
  addSignaturePlaceholder,
  locatePlaceholder,
  pdfDate,
  writeByteRange,
  writeContents,
} from '../../../src/export/signing/placeholder';
import type { PlaceholderLocation } from '../../../src/export/signing/placeholder';
import type { Identity } from './pki';
import { appendUpdate, arr, catalog, dictOf, firstPage, name, num, pdf, readPdfIndex, ref, resolve, serialize, text, withEntries } from './pdf-update';
import type { PdfDict, PdfObject, PdfValue } from './pdf-update';

/** Makes the DER CMS over the signed ranges. */
export type CmsMaker = (ranges: readonly Uint8Array[]) => Promise<Uint8Array>;

export interface Fields {
  readonly name: string;
  readonly reason: string;
  readonly date: Date;
}

/** The app's own CMS (createDetachedCms) for an identity. */
export function appCms(identity: Identity): CmsMaker {
  return (ranges) => createDetachedCms(ranges, { privateKey: identity.privateKey, certificate: identity.certificate, chain: identity.chain });
}

/** What the app's sign.ts does once a placeholder exists: ByteRange, then CMS, then /Contents. */
export async function fillPlaceholder(bytes: Uint8Array, location: PlaceholderLocation, cms: CmsMaker): Promise<Uint8Array> {
  const out = bytes.slice();
  const [, gapStart, gapEnd] = writeByteRange(out, location);
  writeContents(out, location, await cms([out.subarray(0, gapStart), out.subarray(gapEnd)]));
  return out;
}

/** First signature, as signPdf makes it, with any CMS. */
export async function signFirst(unsigned: Uint8Array, fields: Fields, cms: CmsMaker): Promise<Uint8Array> {
  const { bytes, location } = await addSignaturePlaceholder(unsigned, fields);
  return fillPlaceholder(bytes, location, cms);
}

/** A countersignature, as countersignPdf makes it, with any CMS. */
export async function countersign(signed: Uint8Array, fields: Fields, cms: CmsMaker): Promise<Uint8Array> {
  const { bytes, location } = appendSignaturePlaceholder(signed, fields);
  return fillPlaceholder(bytes, location, cms);
}

/**
 * A countersignature over ranges the attacker chooses: `ranges` turns the honest
 * [0, gapStart, gapEnd, tail] into the attacker's four numbers, which are written in place of the
 * stand-ins, and the CMS is made over exactly those ranges.
 */
export async function countersignRanges(
  signed: Uint8Array,
  fields: Fields,
  cms: CmsMaker,
  ranges: (honest: readonly [number, number, number, number], bytes: Uint8Array) => readonly [number, number, number, number],
): Promise<Uint8Array> {
  const { bytes, location } = appendSignaturePlaceholder(signed, fields);
  const out = bytes.slice();
  const honest = [0, location.contentsStart, location.contentsEnd, out.length - location.contentsEnd] as const;
  const [a, b, c, d] = ranges(honest, out);
  const width = location.byteRangeEnd - location.byteRangeStart;
  out.set(ascii(`[${a} ${b} ${c} ${d}`.padEnd(width - 1, ' ') + ']'), location.byteRangeStart);
  writeContents(out, location, await cms([out.subarray(a, a + b), out.subarray(c, c + d)]));
  return out;
}

/**
 * A first signature whose /Contents reserves `contentsBytes` (the app reserves 16 KiB): the app's
 * placeholder is widened and every offset after it moved, so an attacker's oversized CMS fits.
 */
export async function signFirstWide(unsigned: Uint8Array, fields: Fields, cms: CmsMaker, contentsBytes: number): Promise<Uint8Array> {
  const { bytes, location } = await addSignaturePlaceholder(unsigned, fields);
  const shift = (contentsBytes - CONTENTS_BYTES) * 2;
  const index = readPdfIndex(bytes);
  const xrefAt = index.startxref;
  const head = concatBytes([bytes.subarray(0, location.contentsStart + 1), ascii('0'.repeat(contentsBytes * 2)), bytes.subarray(location.contentsEnd - 1, xrefAt)]);
  const moved = (offset: number): number => (offset > location.contentsStart ? offset + shift : offset);
  let xref = `xref\n0 ${index.size}\n0000000000 65535 f\r\n`;
  for (let n = 1; n < index.size; n += 1) {
    const entry = index.objects.get(n);
    xref += entry === undefined ? '0000000000 65535 f\r\n' : `${String(moved(entry.offset)).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n\r\n`;
  }
  const tail = `${xref}trailer\n${serialize(index.trailer)}\nstartxref\n${head.length}\n%%EOF\n`;
  const wide = concatBytes([head, ascii(tail)]);
  const wideLocation = { ...location, contentsEnd: location.contentsEnd + shift };
  const [, gapStart, gapEnd] = writeByteRange(wide, wideLocation);
  const der = await cms([wide.subarray(0, gapStart), wide.subarray(gapEnd)]);
  if (der.length > contentsBytes) throw new Error(`CMS of ${der.length} bytes does not fit ${contentsBytes}`);
  wide.set(ascii(toHex(der)), wideLocation.contentsStart + 1);
  return wide;
}

/** The /Sig dictionary the app writes, with its fixed-width stand-ins. */
export function signatureDictionary(fields: Fields, extra: Record<string, PdfValue> = {}): PdfDict {
  return pdf.dict({
    Type: name('Sig'),
    Filter: name('Adobe.PPKLite'),
    SubFilter: name(SUB_FILTER),
    ByteRange: arr(num(0), name(BYTE_RANGE_PLACEHOLDER), name(BYTE_RANGE_PLACEHOLDER), name(BYTE_RANGE_PLACEHOLDER)),
    Contents: pdf.bytes(new Uint8Array(CONTENTS_BYTES)),
    M: pdf.bytes(ascii(pdfDate(fields.date))),
    Name: text(fields.name),
    Reason: text(fields.reason),
    ...extra,
  });
}

export interface SignedUpdate {
  /** Objects written in the same update as the signature (attacker's changes). */
  readonly objects?: readonly PdfObject[];
  /** Extra annotations (refs to objects in `objects`) added to page 1 beside the widget. */
  readonly annotations?: readonly number[];
  /** Replaces the page-1 dictionary the update writes (after the annotations were added). */
  readonly page?: (page: PdfDict) => PdfDict;
  /** Widget entries: a visible /Rect and /AP make a visible signature. */
  readonly widget?: Record<string, PdfValue>;
  /** Entries set in the new trailer. */
  readonly trailer?: Record<string, PdfValue | null>;
}

/**
 * A countersignature-shaped incremental update (signature, widget, page 1's /Annots and the
 * form's /Fields) that also carries whatever else the attacker puts in it, signed in one go.
 * Assumes the app's layout: /AcroForm and the page are objects, /Fields and /Annots inline.
 */
export async function signedUpdate(signed: Uint8Array, fields: Fields, cms: CmsMaker, update: SignedUpdate = {}): Promise<Uint8Array> {
  const index = readPdfIndex(signed);
  const root = catalog(index);
  const page = firstPage(index);
  const formRef = root.dict.entries.get('AcroForm');
  if (formRef?.kind !== 'ref') throw new Error('expected the app’s /AcroForm object');
  const form = dictOf(index, formRef, '/AcroForm');
  const extraNums = (update.objects ?? []).map((object) => object.num);
  const sigNum = Math.max(index.size, ...extraNums.map((n) => n + 1));
  const widgetNum = sigNum + 1;
  const fieldsList = resolve(index, form.entries.get('Fields'));
  const annots = resolve(index, page.dict.entries.get('Annots'));
  const count = fieldsList?.kind === 'array' ? fieldsList.items.length : 0;
  const widget = pdf.dict({
    Type: name('Annot'),
    Subtype: name('Widget'),
    FT: name('Sig'),
    Rect: arr(num(0), num(0), num(0), num(0)),
    F: num(132),
    P: page.ref,
    T: text(`Signature${count + 1}`),
    V: ref(sigNum),
    ...update.widget,
  });
  let pageDict = withEntries(page.dict, {
    Annots: arr(...(annots?.kind === 'array' ? annots.items : []), ...(update.annotations ?? []).map((n) => ref(n)), ref(widgetNum)),
  });
  if (update.page !== undefined) pageDict = update.page(pageDict);
  const objects: PdfObject[] = [
    ...(update.objects ?? []),
    { num: formRef.num, value: withEntries(form, { Fields: arr(...(fieldsList?.kind === 'array' ? fieldsList.items : []), ref(widgetNum)) }) },
    { num: page.ref.num, value: pageDict },
    { num: widgetNum, value: widget },
    { num: sigNum, value: signatureDictionary(fields) },
  ];
  const bytes = appendUpdate(signed, objects, { ...(update.trailer === undefined ? {} : { trailer: update.trailer }) });
  return fillPlaceholder(bytes, locatePlaceholder(bytes, signed.length), cms);
}
