/**
 * Reading an outcome export from another organisation, as a hostile file until proved otherwise:
 * the right format, known tables and categories, whole non-negative counts within limits, the
 * same figure wherever the same cell appears, published totals that add up, and no small cell
 * left unsuppressed. Anything else is refused with the reason.
 */
import { allowsCategory, variable } from './codes';
import { limits, outcomeExportSchema, type OutcomeExport, type OutcomeTable } from './export-format';
import { tableEquations, tableKeys, tablePairs } from './tables';

export class ExportFileError extends Error {}

const FORMAT_HINT = 'homeward-outcomes 1';

/** Every cell of a file by key: its count, or null where it was withheld. */
export type CellValues = Map<string, number | null>;

function checkShape(t: OutcomeTable, where: string): void {
  if (new Set(t.rows).size !== t.rows.length || new Set(t.columns).size !== t.columns.length) {
    throw new ExportFileError(`${where}: a category is listed twice.`);
  }
  for (const [id, list] of [[t.measure, t.rows], [t.dimension, t.columns]] as const) {
    const bad = list.find((c) => !allowsCategory(id, c));
    if (bad !== undefined) throw new ExportFileError(`${where}: "${bad.slice(0, 40)}" is not a category of ${id}.`);
  }
  if (t.cells.length !== t.rows.length || t.cells.some((row) => row.length !== t.columns.length)
    || t.rowTotals.length !== t.rows.length || t.columnTotals.length !== t.columns.length) {
    throw new ExportFileError(`${where}: the cells do not match the rows and columns.`);
  }
}

function collect(file: OutcomeExport): CellValues {
  const values: CellValues = new Map();
  const put = (key: string, v: number | null, where: string) => {
    if (v !== null && v > 0 && v < file.threshold) {
      throw new ExportFileError(`${where} shows ${String(v)} cases, under the file's own threshold of ${String(file.threshold)}: it was not suppressed.`);
    }
    if (values.has(key) && values.get(key) !== v) {
      throw new ExportFileError(`${where} differs from the same figure elsewhere in the file: the file is inconsistent.`);
    }
    values.set(key, v);
  };
  for (const t of file.tables) {
    const where = `table ${t.measure} by ${t.dimension}`;
    const k = tableKeys(t);
    t.rows.forEach((_, r) => {
      put(k.rowTotal(r), t.rowTotals[r] ?? null, where);
      t.columns.forEach((__, c) => put(k.cell(r, c), t.cells[r]?.[c] ?? null, where));
    });
    t.columns.forEach((_, c) => put(k.columnTotal(c), t.columnTotals[c] ?? null, where));
    put(k.total, t.total, where);
  }
  return values;
}

function checkSums(file: OutcomeExport, values: CellValues): void {
  for (const t of file.tables) {
    for (const eq of tableEquations(t)) {
      const terms = [eq.total, ...eq.parts].map((k) => values.get(k));
      if (terms.some((v) => v === null || v === undefined)) continue;
      const [total = 0, ...parts] = terms as number[];
      if (parts.reduce((a, b) => a + b, 0) !== total) {
        throw new ExportFileError(`table ${t.measure} by ${t.dimension}: published figures do not add up to their total.`);
      }
    }
  }
}

/** A parsed, checked export and its cells by key. Throws ExportFileError with the reason. */
export function readExport(text: string): { file: OutcomeExport; values: CellValues } {
  if (text.length > limits.bytes) throw new ExportFileError(`the file is larger than ${String(limits.bytes)} bytes; an outcome export is far smaller.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ExportFileError('the file is not JSON.');
  }
  const parsed = outcomeExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExportFileError(`not a Homeward outcome export (format ${String(FORMAT_HINT)}): ${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'wrong schema'}.`);
  }
  const file = parsed.data;
  const seen = new Set<string>();
  let cells = 0;
  for (const t of file.tables) {
    const where = `table ${t.measure} by ${t.dimension}`;
    if (!variable(t.measure) || !variable(t.dimension) || !tablePairs.some(([m, d]) => m === t.measure && d === t.dimension)) {
      throw new ExportFileError(`${where} is not a table of this export format.`);
    }
    if (seen.has(`${t.measure}/${t.dimension}`)) throw new ExportFileError(`${where} appears twice.`);
    seen.add(`${t.measure}/${t.dimension}`);
    cells += t.rows.length * t.columns.length;
    if (cells > limits.cells) throw new ExportFileError(`the file has more than ${String(limits.cells)} cells.`);
    checkShape(t, where);
  }
  const missing = tablePairs.find(([m, d]) => !seen.has(`${m}/${d}`));
  if (missing) throw new ExportFileError(`table ${missing[0]} by ${missing[1]} is missing.`);
  const values = collect(file);
  checkSums(file, values);
  return { file, values };
}
