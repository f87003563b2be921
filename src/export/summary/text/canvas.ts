/**
 * A page's content stream written as PDF operators by hand, because pdf-lib cannot show glyph
 * ids with GPOS offsets. Text: one BT..ET per line; a Tm at each piece, TJ adjustments for the
 * shaped advances and x offsets, Ts (text rise) for y offsets (Arabic dots and harakat, stacked
 * Vietnamese marks). LTR lines are wrapped in a /Span with /ActualText (the logical string), so
 * copy/paste and pdftotext read ligatures and marks right; RTL or mixed lines are not, because
 * poppler reverses RTL ActualText: their extraction relies on the ToUnicode map and poppler's
 * own reordering. Everything a page shows goes through one Canvas, so paint order is write order.
 */
import { PDFHexString, type PDFDocument, type PDFImage, type PDFName, type PDFPage } from 'pdf-lib';
import type { Face } from './font-set';
import type { Line } from './layout';

export type Rgb = readonly [number, number, number];

const n = (v: number): string => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};
const hex4 = (id: number): string => id.toString(16).padStart(4, '0');

export class Canvas {
  private readonly parts: string[] = [];
  private readonly fontKeys = new Map<Face, PDFName>();
  private imageCount = 0;

  constructor(readonly page: PDFPage) {}

  private fontKey(face: Face): string {
    let key = this.fontKeys.get(face);
    if (!key) {
      key = this.page.node.newFontDictionary(face.name, face.pdfFont.ref);
      this.fontKeys.set(face, key);
    }
    return key.toString();
  }

  /** Draws a laid-out line with its left edge at x and its baseline at y. */
  text(line: Line, x: number, y: number, size: number, color: Rgb = [0, 0, 0]): void {
    if (line.pieces.length === 0) return;
    const out = this.parts;
    const actual = !line.rtl && !line.mixed && line.text !== '';
    if (actual) out.push(`/Span <</ActualText ${PDFHexString.fromText(line.text).toString()}>> BDC`);
    out.push(`BT ${n(color[0])} ${n(color[1])} ${n(color[2])} rg`);
    for (const placed of line.pieces) {
      const { face, run, level } = placed.piece;
      let pen = x + placed.x * size;
      const k = size * face.scale; // font units -> points
      const rtl = level % 2 === 1;
      out.push(`${this.fontKey(face)} ${n(size)} Tf`);
      // Chunks: glyphs on one rise, each started with an absolute Tm so they can be written in any
      // order. An RTL piece's chunks are written last-first: readers reverse the glyphs of an
      // RTL word, and a word split by raised marks (Arabic harakat) then reads in logical order.
      const chunks: string[] = [];
      let chunk: string[] = [];
      let expected = 0; // where the PDF pen stands after the last shown glyph
      let rise = 0;
      let start = '';
      const close = () => {
        if (chunk.length > 0) chunks.push(`${start} [${chunk.join('')}] TJ`);
        chunk = [];
      };
      run.glyphs.forEach((glyph, i) => {
        const pos = run.positions[i] ?? { xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 };
        const gx = pen + pos.xOffset * k;
        const gy = pos.yOffset * k;
        const id = face.use(glyph, rtl);
        if (chunk.length === 0 || gy !== rise) {
          close();
          rise = gy;
          start = `${n(gy)} Ts 1 0 0 1 ${n(gx)} ${n(y)} Tm`;
        } else {
          const shift = gx - expected;
          if (Math.abs(shift) > 0.001) chunk.push(n((-shift / size) * 1000));
        }
        chunk.push(`<${hex4(id)}>`);
        expected = gx + glyph.advanceWidth * k;
        pen += pos.xAdvance * k;
      });
      close();
      out.push(...(rtl ? chunks.reverse() : chunks));
    }
    out.push('0 Ts');
    out.push('ET');
    if (actual) out.push('EMC');
  }

  rect(x: number, y: number, width: number, height: number, fill: Rgb): void {
    this.parts.push(`q ${n(fill[0])} ${n(fill[1])} ${n(fill[2])} rg ${n(x)} ${n(y)} ${n(width)} ${n(height)} re f Q`);
  }

  line(x1: number, y1: number, x2: number, y2: number, color: Rgb, width = 0.5): void {
    this.parts.push(`q ${n(color[0])} ${n(color[1])} ${n(color[2])} RG ${n(width)} w ${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l S Q`);
  }

  image(image: PDFImage, x: number, y: number, width: number, height: number): void {
    const key = this.page.node.newXObject(`Sig${this.imageCount++}`, image.ref);
    this.parts.push(`q ${n(width)} 0 0 ${n(height)} ${n(x)} ${n(y)} cm ${key.toString()} Do Q`);
  }

  /** Appends the collected operators to the page as one (compressed) content stream. */
  flush(doc: PDFDocument): void {
    if (this.parts.length === 0) return;
    const stream = doc.context.flateStream(this.parts.join('\n'));
    this.page.node.addContentStream(doc.context.register(stream));
    this.parts.length = 0;
  }
}
