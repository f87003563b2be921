// Visual reordering (UBA rule L2) and line layout of mixed-direction text, without a PDF.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { FontSet } from '../../../src/export/summary/text/font-set';
import { reorder, TextLayout } from '../../../src/export/summary/text/layout';
import { readFonts } from './fixture';

const item = (name: string, level: number) => ({ name, level });

describe('reorder (UBA L2)', () => {
  it('reverses RTL runs and keeps numbers inside them left to right', () => {
    // logical: ARABIC(1) " "(1) HW-0042(2) " "(1) ARABIC2(1)
    const visual = reorder([item('a1', 1), item('s1', 1), item('code', 2), item('s2', 1), item('a2', 1)]).map((i) => i.name);
    expect(visual).toEqual(['a2', 's2', 'code', 's1', 'a1']);
  });

  it('leaves an LTR line alone and reverses an embedded RTL phrase only', () => {
    const visual = reorder([item('The', 0), item('x', 1), item('y', 1), item('end', 0)]).map((i) => i.name);
    expect(visual).toEqual(['The', 'y', 'x', 'end']);
  });
});

describe('TextLayout', { timeout: 60_000 }, () => {
  it('wraps to the width, keeps the logical text of each line, and marks RTL paragraphs', async () => {
    const layout = new TextLayout(await FontSet.embed(await PDFDocument.create(), readFonts()));
    const arabic = 'رقم الحالة HW-0042 في هذا الملخص';
    const [line, ...rest] = layout.lines(arabic, { weight: 'regular', size: 10, maxWidth: 1000, dir: 'rtl' });
    expect(rest).toEqual([]);
    expect(line?.rtl).toBe(true);
    expect(line?.text).toBe(arabic);
    // The code's piece is drawn left to right and sits between the two Arabic phrases.
    const pieces = line?.pieces ?? [];
    const code = pieces.find((p) => p.piece.level === 2);
    expect(code).toBeDefined();
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    expect(first && code && first.x > code.x).toBe(true); // "رقم" is right of the code
    expect(last && code && last.x < code.x).toBe(true); // "الملخص" is left of it

    const long = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.';
    const lines = layout.lines(long, { weight: 'regular', size: 10, maxWidth: 200, dir: 'ltr' });
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.width * 10).toBeLessThanOrEqual(200);
    expect(lines.map((l) => l.text).join(' ')).toBe(long);
  });
});
