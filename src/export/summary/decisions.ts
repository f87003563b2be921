/**
 * "Decisions on this summary": the last page holds one box per later decision (a supervisor's
 * approval or return, an override of named rules, the receiving organisation's acceptance…), each
 * an empty signature field prepared in the certified first revision (the certification, DocMDP
 * P=2, lets later signatures fill fields but not add them; docs/adr/0006). A countersignature fills
 * the next box and draws its decision in it, so any PDF reader, phone or paper shows who decided
 * what, and when. The page itself only says what the boxes are for, which stays true after signing.
 */
import { PDFDocument, PDFHexString, PDFName, type PDFPage } from 'pdf-lib';
import { PREPARED_SIGNATURE_FIELDS } from '../signing/placeholder';
import { Canvas, type Rgb } from './text/canvas';
import { FontSet } from './text/font-set';
import { TextLayout } from './text/layout';
import type { SummaryFonts, SummaryInput } from './types';
import type { Writer } from './writer';

/** Adds the decisions page and its empty signature fields, named Signature2… (Signature1 is the assessor's). */
export function addDecisionSpaces(doc: PDFDocument, writer: Writer, input: SummaryInput): void {
  const languages = [input.working, ...(input.person && input.person.language.code !== input.working.language.code ? [input.person] : [])];
  writer.newPage();
  writer.heading(languages.map((t) => ({ text: t.ui('decisions.heading'), dir: t.language.dir })), 2);
  writer.paragraph(input.working.ui('decisions.intro'), { size: 9 });
  writer.space(6);
  const { page, rects } = writer.boxGrid(PREPARED_SIGNATURE_FIELDS, input.working.ui('decisions.space'));
  const acroForm = doc.catalog.getOrCreateAcroForm();
  rects.forEach((rect, i) => {
    const widget = doc.context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', Rect: rect, F: 4 /* Print */, P: page.ref });
    widget.set(PDFName.of('T'), PDFHexString.fromText(`Signature${String(i + 2)}`));
    const ref = doc.context.register(widget);
    page.node.addAnnot(ref);
    acroForm.addField(ref);
  });
}

export interface AppearanceLine {
  readonly text: string;
  readonly bold?: boolean;
}

const PAD = 7;
const WHITE: Rgb = [1, 1, 1];
const BORDER: Rgb = [0.08, 0.22, 0.42];
const TEXT: Rgb = [0.1, 0.1, 0.1];

function drawLines(canvas: Canvas, layout: TextLayout, lines: readonly AppearanceLine[], box: { width: number; height: number }, dir: 'ltr' | 'rtl'): void {
  let y = box.height - PAD;
  const maxWidth = box.width - 2 * PAD;
  for (const [i, item] of lines.entries()) {
    const size = i === 0 ? 10.5 : 8.5;
    const leading = size * 1.3;
    for (const line of layout.lines(item.text, { weight: item.bold === true || i === 0 ? 'bold' : 'regular', size, maxWidth, dir })) {
      if (y - leading < PAD) return; // what does not fit is in the signature's /Reason, which every check reads
      y -= leading;
      const x = dir === 'rtl' || line.rtl ? box.width - PAD - line.width * size : PAD;
      canvas.text(line, x, y + size * 0.28, size, TEXT);
    }
  }
}

/**
 * A one-page PDF of exactly `box`'s size showing `lines` (the first as a title) in the summary's
 * fonts, with bidi and shaping; src/export/signing/transplant.ts turns its page into the filled
 * field's appearance.
 */
export async function decisionAppearance(fonts: SummaryFonts, lines: readonly AppearanceLine[], box: { width: number; height: number }, dir: 'ltr' | 'rtl'): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const set = await FontSet.embed(doc, fonts);
  const page: PDFPage = doc.addPage([box.width, box.height]);
  const canvas = new Canvas(page);
  canvas.rect(0, 0, box.width, box.height, WHITE);
  canvas.line(0.5, 0.5, box.width - 0.5, 0.5, BORDER, 1);
  canvas.line(0.5, box.height - 0.5, box.width - 0.5, box.height - 0.5, BORDER, 1);
  canvas.line(0.5, 0.5, 0.5, box.height - 0.5, BORDER, 1);
  canvas.line(box.width - 0.5, 0.5, box.width - 0.5, box.height - 0.5, BORDER, 1);
  drawLines(canvas, new TextLayout(set), lines, box, dir);
  canvas.flush(doc);
  return doc.save({ useObjectStreams: false });
}
