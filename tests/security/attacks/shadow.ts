// Shadow attacks (Mainka et al., NDSS 2021). A malicious assessor prepares content inside the
// revision they sign, where the supervisor cannot see it; after the supervisor approves, a small
// update reveals it: "hide" (an overlay is removed), "replace" (a form value or a font changes),
// "hide-and-replace" (a whole shadow document, or a second copy of an object, is switched in by
// xref entries or the trailer's /Root alone). The reveal comes with and without a later signature.
// Also: a second, unreferenced copy of assessment.json inside ONE signed revision, which a reader
// that takes the last definition in the file shows while the xref (and pdfdetach) gives the first.
import { PREPARED_REASON } from '../../../src/case/decision';
import { ascii, concatBytes, latin1 } from '../../../src/export/signing/bytes';
import { addSignaturePlaceholder, locatePlaceholder } from '../../../src/export/signing/placeholder';
import type { AttackCase, Expectation } from '../support/cases';
import { ANY } from '../support/cases';
import { selfSigned } from '../support/pki';
import {
  appendUpdate,
  arr,
  attachment,
  catalog,
  definitionsOf,
  dictOf,
  firstPage,
  name,
  num,
  objectBytes,
  pdf,
  readPdfIndex,
  ref,
  resolve,
  str,
  text,
  valueOf,
  withEntries,
} from '../support/pdf-update';
import type { PdfDict, PdfObject, PdfValue } from '../support/pdf-update';
import { appCms, fillPlaceholder } from '../support/sign';
import { now, reviewerSigns } from '../support/world';
import type { World } from '../support/world';
import { ATTACKER_PAGE, appearance, attachmentStream, helvetica, insider, laterSignature, pageContentNum, selfSignedSigner, signedWith } from './edits';
import type { LaterSigner } from './edits';

/**
 * The malicious assessor signs (with their genuine, trusted certificate) a summary prepared with
 * `objects` (an unsigned update the app's signPdf flattens into one revision) and `hidden` bytes
 * slipped in before the xref, where no xref entry points (duplicate object numbers).
 */
async function assessorSignsPrepared(w: World, objects: readonly PdfObject[], hidden: readonly PdfObject[] = []): Promise<Uint8Array> {
  const prepared = objects.length > 0 ? appendUpdate(w.unsigned, objects) : w.unsigned;
  const { bytes } = await addSignaturePlaceholder(prepared, { name: 'Amara Okafor', reason: PREPARED_REASON, date: now() });
  let out = bytes;
  if (hidden.length > 0) {
    const xrefAt = readPdfIndex(bytes).startxref;
    const extra = concatBytes(hidden.map(objectBytes));
    const tail = latin1(bytes, xrefAt).replace(/startxref\s+\d+\s+%%EOF\s*$/, `startxref\n${xrefAt + extra.length}\n%%EOF\n`);
    out = concatBytes([bytes.subarray(0, xrefAt), extra, ascii(tail)]);
  }
  return fillPlaceholder(out, locatePlaceholder(out), appCms(w.caseworker));
}

/** The fields the summary's form already lists (its prepared decision boxes). */
function formFieldsOf(index: ReturnType<typeof readPdfIndex>, root: PdfDict): PdfValue[] {
  const form = resolve(index, root.entries.get('AcroForm'));
  const fields = form?.kind === 'dict' ? resolve(index, form.entries.get('Fields')) : undefined;
  return fields?.kind === 'array' ? [...fields.items] : [];
}

/** The supervisor approves what they see (the app's countersignature). */
const approve = (w: World, bytes: Uint8Array): Promise<Uint8Array> => reviewerSigns(bytes, w.supervisor, 'Dana Reyes', 'Supervisor');

/** An update with no objects: only xref entries (pointing at bytes already signed) and a trailer. */
function reveal(bytes: Uint8Array, remap: readonly { num: number; offset: number }[], trailer: Record<string, ReturnType<typeof ref>> = {}): Uint8Array {
  return appendUpdate(bytes, [], { remap, trailer });
}

/** Offset of the last definition of object `num` in the file (the hidden duplicate). */
function lastDefinition(bytes: Uint8Array, objectNum: number): number {
  const found = definitionsOf(bytes, objectNum).at(-1);
  if (found === undefined) throw new Error(`object ${objectNum} not found`);
  return found;
}

/**
 * Assessor and supervisor signed what the supervisor saw; a reveal follows: both must say "changed
 * after", and pdfsig must not say the supervisor's signature covers the file. After a /Root swap
 * pdfsig cannot be asked: it lists only the signatures the new catalog's form reaches (none, or
 * only the attacker's), which the README records as a finding about pdfsig.
 */
function revealed(laterTrustable?: boolean, pdfsigSeesThem = true): Expectation {
  const pdfsig = pdfsigSeesThem ? { pdfsig: [{ sig: 1, wholeDocument: false }] } : {};
  if (laterTrustable === undefined) return { trustable: [true, true], changedAfter: ['yes', 'yes'], ...pdfsig };
  return { signatures: 3, trustable: [true, true, laterTrustable], changedAfter: ['yes', 'yes', null], ...pdfsig };
}

/** A shadow document: catalog, page tree, one page with the attacker's text, and the attacker's assessment.json. */
function shadowDocument(w: World, first: number, rootDict: PdfDict): PdfObject[] {
  const [cat, pages, page, content, font, file, spec] = [0, 1, 2, 3, 4, 5, 6].map((i) => first + i) as [number, number, number, number, number, number, number];
  return [
    { num: cat, value: withEntries(rootDict, { Pages: ref(pages), Names: pdf.dict({ EmbeddedFiles: pdf.dict({ Names: arr(text('assessment.json'), ref(spec)) }) }), AF: arr(ref(spec)) }) },
    { num: pages, value: pdf.dict({ Type: name('Pages'), Kids: arr(ref(page)), Count: num(1) }) },
    {
      num: page,
      value: pdf.dict({ Type: name('Page'), Parent: ref(pages), MediaBox: arr(num(0), num(0), num(595.28), num(841.89)), Resources: pdf.dict({ Font: pdf.dict({ Fa: ref(font) }) }), Contents: ref(content) }),
    },
    { num: content, stream: { dict: pdf.dict({}), data: ATTACKER_PAGE } },
    helvetica(font),
    attachmentStream(w, file),
    { num: spec, value: pdf.dict({ Type: name('Filespec'), F: str('assessment.json'), UF: text('assessment.json'), AFRelationship: name('Data'), EF: pdf.dict({ F: ref(file) }) }) },
  ];
}

export async function shadowCases(w: World): Promise<AttackCase[]> {
  const attacker = await selfSigned('Dana Reyes');
  const index = readPdfIndex(w.unsigned);
  const size = index.size;
  const root = catalog(index);
  const page = firstPage(index);
  const contentNum = pageContentNum(w.unsigned);
  const efNum = attachment(index).stream.num;
  const shadowContent: PdfObject = { num: contentNum, stream: { dict: pdf.dict({}), data: ATTACKER_PAGE } };
  const annots = resolve(index, page.dict.entries.get('Annots'));
  const annotItems = annots?.kind === 'array' ? annots.items : [];

  // 1. A duplicate of page 1's content stream (same object number), unreferenced, inside the signed revision.
  // The page already lists the font the shadow content needs (an unused resource is invisible).
  const pageWithFont: PdfObject = {
    num: page.ref.num,
    value: withEntries(page.dict, { Resources: withEntries(dictOf(index, page.dict.entries.get('Resources'), 'resources'), { Font: pdf.dict({ ...fontsOf(index, page.dict), Fa: ref(size) }) }) }),
  };
  const dupContent = await approve(w, await assessorSignsPrepared(w, [helvetica(size), pageWithFont], [shadowContent]));
  const revealContent = reveal(dupContent, [{ num: contentNum, offset: lastDefinition(dupContent, contentNum) }]);

  // 2. A duplicate of assessment.json (same object number) inside the signed revision.
  const dupAttachmentSigned = await assessorSignsPrepared(w, [], [attachmentStream(w, efNum)]);
  const dupAttachment = await approve(w, dupAttachmentSigned);
  const revealAttachment = reveal(dupAttachment, [{ num: efNum, offset: lastDefinition(dupAttachment, efNum) }]);

  // 3. A whole shadow document, present in the signed revision's xref but referenced by nothing.
  const shadowListed = await approve(w, await assessorSignsPrepared(w, shadowDocument(w, size, root.dict)));
  const revealListed = appendUpdate(shadowListed, [], { trailer: { Root: ref(size) } });

  // 4. The same shadow document hidden before the xref (no xref entries): revealed by xref entries and /Root.
  const hiddenDoc = shadowDocument(w, size + 40, root.dict);
  const shadowHidden = await approve(w, await assessorSignsPrepared(w, [], hiddenDoc));
  const revealHidden = reveal(
    shadowHidden,
    hiddenDoc.map((object) => ({ num: object.num, offset: lastDefinition(shadowHidden, object.num) })),
    { Root: ref(size + 40) },
  );

  // 5. A spare content stream (listed, unreferenced) revealed by rewriting one reference in page 1.
  const spare = await approve(w, await assessorSignsPrepared(w, [{ num: size, stream: { dict: pdf.dict({}), data: ATTACKER_PAGE } }, helvetica(size + 1)]));
  const spareIndex = readPdfIndex(spare);
  const sparePage = firstPage(spareIndex);
  const pointPage = withEntries(sparePage.dict, {
    Contents: ref(size),
    Resources: withEntries(dictOf(spareIndex, sparePage.dict.entries.get('Resources'), 'resources'), { Font: pdf.dict({ Fa: ref(size + 1) }) }),
  });

  // 6. Hide: the attacker's text is in page 1's content, covered by an opaque overlay annotation showing "defer".
  const overlayNum = size + 2;
  const overlayObjects: PdfObject[] = [
    { num: size, stream: { dict: pdf.dict({}), data: ascii('BT /Fa 18 Tf 0 0 0 rg 56 800 Td (Recommendation: no impediment) Tj ET') } },
    helvetica(size + 1),
    {
      num: overlayNum,
      value: pdf.dict({ Type: name('Annot'), Subtype: name('Square'), Rect: arr(num(40), num(780), num(560), num(830)), F: num(4), AP: pdf.dict({ N: ref(size + 3) }) }),
    },
    appearance(size + 3, size + 1, '1 1 1 rg 0 0 520 50 re f BT /Fa 18 Tf 0 0 0 rg 16 20 Td (Recommendation: defer) Tj ET', 520, 50),
    {
      num: page.ref.num,
      value: withEntries(page.dict, {
        Contents: arr(...contentsOf(page.dict), ref(size)),
        Resources: withEntries(dictOf(index, page.dict.entries.get('Resources'), 'resources'), { Font: pdf.dict({ ...fontsOf(index, page.dict), Fa: ref(size + 1) }) }),
        Annots: arr(...annotItems, ref(overlayNum)),
      }),
    },
  ];
  const overlaid = await approve(w, await assessorSignsPrepared(w, overlayObjects));
  const overlaidIndex = readPdfIndex(overlaid);
  const overlaidPage = firstPage(overlaidIndex);
  const withoutOverlay = (dict: PdfDict): PdfDict => {
    const list = resolve(overlaidIndex, dict.entries.get('Annots'));
    return withEntries(dict, { Annots: arr(...(list?.kind === 'array' ? list.items : []).filter((item) => !(item.kind === 'ref' && item.num === overlayNum))) });
  };
  const overlayValue = valueOf(overlaidIndex, overlayNum);
  const hiddenOverlay = overlayValue.kind === 'dict' ? withEntries(overlayValue, { F: num(2) }) : overlayValue;

  // 7. Replace: a read-only text field showing "defer", whose value and appearance are later changed.
  const fieldNum = size + 2;
  const formObjects: PdfObject[] = [
    helvetica(size + 1),
    {
      num: fieldNum,
      value: pdf.dict({
        Type: name('Annot'),
        Subtype: name('Widget'),
        FT: name('Tx'),
        T: text('recommendation'),
        V: text('Recommendation: defer'),
        Ff: num(1),
        Rect: arr(num(40), num(780), num(560), num(830)),
        F: num(4),
        P: page.ref,
        DA: str('/Fa 18 Tf 0 g'),
        AP: pdf.dict({ N: ref(size + 3) }),
      }),
    },
    appearance(size + 3, size + 1, '1 1 1 rg 0 0 520 50 re f BT /Fa 18 Tf 0 0 0 rg 16 20 Td (Recommendation: defer) Tj ET', 520, 50),
    // The summary's own (empty, prepared) signature fields stay listed, so the supervisor can still countersign.
    { num: size + 4, value: pdf.dict({ Fields: arr(...formFieldsOf(index, root.dict), ref(fieldNum)), DA: str('/Fa 12 Tf 0 g'), DR: pdf.dict({ Font: pdf.dict({ Fa: ref(size + 1) }) }) }) },
    { num: page.ref.num, value: withEntries(page.dict, { Annots: arr(...annotItems, ref(fieldNum)) }) },
    { num: root.ref.num, value: withEntries(root.dict, { AcroForm: ref(size + 4) }) },
  ];
  const withField = await approve(w, await assessorSignsPrepared(w, formObjects));
  const fieldIndex = readPdfIndex(withField);
  const fieldValue = valueOf(fieldIndex, fieldNum);
  const filled: PdfObject[] = [
    { num: fieldNum, value: fieldValue.kind === 'dict' ? withEntries(fieldValue, { V: text('Recommendation: no impediment'), AP: pdf.dict({ N: ref(fieldIndex.size) }) }) : fieldValue },
    appearance(fieldIndex.size, size + 1, '1 1 1 rg 0 0 520 50 re f BT /Fa 18 Tf 0 0 0 rg 16 20 Td (Recommendation: no impediment) Tj ET', 520, 50),
  ];

  // 8. Replace via font: page 1's regular font is pointed at another embedded font program.
  const fontSwap = fontReplacement(w.countersigned);

  const later = [insider(w), selfSignedSigner(attacker)];
  const cases: AttackCase[] = [
    { file: 'shadow-01-page1-content-duplicate-revealed-by-xref-only.pdf', attack: 'hide-and-replace: a second page-1 content stream (same object number) prepared in the signed revision is switched in by an update holding only an xref entry', bytes: revealContent, expect: revealed() },
    { file: 'shadow-02-attachment-duplicate-revealed-by-xref-only.pdf', attack: 'hide-and-replace: a second assessment.json (same object number) prepared in the signed revision is switched in by an xref-only update', bytes: revealAttachment, expect: revealed() },
    { file: 'shadow-03-shadow-catalog-revealed-by-trailer-root-only.pdf', attack: 'hide-and-replace: a whole shadow document prepared (listed but unreferenced) in the signed revision is switched in by a trailer whose /Root points at it', bytes: revealListed, expect: revealed(undefined, false) },
    { file: 'shadow-04-hidden-shadow-catalog-revealed-by-xref-and-root.pdf', attack: 'hide-and-replace: a shadow document with no xref entries in the signed revision, revealed by new xref entries and /Root', bytes: revealHidden, expect: revealed(undefined, false) },
    { file: 'shadow-05-spare-content-revealed-by-one-page-reference.pdf', attack: 'replace: an unreferenced content stream prepared in the signed revision is put in use by rewriting page 1’s /Contents', bytes: appendUpdate(spare, [{ num: sparePage.ref.num, value: pointPage }]), expect: revealed() },
    { file: 'shadow-06-hide-overlay-annotation-removed.pdf', attack: 'hide: an opaque overlay showing "defer" covers "no impediment" in the signed page; an update removes it from /Annots', bytes: appendUpdate(overlaid, [{ num: overlaidPage.ref.num, value: withoutOverlay(overlaidPage.dict) }]), expect: revealed() },
    { file: 'shadow-07-hide-overlay-annotation-flagged-hidden.pdf', attack: 'hide: the same overlay is redefined with the Hidden flag', bytes: appendUpdate(overlaid, [{ num: overlayNum, value: hiddenOverlay }]), expect: revealed() },
    { file: 'shadow-08-replace-form-field-value.pdf', attack: 'replace: a read-only text field reading "defer" is filled with "no impediment" (value and appearance)', bytes: appendUpdate(withField, filled), expect: revealed() },
    { file: 'shadow-09-replace-font-program.pdf', attack: 'replace: one of page 1’s font descriptors is pointed at another font program, so the same glyph codes draw other glyphs', bytes: appendUpdate(w.countersigned, fontSwap), expect: revealed() },
  ];
  let n = 10;
  for (const signer of later) {
    cases.push(
      { file: `shadow-${n++}-page1-content-duplicate-revealed-then-${signer.label}-signs.pdf`, attack: `the xref-only reveal of a hidden page-1 content stream, then a ${signer.label} countersignature`, bytes: await laterSignature(revealContent, signer), expect: revealed(signer.trustable) },
      { file: `shadow-${n++}-shadow-catalog-revealed-then-${signer.label}-signs.pdf`, attack: `the /Root-only reveal of a shadow document, then a ${signer.label} countersignature`, bytes: await laterSignature(revealListed, signer), expect: revealed(signer.trustable, false) },
      { file: `shadow-${n++}-overlay-removed-in-${signer.label}-signature-update.pdf`, attack: `the overlay is removed in the same update as a ${signer.label} countersignature`, bytes: await signedWith(overlaid, signer, { page: withoutOverlay }), expect: revealed(signer.trustable) },
      { file: `shadow-${n++}-form-field-filled-in-${signer.label}-signature-update.pdf`, attack: `the field is filled with "no impediment" in the same update as a ${signer.label} countersignature`, bytes: await signedWith(withField, signer, { objects: filled }), expect: revealed(signer.trustable) },
    );
  }
  cases.push(
    { file: `shadow-${n++}-attachment-duplicate-revealed-then-trusted-insider-signs.pdf`, attack: 'the xref-only reveal of a hidden assessment.json, then a trusted insider countersignature', bytes: await laterSignature(revealAttachment, insider(w) satisfies LaterSigner), expect: revealed(true) },
    {
      file: `shadow-${n++}-second-attachment-copy-in-one-signed-revision.pdf`,
      attack: 'a second assessment.json with the same object number inside the one signed revision; the xref (and pdfdetach) give the genuine one, a reader taking the last definition shows the attacker’s',
      bytes: dupAttachmentSigned,
      expect: { verdicts: ANY, signatures: 1, trustable: [true] },
    },
    {
      file: `shadow-${n}-second-attachment-copy-in-one-signed-revision-then-approved.pdf`,
      attack: 'the same file, approved by the supervisor: the approval must stand beside the assessment the xref gives',
      bytes: dupAttachment,
      expect: { verdicts: ANY, signatures: 2, trustable: [true, true] },
    },
  );
  return cases;
}

function contentsOf(page: PdfDict) {
  const contents = page.entries.get('Contents');
  return contents?.kind === 'array' ? contents.items : contents === undefined ? [] : [contents];
}

function fontsOf(index: ReturnType<typeof readPdfIndex>, page: PdfDict): Record<string, ReturnType<typeof ref>> {
  const fonts = dictOf(index, dictOf(index, page.entries.get('Resources'), 'resources').entries.get('Font'), 'fonts');
  const out: Record<string, ReturnType<typeof ref>> = {};
  for (const [key, value] of fonts.entries) if (value.kind === 'ref') out[key] = value;
  return out;
}

/** Redefines one page-1 font's descriptor so its /FontFile2 is the other font's program. */
function fontReplacement(bytes: Uint8Array): PdfObject[] {
  const index = readPdfIndex(bytes);
  const fonts = Object.values(fontsOf(index, firstPage(index).dict)).map((r) => ({ r, dict: dictOf(index, r, 'font') }));
  const descriptor = (font: PdfDict): { num: number; dict: PdfDict } => {
    const descendants = resolve(index, font.entries.get('DescendantFonts'));
    const cid = dictOf(index, descendants?.kind === 'array' ? descendants.items[0] : undefined, 'CID font');
    const d = cid.entries.get('FontDescriptor');
    if (d?.kind !== 'ref') throw new Error('no font descriptor');
    return { num: d.num, dict: dictOf(index, d, 'descriptor') };
  };
  const [first, second] = fonts.map((font) => descriptor(font.dict));
  if (first === undefined || second === undefined) throw new Error('page 1 needs two fonts');
  const program = second.dict.entries.get('FontFile2');
  if (program === undefined) throw new Error('no font program');
  return [{ num: first.num, value: withEntries(first.dict, { FontFile2: program }) }];
}
