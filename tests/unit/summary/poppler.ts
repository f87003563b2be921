// poppler tools on summary PDFs: text in layout-free and raw (content-stream) order, page renders
// as greyscale PGM (parsed here, so no image library is needed), and page counts.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, writeTemp } from '../signing/pdf-tools';

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}. Install poppler-utils.`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

export function savePdf(bytes: Uint8Array, name = 'summary.pdf'): string {
  return writeTemp(tempDir(), name, bytes);
}

/** pdftotext output; `raw` keeps content-stream order (the summary draws pieces in logical order). */
export function pdftotext(path: string, raw = false): string {
  return run('pdftotext', [...(raw ? ['-raw'] : []), '-enc', 'UTF-8', path, '-']);
}

export function pageCount(path: string): number {
  const match = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [path]));
  if (!match?.[1]) throw new Error('pdfinfo gave no page count');
  return Number(match[1]);
}

export function pdfTitle(path: string): string {
  return /^Title:\s+(.*)$/m.exec(run('pdfinfo', [path]))?.[1] ?? '';
}

export interface PageRender { file: string; width: number; height: number; dark: number }

/** Renders every page to greyscale PGM at `dpi`; returns each page's share of inked pixels. */
export function renderPages(path: string, dpi = 40): PageRender[] {
  const dir = tempDir();
  run('pdftoppm', ['-gray', '-r', String(dpi), path, join(dir, 'page')]);
  return readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort().map((f) => {
    const data = readFileSync(join(dir, f));
    // P5 header: "P5\n<width> <height>\n<maxval>\n" then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
    if (!header?.[1] || !header[2] || !header[0]) throw new Error(`${f} is not a binary PGM`);
    const width = Number(header[1]);
    const height = Number(header[2]);
    const pixels = data.subarray(header[0].length);
    let dark = 0;
    for (const p of pixels) if (p < 200) dark++; // ink, grey text included
    return { file: join(dir, f), width, height, dark: dark / (width * height) };
  });
}

/** Share of inked pixels inside a PDF rectangle [x1, y1, x2, y2] of one page (1-based), rendered at `dpi`. */
export function inkInRect(path: string, page: number, rect: readonly number[], dpi = 40): number {
  const dir = tempDir();
  run('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', path, join(dir, 'page')]);
  const data = readFileSync(join(dir, 'page.pgm'));
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header?.[1] || !header[2]) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = data.subarray(header[0].length);
  const scale = dpi / 72;
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = rect.map((v) => v * scale);
  let dark = 0;
  let all = 0;
  // A 2-pixel inset keeps the box's own border out of the count.
  for (let y = Math.ceil(height - y2) + 2; y < Math.floor(height - y1) - 2; y += 1) {
    for (let x = Math.ceil(x1) + 2; x < Math.floor(x2) - 2; x += 1) {
      all += 1;
      if ((pixels[y * width + x] ?? 255) < 200) dark += 1;
    }
  }
  return dark / all;
}

export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The letters, marks and digits of a string, in order. Used to compare RTL extraction with the
 * logical source: poppler places neutral punctuation at the edge of an RTL word as it sees it
 * and extracts mirrored brackets as drawn, so only the order of letters and digits is compared.
 */
export const lettersOnly = (s: string): string => s.normalize('NFC').replace(/[^\p{L}\p{M}\p{Nd}]/gu, '');
