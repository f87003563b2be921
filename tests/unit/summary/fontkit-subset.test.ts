// The @pdf-lib/fontkit 1.1.1 subsetting fix (patches/@pdf-lib+fontkit+1.1.1.patch). Unpatched, the
// TrueType subset of current Google Noto fonts has odd-length glyph records under the short loca
// format (offsets stored halved), so glyphs point into their neighbours and "Risk assessment
// summary" renders as a few stray letters. These tests compare every subset glyph's outline with
// the original font's, and render text drawn by plain pdf-lib.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readFonts } from './fixture';
import { pdftotext, renderPages, savePdf } from './poppler';

const fonts = readFonts();

function subsetBytes(font: fontkit.Font, glyphIds: readonly number[]): Promise<Uint8Array> {
  const subset = font.createSubset();
  for (const id of glyphIds) subset.includeGlyph(id);
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    subset.encodeStream()
      .on('data', (chunk: Uint8Array) => parts.push(chunk))
      .on('end', () => {
        const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          out.set(p, at);
          at += p.length;
        }
        resolve(out);
      });
  });
}

describe('@pdf-lib/fontkit subsetting (patched)', { timeout: 60_000 }, () => {
  it('is the patched build that Node loads', () => {
    const loaded = readFileSync(createRequire(import.meta.url).resolve('@pdf-lib/fontkit'), 'utf8');
    expect(loaded).toContain('Homeward patch: pad each glyph record to 4 bytes');
  });

  it.each([
    ['Noto Sans', fonts.regular, 'Risk assessment summary: Tiếng Việt, Română ș ț, Shqip ë ç'],
    ['Noto Sans Bold', fonts.bold, 'Pre-return risk assessment summary'],
    ['Noto Naskh Arabic', fonts.arabic, 'ملخص تقييم المخاطر'],
    ['Noto Sans Ethiopic', fonts.ethiopic, 'ጽማቕ ገምጋም ሓደጋ'],
  ])('keeps every glyph outline of %s in the subset', async (_name, bytes, text) => {
    const font = fontkit.create(bytes);
    const ids = [...new Set(font.layout(text).glyphs.map((g) => g.id))];
    const subset = fontkit.create(await subsetBytes(font, ids));
    // Subset glyph n+1 is the n-th included glyph (0 is .notdef).
    let outlines = 0;
    ids.forEach((id, n) => {
      const original = font.getGlyph(id).path.toSVG();
      if (original !== '') outlines++; // spaces have no outline
      expect(subset.getGlyph(n + 1).path.toSVG(), `glyph ${id}`).toBe(original);
    });
    expect(outlines).toBeGreaterThan(5);
  });

  it('renders text drawn by plain pdf-lib with a subset Noto Sans', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(fonts.regular, { subset: true });
    const page = doc.addPage([400, 100]);
    page.drawText('Risk assessment summary', { x: 10, y: 40, size: 24, font });
    const path = savePdf(await doc.save());
    expect(pdftotext(path)).toContain('Risk assessment summary');
    const [render] = renderPages(path, 72);
    // 23 letters at 24 pt cover a few per cent of the page; a garbled subset draws far less.
    expect(render?.dark).toBeGreaterThan(0.03);
  });
});
