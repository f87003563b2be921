/**
 * Time to generate and sign the full sample case's PDF, median of 5, at 1× and 4× CPU. The
 * measurement itself belongs to the PDF export (scripts/bench-pdf.ts, `measurePdf`); until that
 * exists the rows say "not measured" rather than show a made-up figure.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../tests/e2e/support/paths';
import { BUDGETS } from './budgets';
import type { Figure } from './figures';
import { median } from './stats';

const RUNS = 5;
const RATES = [1, 4] as const;

type MeasurePdf = (options: { dist: string; runs: number; cpuRate: number }) => Promise<unknown>;

function label(rate: number): string {
  return `Generate + sign the sample case's PDF (${String(rate)}× CPU), median of ${String(RUNS)}`;
}

function notMeasured(note: string): Figure[] {
  return RATES.map((rate) => ({
    id: `pdf_${String(rate)}x_ms`,
    label: label(rate),
    value: null,
    unit: 'ms',
    budget: rate === 1 ? BUDGETS.pdf1xMs : BUDGETS.pdf4xMs,
    method: 'scripts/bench-pdf.ts measurePdf()',
    note,
  }));
}

/** Millisecond samples out of whatever measurePdf resolved with: an array, or { samples | samplesMs | timesMs }. */
export function pdfSamples(result: unknown): number[] | null {
  const list = Array.isArray(result)
    ? (result as unknown[])
    : typeof result === 'object' && result !== null
      ? ['samplesMs', 'samples', 'timesMs', 'times'].map((k) => (result as Record<string, unknown>)[k]).find(Array.isArray)
      : undefined;
  if (!Array.isArray(list) || list.length === 0) return null;
  return list.every((v): v is number => typeof v === 'number' && Number.isFinite(v)) ? list : null;
}

export async function measurePdfFigures(dist: string): Promise<Figure[]> {
  const file = join(repoRoot, 'scripts', 'bench-pdf.ts');
  if (!existsSync(file)) return notMeasured('PDF export not built yet');
  const module = (await import(pathToFileURL(file).href)) as { measurePdf?: unknown };
  if (typeof module.measurePdf !== 'function') return notMeasured('scripts/bench-pdf.ts has no measurePdf export');
  const measurePdf = module.measurePdf as MeasurePdf;
  const figures: Figure[] = [];
  for (const rate of RATES) {
    const result = await measurePdf({ dist, runs: RUNS, cpuRate: rate });
    const samples = pdfSamples(result);
    const extra = typeof result === 'object' && result !== null ? (result as { firstMs?: unknown; bytes?: unknown }) : {};
    figures.push({
      id: `pdf_${String(rate)}x_ms`,
      label: label(rate),
      value: samples ? median(samples) : null,
      unit: 'ms',
      budget: rate === 1 ? BUDGETS.pdf1xMs : BUDGETS.pdf4xMs,
      method: `scripts/bench-pdf.ts measurePdf({ runs: ${String(RUNS)}, cpuRate: ${String(rate)} }), same code path as the app`,
      note: samples
        ? typeof extra.firstMs === 'number'
          ? `first export (loads chunk and fonts) ${Math.round(extra.firstMs).toString()} ms, not in the median`
          : undefined
        : 'measurePdf returned no samples',
      detail: samples ? { samplesMs: samples.map((s) => Math.round(s)), firstMs: extra.firstMs, bytes: extra.bytes } : undefined,
    });
  }
  return figures;
}
