/**
 * The summary's fonts: Noto Sans (Latin, Vietnamese, Romanian, Albanian), Noto Naskh Arabic and
 * Noto Sans Ethiopic, embedded as TrueType subsets through pdf-lib, with per-character fallback.
 *
 * pdf-lib's own drawText shapes nothing (no GPOS offsets, no bidi), so text is shaped here with
 * the same fontkit font object pdf-lib embeds, and each shaped glyph is registered with pdf-lib's
 * subset embedder (`includeGlyph`, plus the bookkeeping pdf-lib's `encodeText` does) so the
 * subset, the /W widths and the ToUnicode map contain exactly the glyphs drawn. That reaches into
 * pdf-lib 1.17's CustomFontSubsetEmbedder; `embedderOf` checks its shape and fails loudly if a
 * pdf-lib upgrade changes it.
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export interface FkGlyph { readonly id: number; readonly advanceWidth: number; readonly codePoints: number[] }
export interface FkPosition { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }
export interface FkRun { glyphs: FkGlyph[]; positions: FkPosition[] }
export interface FkFont {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphsForString(text: string): FkGlyph[];
  layout(text: string, features?: string[], script?: string, language?: string, direction?: 'ltr' | 'rtl'): FkRun;
}

interface SubsetEmbedder {
  font: FkFont;
  subset: { includeGlyph(glyph: FkGlyph): number };
  glyphs: FkGlyph[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function embedderOf(font: PDFFont): SubsetEmbedder {
  const embedder: unknown = (font as unknown as { embedder?: unknown }).embedder;
  if (
    isObject(embedder) && isObject(embedder.font) && isObject(embedder.subset) && Array.isArray(embedder.glyphs) &&
    embedder.glyphIdMap instanceof Map && isObject(embedder.glyphCache)
  ) {
    return embedder as unknown as SubsetEmbedder;
  }
  throw new Error('pdf-lib font embedder has an unexpected shape: the summary text layout needs pdf-lib 1.17 subset embedding.');
}

/** One embedded face: the fontkit font for shaping and the PDF font that carries the glyphs. */
export class Face {
  readonly font: FkFont;
  readonly scale: number;
  private readonly embedder: SubsetEmbedder;

  /**
   * @param latin  the face's Latin text may skip OpenType shaping (see TextLayout.piece)
   */
  constructor(readonly pdfFont: PDFFont, readonly name: string, readonly latin: boolean) {
    this.embedder = embedderOf(pdfFont);
    this.font = this.embedder.font;
    this.scale = 1 / this.font.unitsPerEm;
  }

  has(codePoint: number): boolean {
    return this.font.hasGlyphForCodePoint(codePoint);
  }

  /**
   * Adds the glyph to the subset (as pdf-lib's encodeText does) and returns its id in the subset.
   * A ligature drawn right to left (lam-alef) maps to its characters reversed in the ToUnicode
   * map, because poppler and PDF readers reverse the characters of an RTL word, ligature
   * expansions included: "الأصلي" would otherwise be read back as "األصلي".
   */
  use(glyph: FkGlyph, rtl: boolean): number {
    const known = this.embedder.glyphIdMap.get(glyph.id);
    if (known !== undefined) return known;
    const id = this.embedder.subset.includeGlyph(glyph);
    this.embedder.glyphs[id - 1] =
      rtl && glyph.codePoints.length > 1 ? { id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [...glyph.codePoints].reverse() } : glyph;
    this.embedder.glyphIdMap.set(glyph.id, id);
    this.embedder.glyphCache.invalidate();
    return id;
  }
}

/**
 * fontkit parses a font's tables lazily, and the first shaping with Noto's large GSUB/GPOS costs
 * hundreds of milliseconds. Parsed fonts are kept per byte array (a WeakMap: they go when the
 * caller drops the bytes), so a second export in the same session starts warm. Each document
 * still gets its own subset (pdf-lib calls createSubset per embedder).
 */
const parsed = new WeakMap<Uint8Array, unknown>();
const cachingFontkit: Parameters<PDFDocument['registerFontkit']>[0] = {
  create(data: Uint8Array, postscriptName?: string) {
    const key = data;
    const hit = parsed.get(key) as ReturnType<typeof fontkit.create> | undefined;
    if (hit && postscriptName === undefined) return hit;
    const font = fontkit.create(data, postscriptName);
    if (postscriptName === undefined) parsed.set(key, font);
    return font;
  },
};

export type Weight = 'regular' | 'bold';

export interface FontBytes { regular: Uint8Array; bold: Uint8Array; arabic: Uint8Array; arabicBold: Uint8Array; ethiopic: Uint8Array }

/** Fallback chains per weight: Latin first, then Arabic, then Ethiopic (no bold Ethiopic is shipped). */
export class FontSet {
  private constructor(private readonly chains: Record<Weight, readonly Face[]>) {}

  static async embed(doc: PDFDocument, bytes: FontBytes): Promise<FontSet> {
    doc.registerFontkit(cachingFontkit);
    const embed = async (data: Uint8Array, name: string, latin = false) => new Face(await doc.embedFont(data, { subset: true }), name, latin);
    const [regular, bold, arabic, arabicBold, ethiopic] = await Promise.all([
      embed(bytes.regular, 'sans', true), embed(bytes.bold, 'sans-bold', true), embed(bytes.arabic, 'naskh'),
      embed(bytes.arabicBold, 'naskh-bold'), embed(bytes.ethiopic, 'ethiopic'),
    ]);
    return new FontSet({ regular: [regular, arabic, ethiopic], bold: [bold, arabicBold, ethiopic] });
  }

  /** The first face of the chain that has the character, else the chain's first face (it draws .notdef). */
  faceFor(codePoint: number, weight: Weight): Face {
    const chain = this.chains[weight];
    for (const face of chain) if (face.has(codePoint)) return face;
    return chain[0] as Face;
  }

  primary(weight: Weight): Face {
    return this.chains[weight][0] as Face;
  }
}
