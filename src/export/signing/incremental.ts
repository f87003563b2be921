// WARNING: signing code. Countersignatures are appended as an incremental update after the original
// bytes, which must never change: one altered byte invalidates every earlier signature. The update
// adds a /Sig dictionary and fills one of the empty signature fields the certified first revision
// prepared (DocMDP P=2 permits nothing else); only an uncertified file gets a new field, which
// rewrites the objects that must list it. The verifier (src/export/verify/changes.ts) accepts
// exactly these two shapes of update: keep them in step.
import { ascii, concatBytes, latin1 } from './bytes';
import { CONTENTS_BYTES, BYTE_RANGE_PLACEHOLDER, SUB_FILTER, locatePlaceholder, pdfDate } from './placeholder';
import type { PlaceholderLocation, SignatureFields } from './placeholder';
import { PdfStructureError, decodeText, pdf, serialize, serializeObject, serializeStreamObject } from './pdf-syntax';
import type { PdfDict, PdfRef, PdfValue } from './pdf-syntax';
import { pageAsForm } from './transplant';
import type { AppearanceSource, NewObject } from './transplant';
import { getObject, readPdfIndex, resolve, trailerRef } from './xref';
import type { PdfIndex } from './xref';

type PendingObject = NewObject;

function withEntry(dict: PdfDict, key: string, value: PdfValue): PdfDict {
  const entries = new Map(dict.entries);
  entries.set(key, value);
  return { kind: 'dict', entries, start: -1, end: -1 };
}

function findFirstPage(index: PdfIndex, catalog: PdfDict): { ref: PdfRef; dict: PdfDict } {
  let ref = catalog.entries.get('Pages');
  for (let depth = 0; depth < 32; depth += 1) {
    if (ref?.kind !== 'ref') break;
    const object = getObject(index, ref.num);
    if (object.value.kind !== 'dict' || object.isStream) break;
    const type = object.value.entries.get('Type');
    if (type?.kind === 'name' && type.value === 'Page') return { ref, dict: object.value };
    const kids = resolve(index, object.value.entries.get('Kids'));
    ref = kids?.kind === 'array' ? kids.items[0] : undefined;
  }
  throw new PdfStructureError('The PDF has no page to carry the signature field.');
}

/** An array held inline in `owner[key]` or as its own object; returns its items and how to write it back. */
function editableArray(index: PdfIndex, owner: PdfDict, key: string): { items: PdfValue[]; objectNum?: number; gen?: number } {
  const value = owner.entries.get(key);
  if (value === undefined) return { items: [] };
  if (value.kind === 'array') return { items: [...value.items] };
  if (value.kind === 'ref') {
    const object = getObject(index, value.num);
    if (object.value.kind !== 'array') throw new PdfStructureError(`/${key} is not an array.`);
    return { items: [...object.value.items], objectNum: value.num, gen: object.gen };
  }
  throw new PdfStructureError(`/${key} is not an array.`);
}

function fieldNames(index: PdfIndex, fields: readonly PdfValue[]): Set<string> {
  const names = new Set<string>();
  for (const field of fields) {
    const dict = resolve(index, field);
    const title = dict?.kind === 'dict' ? dict.entries.get('T') : undefined;
    if (title?.kind === 'string') names.add(decodeText(title.bytes));
  }
  return names;
}

function xrefSection(objects: readonly { num: number; gen: number; offset: number }[]): string {
  const sorted = [...objects].sort((a, b) => a.num - b.num);
  let out = 'xref\n';
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1]?.num ?? -1) === (sorted[j]?.num ?? -2) + 1) j += 1;
    const group = sorted.slice(i, j + 1);
    out += `${group[0]?.num ?? 0} ${group.length}\n`;
    for (const entry of group) out += `${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n\r\n`;
    i = j + 1;
  }
  return out;
}

function signatureValue(fields: SignatureFields): PdfDict {
  return pdf.dict({
    Type: pdf.name('Sig'),
    Filter: pdf.name('Adobe.PPKLite'),
    SubFilter: pdf.name(SUB_FILTER),
    ByteRange: pdf.array([pdf.num(0), pdf.name(BYTE_RANGE_PLACEHOLDER), pdf.name(BYTE_RANGE_PLACEHOLDER), pdf.name(BYTE_RANGE_PLACEHOLDER)]),
    Contents: pdf.bytes(new Uint8Array(CONTENTS_BYTES)),
    M: pdf.bytes(ascii(pdfDate(fields.date))),
    Name: pdf.text(fields.name),
    Reason: pdf.text(fields.reason),
  });
}

/** The first prepared signature field that holds no signature yet, or undefined. */
function emptySignatureField(index: PdfIndex, catalog: PdfDict): { num: number; gen: number; dict: PdfDict } | undefined {
  const acroForm = resolve(index, catalog.entries.get('AcroForm'));
  const fields = acroForm?.kind === 'dict' ? resolve(index, acroForm.entries.get('Fields')) : undefined;
  if (fields?.kind !== 'array') return undefined;
  for (const field of fields.items) {
    if (field.kind !== 'ref') continue;
    const object = getObject(index, field.num);
    const { value } = object;
    if (value.kind !== 'dict' || object.isStream) continue;
    const type = value.entries.get('FT');
    if (type?.kind === 'name' && type.value === 'Sig' && !value.entries.has('V')) return { num: field.num, gen: object.gen, dict: value };
  }
  return undefined;
}

/** Width and height of a rectangle, or null for a zero-area (invisible) one. */
function boxOf(rect: PdfValue | undefined): { width: number; height: number } | null {
  if (rect?.kind !== 'array' || rect.items.length !== 4) return null;
  const [x1, y1, x2, y2] = rect.items.map((item) => (item.kind === 'num' ? item.value : 0));
  const width = Math.abs((x2 ?? 0) - (x1 ?? 0));
  const height = Math.abs((y2 ?? 0) - (y1 ?? 0));
  return width > 0 && height > 0 ? { width, height } : null;
}

/**
 * The box of the field the next countersignature will fill, so its appearance can be drawn at
 * that size; null when that field is invisible or there is none (a new invisible field is added).
 */
export function nextSignatureBox(pdfBytes: Uint8Array): { width: number; height: number } | null {
  const index = readPdfIndex(pdfBytes);
  const rootRef = trailerRef(index, 'Root');
  const catalog = rootRef === undefined ? undefined : getObject(index, rootRef.num).value;
  if (catalog?.kind !== 'dict') return null;
  return boxOf(emptySignatureField(index, catalog)?.dict.entries.get('Rect'));
}

function isCertified(index: PdfIndex, catalog: PdfDict): boolean {
  const perms = resolve(index, catalog.entries.get('Perms'));
  return perms?.kind === 'dict' && perms.entries.has('DocMDP');
}

/** Works out every object the update must add or rewrite. */
function plan(index: PdfIndex, fields: SignatureFields, appearance: AppearanceSource | undefined): PendingObject[] {
  if (index.trailer.entries.has('Encrypt')) throw new PdfStructureError('Encrypted PDFs cannot be countersigned.');
  const rootRef = trailerRef(index, 'Root');
  if (rootRef === undefined) throw new PdfStructureError('The trailer has no /Root catalog.');
  const root = getObject(index, rootRef.num);
  if (root.value.kind !== 'dict') throw new PdfStructureError('The catalog is not a dictionary.');
  let catalog = root.value;
  const sigRef = pdf.ref(index.size);
  const prepared = emptySignatureField(index, catalog);
  if (prepared !== undefined) {
    const filled = withEntry(prepared.dict, 'V', sigRef);
    const drawn = appearance !== undefined && boxOf(prepared.dict.entries.get('Rect')) !== null ? pageAsForm(appearance, index.size + 1) : undefined;
    return [
      { num: prepared.num, gen: prepared.gen, value: drawn === undefined ? filled : withEntry(filled, 'AP', pdf.dict({ N: pdf.ref(drawn.form) })) },
      { num: sigRef.num, gen: 0, value: signatureValue(fields) },
      ...(drawn?.objects ?? []),
    ];
  }
  if (isCertified(index, catalog)) {
    throw new PdfStructureError('This summary has no empty signature field left, and its certification allows no new one. Ask for a new version of the summary.');
  }
  const page = findFirstPage(index, catalog);
  const out: PendingObject[] = [];
  const widgetRef = pdf.ref(index.size + 1);

  // AcroForm: its own object (pdf-lib's layout), inline in the catalog, or missing.
  const acroValue = catalog.entries.get('AcroForm');
  let acroNum: number;
  let acroGen = 0;
  let acroForm: PdfDict;
  if (acroValue?.kind === 'ref') {
    const object = getObject(index, acroValue.num);
    if (object.value.kind !== 'dict') throw new PdfStructureError('/AcroForm is not a dictionary.');
    [acroNum, acroGen, acroForm] = [acroValue.num, object.gen, object.value];
  } else {
    acroNum = index.size + 2;
    acroForm = acroValue?.kind === 'dict' ? acroValue : pdf.dict({});
    catalog = withEntry(catalog, 'AcroForm', pdf.ref(acroNum));
    out.push({ num: rootRef.num, gen: root.gen, value: catalog });
  }
  const formFields = editableArray(index, acroForm, 'Fields');
  const taken = fieldNames(index, formFields.items);
  let n = formFields.items.length + 1;
  while (taken.has(`Signature${n}`)) n += 1;
  formFields.items.push(widgetRef);
  if (formFields.objectNum === undefined) acroForm = withEntry(acroForm, 'Fields', pdf.array(formFields.items));
  else out.push({ num: formFields.objectNum, gen: formFields.gen ?? 0, value: pdf.array(formFields.items) });
  out.push({ num: acroNum, gen: acroGen, value: withEntry(acroForm, 'SigFlags', pdf.num(3)) });

  const annots = editableArray(index, page.dict, 'Annots');
  annots.items.push(widgetRef);
  if (annots.objectNum === undefined) out.push({ num: page.ref.num, gen: page.ref.gen, value: withEntry(page.dict, 'Annots', pdf.array(annots.items)) });
  else out.push({ num: annots.objectNum, gen: annots.gen ?? 0, value: pdf.array(annots.items) });

  const widget = pdf.dict({
    Type: pdf.name('Annot'),
    Subtype: pdf.name('Widget'),
    FT: pdf.name('Sig'),
    Rect: pdf.array([pdf.num(0), pdf.num(0), pdf.num(0), pdf.num(0)]),
    F: pdf.num(132),
    P: page.ref,
    T: pdf.text(`Signature${n}`),
    V: sigRef,
  });
  out.push({ num: widgetRef.num, gen: 0, value: widget }, { num: sigRef.num, gen: 0, value: signatureValue(fields) });
  return out;
}

/**
 * Appends an incremental update holding a new signature field and a /Sig placeholder. The original
 * bytes are kept exactly. Only files whose xref chain is made of classic tables are accepted.
 */
export function appendSignaturePlaceholder(pdfBytes: Uint8Array, fields: SignatureFields, appearance?: AppearanceSource): { bytes: Uint8Array; location: PlaceholderLocation } {
  const index = readPdfIndex(pdfBytes);
  const objects = plan(index, fields, appearance);
  const lastByte = pdfBytes[pdfBytes.length - 1];
  const parts: Uint8Array[] = [pdfBytes];
  let offset = pdfBytes.length;
  if (lastByte !== 0x0a && lastByte !== 0x0d) {
    parts.push(ascii('\n'));
    offset += 1;
  }
  const appendedAt = offset;
  const written: { num: number; gen: number; offset: number }[] = [];
  for (const object of objects) {
    const body =
      object.data !== undefined && object.value.kind === 'dict' ? serializeStreamObject(object.num, object.gen, object.value, object.data) : serializeObject(object.num, object.gen, object.value);
    written.push({ num: object.num, gen: object.gen, offset });
    parts.push(body);
    offset += body.length;
  }
  const trailer = new Map(index.trailer.entries);
  trailer.delete('Prev');
  trailer.set('Size', pdf.num(Math.max(index.size, ...written.map((item) => item.num + 1))));
  trailer.set('Prev', pdf.num(index.startxref));
  const tail = `${xrefSection(written)}trailer\n${serialize({ kind: 'dict', entries: trailer, start: -1, end: -1 })}\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(ascii(tail));
  const bytes = concatBytes(parts);
  if (latin1(bytes, 0, pdfBytes.length) !== latin1(pdfBytes)) throw new PdfStructureError('Internal error: the original bytes changed.');
  return { bytes, location: locatePlaceholder(bytes, appendedAt) };
}
