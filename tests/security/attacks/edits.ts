// The attacker's edits to a genuine summary, as objects for an incremental update: a new
// assessment.json, new page-1 content, a changed catalog. Each returns what to write; the
// generators decide how the update is appended (well-formed, broken, signed or not).
import type * as pkijs from 'pkijs';
import { PREPARED_REASON, formatDecisionReason } from '../../../src/case/decision';
import { ascii } from '../../../src/export/signing/bytes';
import { cmsWithCertificates } from '../support/cms';
import type { Identity } from '../support/pki';
import { appendUpdate, arr, attachment, catalog, firstPage, flateStream, name, num, pdf, readPdfIndex, ref, str, text, withEntries } from '../support/pdf-update';
import type { PdfDict, PdfObject, PdfValue } from '../support/pdf-update';
import { appCms, countersign, signedUpdate } from '../support/sign';
import type { CmsMaker, Fields, SignedUpdate } from '../support/sign';
import { attackerJson, now } from '../support/world';
import type { World } from '../support/world';

/** The assessment.json stream with the attacker's JSON, under object number `num`. */
export function attachmentStream(w: World, objectNum: number, json = attackerJson(w)): PdfObject {
  return flateStream(objectNum, json, {
    Type: name('EmbeddedFile'),
    Subtype: name('application/json'),
    Params: pdf.dict({ Size: num(json.length) }),
  });
}

/** Redefines the existing assessment.json stream (same object number). */
export function replaceAttachment(w: World, bytes: Uint8Array): PdfObject[] {
  return [attachmentStream(w, attachment(readPdfIndex(bytes)).stream.num)];
}

/** The page-1 content the attacker wants seen: a white sheet and "Recommendation: no impediment". */
export const ATTACKER_PAGE = ascii('q 1 1 1 rg 0 0 596 842 re f Q BT /Fa 18 Tf 0 0 0 rg 56 760 Td (Recommendation: no impediment) Tj ET');

/** A Helvetica font dictionary (no embedding needed). */
export function helvetica(objectNum: number): PdfObject {
  return { num: objectNum, value: pdf.dict({ Type: name('Font'), Subtype: name('Type1'), BaseFont: name('Helvetica'), Encoding: name('WinAnsiEncoding') }) };
}

/** An appearance stream (form XObject) of width × height drawing `content`, with Helvetica (`fontNum`) as /Fa. */
export function appearance(objectNum: number, fontNum: number, content: string, width: number, height: number): PdfObject {
  return {
    num: objectNum,
    stream: {
      dict: pdf.dict({ Type: name('XObject'), Subtype: name('Form'), BBox: arr(num(0), num(0), num(width), num(height)), Resources: pdf.dict({ Font: pdf.dict({ Fa: ref(fontNum) }) }) }),
      data: ascii(content),
    },
  };
}

/** Page 1 with the attacker's content stream drawn on top and the font it needs. */
export function pageWithAttackerText(page: PdfDict, contentNum: number, fontNum: number): PdfDict {
  const contents = page.entries.get('Contents');
  const items = contents?.kind === 'array' ? contents.items : contents === undefined ? [] : [contents];
  const resources = page.entries.get('Resources');
  const res = resources?.kind === 'dict' ? resources : pdf.dict({});
  const fonts = res.entries.get('Font');
  const fontDict = fonts?.kind === 'dict' ? fonts : pdf.dict({});
  return withEntries(page, {
    Contents: arr(...items, ref(contentNum)),
    Resources: withEntries(res, { Font: withEntries(fontDict, { Fa: ref(fontNum) }) }),
  });
}

/** Objects that put the attacker's text on page 1 (new content stream, font, rewritten page). */
export function attackerPageObjects(bytes: Uint8Array, first = readPdfIndex(bytes).size): PdfObject[] {
  const page = firstPage(readPdfIndex(bytes));
  return [
    { num: first, stream: { dict: pdf.dict({}), data: ATTACKER_PAGE } },
    helvetica(first + 1),
    { num: page.ref.num, value: pageWithAttackerText(page.dict, first, first + 1) },
  ];
}

/** The first real content stream of page 1 (the app wraps it in q/Q streams). */
export function pageContentNum(bytes: Uint8Array): number {
  const contents = firstPage(readPdfIndex(bytes)).dict.entries.get('Contents');
  const target = contents?.kind === 'array' ? contents.items[1] ?? contents.items[0] : contents;
  if (target?.kind !== 'ref') throw new Error('page 1 has no content reference');
  return target.num;
}

/** A new catalog (or the old one rewritten) whose /Names carry the attacker's assessment.json. */
export function catalogWithAttackerAttachment(w: World, bytes: Uint8Array, first: number, catalogNum?: number): PdfObject[] {
  const index = readPdfIndex(bytes);
  const root = catalog(index);
  const spec = pdf.dict({ Type: name('Filespec'), F: str('assessment.json'), UF: text('assessment.json'), AFRelationship: name('Data'), EF: pdf.dict({ F: ref(first) }) });
  const names = pdf.dict({ EmbeddedFiles: pdf.dict({ Names: arr(text('assessment.json'), ref(first + 1)) }) });
  return [
    attachmentStream(w, first),
    { num: first + 1, value: spec },
    { num: catalogNum ?? root.ref.num, value: withEntries(root.dict, { Names: names, AF: arr(ref(first + 1)) }) },
  ];
}

export const APPROVED = formatDecisionReason({ kind: 'approve' });

/**
 * The attacker's own summary: the genuine one with the attacker's assessment.json, as an unsigned
 * file (two revisions; signing with the app's signPdf flattens it into one).
 */
export function forgedSummary(w: World): Uint8Array {
  return appendUpdate(w.unsigned, replaceAttachment(w, w.unsigned));
}

/** The fields of an assessor's first signature. */
export function assessorFields(name = 'Amara Okafor'): Fields {
  return { name, reason: PREPARED_REASON, date: now() };
}

export function fields(name: string, reason = APPROVED, date = now()): Fields {
  return { name, reason, date };
}

/** Who signs after the attacker's change, and how. */
export interface LaterSigner {
  readonly label: string;
  readonly name: string;
  readonly cms: CmsMaker;
  /** Whether a trusted root really issued this signer's own certificate (within profile). */
  readonly trustable: boolean;
}

export function insider(w: World): LaterSigner {
  return { label: 'trusted-insider', name: 'Eve Insider', cms: appCms(w.insider), trustable: true };
}

export function selfSignedSigner(attacker: Identity): LaterSigner {
  return { label: 'self-signed', name: 'Dana Reyes', cms: appCms(attacker), trustable: false };
}

/** A self-signed attacker whose CMS also carries the organisation root and a genuine caseworker certificate. */
export function pathConfusionSigner(w: World, attacker: Identity, extra: readonly pkijs.Certificate[] = [w.org.root, w.caseworker.certificate]): LaterSigner {
  return { label: 'path-confusion', name: 'Dana Reyes', cms: cmsWithCertificates(attacker, [attacker.certificate, ...extra]), trustable: false };
}

export function foreignSigner(foreign: Identity): LaterSigner {
  return { label: 'foreign-org', name: 'Dana Reyes', cms: appCms(foreign), trustable: false };
}

/** A countersignature by `signer` appended after whatever the file holds (the app's countersign update). */
export function laterSignature(bytes: Uint8Array, signer: LaterSigner): Promise<Uint8Array> {
  return countersign(bytes, fields(signer.name), signer.cms);
}

/** The attacker's objects and a signature in one update. */
export function signedWith(bytes: Uint8Array, signer: LaterSigner, update: SignedUpdate): Promise<Uint8Array> {
  return signedUpdate(bytes, fields(signer.name), signer.cms, update);
}

export type { PdfValue };
