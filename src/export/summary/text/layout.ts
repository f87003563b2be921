/**
 * Paragraph layout: NFC, bidi levels (bidi-js), per-character font fallback, shaping with fontkit,
 * greedy line breaking and visual reordering (UBA rule L2) per line.
 *
 * Shaping unit: a "piece" is a maximal stretch of one word (or of the spaces after it) with one
 * face and one bidi level. Each piece is shaped once (fontkit `layout`, direction from the level's
 * parity, mirrored brackets in RTL) and cached, so wrapping measures each word once instead of
 * re-shaping the line per word (that was O(n²)). Arabic joining never crosses a space, so shaping
 * per word gives the same glyphs as shaping the whole line. RTL pieces come back from fontkit in
 * visual order; pieces are then reordered per line by their levels.
 */
import bidiFactory from 'bidi-js';
import type { Face, FkRun, FontSet, Weight } from './font-set';

const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl' | 'auto';

export interface Piece {
  readonly face: Face;
  readonly level: number;
  readonly run: FkRun;
  /** advance in em (multiply by the font size) */
  readonly width: number;
  readonly space: boolean;
}

export interface Placed { readonly piece: Piece; /** offset from the line's left edge, in em */ readonly x: number }

export interface Line {
  /**
   * Pieces in LOGICAL order, each with its visual x offset. Drawing them in logical order (each
   * placed absolutely) makes the content stream itself read in logical order, which is what
   * `pdftotext -raw` and screen readers follow.
   */
  readonly pieces: readonly Placed[];
  /** width in em */
  readonly width: number;
  /** the line's characters in logical order, for /ActualText and tests */
  readonly text: string;
  readonly rtl: boolean;
  /** some piece is right-to-left (Arabic inside the line) */
  readonly mixed: boolean;
}

interface Token { pieces: Piece[]; width: number; space: boolean; start: number; end: number }

const letter = /\p{L}/u;
const mark = /\p{M}/u;
const whitespace = /\s/u;
const bidiControl = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** Strong right-to-left letters and explicit RTL controls (Hebrew, Arabic, Syriac, Thaana, NKo, presentation forms). */
const rtlScript = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
/**
 * Latin text (Vietnamese included, as NFC precomposed letters) without combining marks needs no
 * OpenType shaping: its glyphs come straight from the cmap. Skipping fontkit's layout here costs
 * only kerning and the fi/fl ligatures, and makes the summary ~5x faster to build: fontkit's
 * GSUB/GPOS pass over Noto Sans takes ~50 µs per glyph. Arabic, Ethiopic and any text with
 * combining marks is always shaped.
 */
const simpleLatin = /^[\u0020-\u007e\u00a0-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20bf\u2100-\u214f]*$/u;

function unshaped(face: Face, chars: string, direction: 'ltr' | 'rtl'): FkRun {
  const glyphs = face.font.glyphsForString(chars);
  if (direction === 'rtl') glyphs.reverse();
  return { glyphs, positions: glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 })) };
}

/**
 * Shaped words per parsed font. fontkit fonts are shared between documents (font-set.ts), and so
 * are their glyph objects, so a word shaped for one export is reused by the next.
 */
const shapedByFont = new WeakMap<object, Map<string, { run: FkRun; width: number }>>();

export class TextLayout {
  constructor(private readonly fonts: FontSet) {}

  /** Lines of a text (hard line breaks kept) fitted to `maxWidth` points at `size`. */
  lines(text: string, options: { weight: Weight; size: number; maxWidth: number; dir: Direction }): Line[] {
    const out: Line[] = [];
    const clean = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
    for (const paragraph of clean.split('\n')) out.push(...this.paragraph(paragraph, options));
    return out;
  }

  private paragraph(text: string, { weight, size, maxWidth, dir }: { weight: Weight; size: number; maxWidth: number; dir: Direction }): Line[] {
    // Most paragraphs have no right-to-left character at all: every level is 0 then.
    const plain = dir !== 'rtl' && !rtlScript.test(text);
    const embedding = plain ? undefined : bidi.getEmbeddingLevels(text, dir);
    const levels = embedding ? embedding.levels : new Uint8Array(text.length);
    const paragraphLevel = embedding?.paragraphs[0]?.level ?? (dir === 'rtl' ? 1 : 0);
    const mirrors = levels.some((l) => l % 2 === 1) ? bidi.getMirroredCharactersMap(text, levels) : new Map<number, string>();
    const tokens = this.tokens(text, levels, mirrors, weight);
    const max = maxWidth / size;
    const lines: Line[] = [];
    let current: Token[] = [];
    let width = 0;
    let pending: Token[] = [];
    const flush = () => {
      if (current.length > 0) lines.push(this.line(text, current, paragraphLevel, width));
      current = [];
      pending = [];
      width = 0;
    };
    for (const token of tokens) {
      if (token.space) {
        if (current.length > 0) pending.push(token);
        continue;
      }
      const gap = pending.reduce((sum, t) => sum + t.width, 0);
      if (current.length > 0 && width + gap + token.width > max) flush();
      if (current.length === 0 && token.width > max) {
        const parts = this.split(text, token, levels, mirrors, weight, max);
        for (const part of parts.slice(0, -1)) {
          current = [part];
          width = part.width;
          flush();
        }
        const last = parts[parts.length - 1];
        if (last) {
          current = [last];
          width = last.width;
        }
        continue;
      }
      current.push(...(current.length > 0 ? pending : []), token);
      width += (current.length > 1 ? gap : 0) + token.width;
      pending = [];
    }
    flush();
    if (lines.length === 0) lines.push({ pieces: [], width: 0, text: '', rtl: paragraphLevel % 2 === 1, mixed: false });
    return lines;
  }

  private line(text: string, tokens: readonly Token[], paragraphLevel: number, width: number): Line {
    const logical = tokens.flatMap((t) => t.pieces.map((piece) => ({ piece, level: piece.level, x: 0 })));
    let x = 0;
    for (const item of reorder(logical)) {
      item.x = x;
      x += item.piece.width;
    }
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    return {
      pieces: logical.map(({ piece, x: offset }) => ({ piece, x: offset })),
      width,
      text: first && last ? text.slice(first.start, last.end) : '',
      rtl: paragraphLevel % 2 === 1,
      mixed: logical.some((p) => p.level % 2 === 1),
    };
  }

  /** Words and the spaces between them, each cut into pieces of one face and one level. */
  private tokens(text: string, levels: Uint8Array, mirrors: Map<number, string>, weight: Weight): Token[] {
    const tokens: Token[] = [];
    let previous: Face | undefined;
    let start = 0;
    let pieceStart = 0;
    let pieceFace: Face | undefined;
    let pieces: Piece[] = [];
    let inSpace: boolean | undefined;
    const closePiece = (end: number) => {
      if (pieceFace && end > pieceStart) pieces.push(this.piece(text, pieceStart, end, pieceFace, levels[pieceStart] ?? 0, mirrors, inSpace === true));
      pieceStart = end;
    };
    const closeToken = (end: number) => {
      closePiece(end);
      if (pieces.length > 0) tokens.push({ pieces, width: pieces.reduce((s, p) => s + p.width, 0), space: inSpace === true, start, end });
      pieces = [];
      start = end;
    };
    for (let i = 0; i < text.length; ) {
      const codePoint = text.codePointAt(i) ?? 32;
      const ch = String.fromCodePoint(codePoint);
      const space = whitespace.test(ch);
      let face: Face;
      if (previous && (mark.test(ch) || (!letter.test(ch) && previous.has(codePoint)))) face = previous;
      else face = this.fonts.faceFor(codePoint, weight);
      if (inSpace !== undefined && space !== inSpace) closeToken(i);
      else if (pieceFace && (face !== pieceFace || levels[i] !== levels[pieceStart])) closePiece(i);
      inSpace = space;
      pieceFace = face;
      previous = face;
      i += ch.length;
    }
    closeToken(text.length);
    return tokens;
  }

  private piece(text: string, start: number, end: number, face: Face, level: number, mirrors: Map<number, string>, space: boolean): Piece {
    let chars = '';
    for (let i = start; i < end; i++) {
      const ch = text[i] ?? '';
      if (!bidiControl.test(ch)) chars += mirrors.get(i) ?? ch; // controls steer the order and draw nothing
    }
    const direction = level % 2 === 1 ? 'rtl' : 'ltr';
    const key = `${direction}|${chars}`;
    let cache = shapedByFont.get(face.font);
    if (!cache || cache.size > 50_000) shapedByFont.set(face.font, (cache = new Map<string, { run: FkRun; width: number }>()));
    let shaped = cache.get(key);
    if (!shaped) {
      const run = face.latin && simpleLatin.test(chars) ? unshaped(face, chars, direction) : face.font.layout(chars, undefined, undefined, undefined, direction);
      shaped = { run, width: run.positions.reduce((sum, p) => sum + p.xAdvance, 0) * face.scale };
      cache.set(key, shaped);
    }
    return { face, level, run: shaped.run, width: shaped.width, space };
  }

  /** A word wider than the line (a long code or hash) cut at characters. */
  private split(text: string, token: Token, levels: Uint8Array, mirrors: Map<number, string>, weight: Weight, max: number): Token[] {
    const parts: Token[] = [];
    let start = token.start;
    let width = 0;
    for (let i = token.start; i < token.end; ) {
      const ch = String.fromCodePoint(text.codePointAt(i) ?? 32);
      const face = this.fonts.faceFor(ch.codePointAt(0) ?? 32, weight);
      const w = this.piece(text, i, i + ch.length, face, levels[i] ?? 0, mirrors, false).width;
      if (width + w > max && i > start) {
        parts.push(this.tokens(text.slice(start, i), levels.subarray(start, i), shift(mirrors, start), weight).map((t) => ({ ...t, start: t.start + start, end: t.end + start }))[0] as Token);
        start = i;
        width = 0;
      }
      width += w;
      i += ch.length;
    }
    const rest = this.tokens(text.slice(start, token.end), levels.subarray(start, token.end), shift(mirrors, start), weight)[0];
    if (rest) parts.push({ ...rest, start: rest.start + start, end: rest.end + start });
    return parts;
  }
}

function shift(mirrors: Map<number, string>, by: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const [i, ch] of mirrors) if (i >= by) out.set(i - by, ch);
  return out;
}

/** UBA L2: from the highest level down to the lowest odd level, reverse every run at or above it. */
export function reorder<T extends { level: number }>(logical: readonly T[]): T[] {
  const items = [...logical];
  if (items.length === 0) return items;
  const levelsOf = items.map((p) => p.level);
  const highest = Math.max(...levelsOf);
  const lowestOdd = Math.min(...levelsOf.filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < items.length; ) {
      if ((items[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < items.length && (items[j]?.level ?? 0) >= level) j++;
      const reversed = items.slice(i, j).reverse();
      items.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return items;
}
