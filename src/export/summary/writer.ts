/**
 * Flowing A4 layout for the summary: headings, label/value fields, paragraphs, small tables and
 * images, with page breaks, a running header and "Page n of N" footers added once the page count
 * is known. Lines are aligned by their own paragraph direction (Arabic right, Latin left), and
 * indents and table columns follow the document's direction, so an Arabic summary reads from
 * the right.
 */
import type { PDFDocument, PDFImage, PDFPage } from 'pdf-lib';
import { Canvas, type Rgb } from './text/canvas';
import type { Weight } from './text/font-set';
import type { Direction, Line, TextLayout } from './text/layout';

export const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 50;
const MARGIN_TOP = 64;
const MARGIN_BOTTOM = 60;

export const colors = {
  text: [0.1, 0.1, 0.1] as Rgb,
  muted: [0.38, 0.38, 0.4] as Rgb,
  heading: [0.08, 0.22, 0.42] as Rgb,
  rule: [0.7, 0.72, 0.76] as Rgb,
  band: [0.93, 0.95, 0.98] as Rgb,
  stop: [0.7, 0.05, 0.05] as Rgb,
  esc: [0.72, 0.33, 0] as Rgb,
  warn: [0.6, 0.3, 0] as Rgb,
};

export interface Style {
  weight?: Weight;
  size?: number;
  color?: Rgb;
  dir?: Direction;
  /** extra inset on the start side, in points */
  indent?: number;
}

interface PageEntry { page: PDFPage; canvas: Canvas }

export class Writer {
  readonly width = A4[0] - 2 * MARGIN_X;
  private readonly pages: PageEntry[] = [];
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly layout: TextLayout,
    private readonly dir: 'ltr' | 'rtl',
  ) {
    this.newPage();
  }

  private get current(): PageEntry {
    return this.pages[this.pages.length - 1] as PageEntry;
  }

  newPage(): void {
    const page = this.doc.addPage(A4);
    this.pages.push({ page, canvas: new Canvas(page) });
    this.y = A4[1] - MARGIN_TOP;
  }

  /** Starts a new page unless `height` points still fit. */
  ensure(height: number): void {
    if (this.y - height < MARGIN_BOTTOM) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  lines(text: string, style: Style, width = this.width - (style.indent ?? 0)): Line[] {
    return this.layout.lines(text, { weight: style.weight ?? 'regular', size: style.size ?? 10, maxWidth: width, dir: style.dir ?? this.dir });
  }

  /**
   * x of a line inside the box [left, left + boxWidth]. An RTL document aligns every line to the
   * right (a Latin answer too, so the page reads as one column); an LTR document aligns RTL
   * lines (the person's Arabic) to the right and the rest to the left. Indents sit on the
   * document's start side.
   */
  private xFor(line: Line, size: number, left: number, boxWidth: number, indent: number): number {
    const start = this.dir === 'rtl' ? 0 : indent;
    const end = this.dir === 'rtl' ? indent : 0;
    return this.alignsRight(line) ? left + boxWidth - end - line.width * size : left + start;
  }

  private alignsRight(line: Line): boolean {
    return this.dir === 'rtl' || line.rtl;
  }

  /** Draws laid-out lines, breaking pages between lines. */
  drawLines(lines: readonly Line[], style: Style): void {
    const size = style.size ?? 10;
    const leading = size * 1.38;
    for (const line of lines) {
      this.ensure(leading);
      this.y -= leading;
      const x = this.xFor(line, size, MARGIN_X, this.width, style.indent ?? 0);
      this.current.canvas.text(line, x, this.y + size * 0.3, size, style.color ?? colors.text);
    }
  }

  paragraph(text: string, style: Style = {}, after = 3): void {
    if (text.trim() === '') return;
    this.drawLines(this.lines(text, style), style);
    this.y -= after;
  }

  heading(texts: readonly { text: string; dir: 'ltr' | 'rtl' }[], level: 1 | 2 | 3): void {
    const size = level === 1 ? 17 : level === 2 ? 13 : 11;
    const laid = texts.map((t) => this.lines(t.text, { weight: 'bold', size, dir: t.dir }));
    const height = laid.reduce((sum, l) => sum + l.length * size * 1.38, 0);
    this.ensure(height + (level === 3 ? 24 : 40)); // keep a heading with what follows
    this.y -= level === 1 ? 4 : level === 2 ? 12 : 6;
    laid.forEach((lines, i) => this.drawLines(lines, { weight: 'bold', size: i === 0 ? size : size - 1, color: i === 0 ? colors.heading : colors.muted }));
    if (level === 2) {
      this.y -= 3;
      this.current.canvas.line(MARGIN_X, this.y, MARGIN_X + this.width, this.y, colors.rule, 0.6);
    }
    this.y -= 4;
  }

  /** A label (one per language) and its value paragraphs, kept together at a page break. */
  field(labels: readonly { text: string; dir: 'ltr' | 'rtl' }[], values: readonly { text: string; dir: Direction; style?: Style }[], indent = 0): void {
    const labelStyle: Style = { size: 8.5, color: colors.muted, indent };
    const labelLines = labels.map((l) => this.lines(l.text, { ...labelStyle, dir: l.dir }));
    const valueLines = values.map((v) => ({ lines: this.lines(v.text, { size: 10, indent: indent + 10, ...v.style, dir: v.dir }), style: { size: 10, indent: indent + 10, ...v.style, dir: v.dir } }));
    const labelHeight = labelLines.reduce((s, l) => s + l.length * 8.5 * 1.38, 0);
    this.ensure(labelHeight + 16);
    for (const lines of labelLines) this.drawLines(lines, labelStyle);
    for (const v of valueLines) this.drawLines(v.lines, v.style);
    this.y -= 4;
  }

  /** A small table; the heading row repeats after a page break. */
  table(headings: readonly string[], rows: readonly (readonly string[])[], fractions?: readonly number[]): void {
    const count = headings.length;
    const shares = fractions ?? headings.map(() => 1 / count);
    const widths = shares.map((f) => f * this.width);
    const pad = 4;
    const layoutRow = (cells: readonly string[], weight: Weight) =>
      cells.map((cell, i) => this.lines(cell, { weight, size: 9, dir: 'auto' }, (widths[i] ?? 0) - 2 * pad));
    const heightOf = (cells: Line[][]) => Math.max(...cells.map((c) => c.length)) * 9 * 1.35 + 2 * pad;
    const head = layoutRow(headings, 'bold');
    const drawRow = (cells: Line[][], band: boolean) => {
      const height = heightOf(cells);
      const canvas = this.current.canvas;
      const top = this.y;
      if (band) canvas.rect(MARGIN_X, top - height, this.width, height, colors.band);
      let offset = 0;
      cells.forEach((lines, i) => {
        const w = widths[i] ?? 0;
        const left = this.dir === 'rtl' ? MARGIN_X + this.width - offset - w : MARGIN_X + offset;
        lines.forEach((line, j) => {
          const x = this.alignsRight(line) ? left + w - pad - line.width * 9 : left + pad;
          canvas.text(line, x, top - pad - (j + 1) * 9 * 1.35 + 9 * 0.35, 9, colors.text);
        });
        offset += w;
      });
      this.y -= height;
      canvas.line(MARGIN_X, this.y, MARGIN_X + this.width, this.y, colors.rule, 0.4);
    };
    this.ensure(heightOf(head) + heightOf(layoutRow(rows[0] ?? headings, 'regular')));
    drawRow(head, true);
    for (const row of rows) {
      const cells = layoutRow(row, 'regular');
      if (this.y - heightOf(cells) < MARGIN_BOTTOM) {
        this.newPage();
        drawRow(head, true);
      }
      drawRow(cells, false);
    }
    this.y -= 8;
  }

  image(image: PDFImage, maxWidth: number, maxHeight: number, indent = 0): void {
    const scale = Math.min(maxWidth / image.width, maxHeight / image.height, 1);
    const w = image.width * scale;
    const h = image.height * scale;
    this.ensure(h + 4);
    this.y -= h + 2;
    const x = this.dir === 'rtl' ? MARGIN_X + this.width - indent - w : MARGIN_X + indent;
    this.current.canvas.image(image, x, this.y, w, h);
    this.y -= 2;
  }

  /** A box outline of `height` points (room for a signature appearance). */
  box(height: number, indent = 0): void {
    this.ensure(height + 4);
    const canvas = this.current.canvas;
    const left = this.dir === 'rtl' ? MARGIN_X : MARGIN_X + indent;
    const w = this.width - indent;
    const top = this.y;
    const bottom = top - height;
    canvas.line(left, top, left + w, top, colors.rule);
    canvas.line(left, bottom, left + w, bottom, colors.rule);
    canvas.line(left, top, left, bottom, colors.rule);
    canvas.line(left + w, top, left + w, bottom, colors.rule);
    this.y = bottom - 4;
  }

  /**
   * `count` boxes in two columns filling the rest of the page (a new page when less than
   * `minHeight` is left), each outlined with `label` in its top corner. Returns the page and the
   * boxes as PDF rectangles [x1, y1, x2, y2], in reading order (mirrored in an RTL document).
   */
  boxGrid(count: number, label: string, minHeight = 360): { page: PDFPage; rects: [number, number, number, number][] } {
    if (this.y - MARGIN_BOTTOM < minHeight) this.newPage();
    const { page, canvas } = this.current;
    const gap = 12;
    const rows = Math.ceil(count / 2);
    const boxWidth = (this.width - gap) / 2;
    const boxHeight = Math.min(190, (this.y - MARGIN_BOTTOM - gap * (rows - 1)) / rows);
    const labelLine = this.lines(label, { size: 7.5, dir: this.dir }, boxWidth - 10)[0];
    const rects: [number, number, number, number][] = [];
    for (let i = 0; i < count; i += 1) {
      const column = this.dir === 'rtl' ? 1 - (i % 2) : i % 2;
      const left = MARGIN_X + column * (boxWidth + gap);
      const top = this.y - Math.floor(i / 2) * (boxHeight + gap);
      const bottom = top - boxHeight;
      canvas.line(left, top, left + boxWidth, top, colors.rule);
      canvas.line(left, bottom, left + boxWidth, bottom, colors.rule);
      canvas.line(left, top, left, bottom, colors.rule);
      canvas.line(left + boxWidth, top, left + boxWidth, bottom, colors.rule);
      if (labelLine) canvas.text(labelLine, this.xFor(labelLine, 7.5, left + 5, boxWidth - 10, 0), top - 11, 7.5, colors.muted);
      rects.push([left, bottom, left + boxWidth, top]);
    }
    this.y -= rows * (boxHeight + gap);
    return { page, rects };
  }

  /** Running header and page numbers on every page, then the content streams. */
  finish(header: string, footer: (page: number, pages: number) => string): void {
    const total = this.pages.length;
    this.pages.forEach(({ canvas }, index) => {
      const top = A4[1] - 34;
      for (const line of this.lines(header, { size: 8, dir: this.dir }).slice(0, 1)) {
        canvas.text(line, this.xFor(line, 8, MARGIN_X, this.width, 0), top, 8, colors.muted);
      }
      canvas.line(MARGIN_X, top - 6, MARGIN_X + this.width, top - 6, colors.rule, 0.4);
      for (const line of this.lines(footer(index + 1, total), { size: 8, dir: this.dir }).slice(0, 1)) {
        canvas.text(line, MARGIN_X + (this.width - line.width * 8) / 2, 30, 8, colors.muted);
      }
      canvas.flush(this.doc);
    });
  }

  get pageCount(): number {
    return this.pages.length;
  }
}
