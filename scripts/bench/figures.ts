/**
 * What the bench reports: figures, their budgets, and the one table they are printed in. Pure (no
 * I/O), unit-tested in tests/unit/bench/figures.test.ts.
 */

/** 'count': a whole number (taps, characters); 'screens': screen heights, one decimal. */
export type Unit = 'KB' | 'ms' | 'score' | 'ratio' | 'count' | 'screens';

/** A budget a figure must meet: `value <op> limit`. */
export interface Budget {
  readonly op: '<=' | '>=' | '==';
  readonly limit: number;
}

export interface Figure {
  /** Stable key, used in --json output. */
  readonly id: string;
  /** What is measured, as printed in the table's first column. */
  readonly label: string;
  /** The measured value, or null when it could not be measured (see `note`). */
  readonly value: number | null;
  readonly unit: Unit;
  readonly budget?: Budget | undefined;
  /** The command or method behind the figure. */
  readonly method: string;
  /** Why there is no value, or a caveat printed beside it. */
  readonly note?: string | undefined;
  /** Extra measurements kept in the JSON output (samples, spreads). */
  readonly detail?: Readonly<Record<string, unknown>> | undefined;
}

export type Verdict = 'met' | 'not met' | 'not measured' | 'no budget';

export function evaluate(figure: Pick<Figure, 'value' | 'budget'>): Verdict {
  if (figure.value === null || !Number.isFinite(figure.value)) return 'not measured';
  if (!figure.budget) return 'no budget';
  const { op, limit } = figure.budget;
  switch (op) {
    case '<=':
      return figure.value <= limit ? 'met' : 'not met';
    case '>=':
      return figure.value >= limit ? 'met' : 'not met';
    case '==':
      return figure.value === limit ? 'met' : 'not met';
  }
}

/** A value with its unit, as printed: "99.1 KB", "1.23 s", "412 ms", "97", "0.001". */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'KB':
      return `${value.toFixed(1)} KB`;
    case 'ms':
      return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value).toString()} ms`;
    case 'score':
      return Math.round(value).toString();
    case 'ratio':
      return value.toFixed(3);
    case 'count':
      return Math.round(value).toString();
    case 'screens':
      return `${value.toFixed(1)} screens`;
  }
}

export function formatBudget(budget: Budget | undefined, unit: Unit): string {
  if (!budget) return '—';
  const symbol = { '<=': '≤', '>=': '≥', '==': '=' }[budget.op];
  return `${symbol} ${formatValue(budget.limit, unit)}`;
}

const HEADERS = ['figure', 'value', 'budget', 'met?', 'method / command'] as const;

/** One row of cells per figure, in the order of HEADERS. */
export function tableRows(figures: readonly Figure[]): string[][] {
  return figures.map((f) => {
    const verdict = evaluate(f);
    const value = f.value === null ? `not measured${f.note ? `: ${f.note}` : ''}` : formatValue(f.value, f.unit);
    const method = f.value !== null && f.note ? `${f.method} (${f.note})` : f.method;
    const met = verdict === 'met' ? 'met' : verdict === 'not met' ? 'NOT MET' : verdict === 'no budget' ? '—' : 'not measured';
    return [f.label, value, formatBudget(f.budget, f.unit), met, method];
  });
}

/** Width of a cell as a terminal shows it (code points; the table holds no wide characters). */
function width(text: string): number {
  return [...text].length;
}

/** The figures as one plain-text table; the last column (the method) is not padded. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = [[...HEADERS], ...tableRows(figures)];
  const widths = HEADERS.map((_, col) => Math.max(...rows.map((r) => width(r[col] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, col) => (col === cells.length - 1 ? cell : cell + ' '.repeat((widths[col] ?? 0) - width(cell))))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w, col) => '-'.repeat(col === widths.length - 1 ? Math.min(w, 20) : w)).join('-+-');
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

/** The figures as written by --json: each with its verdict. */
export function toJson(figures: readonly Figure[], meta: Readonly<Record<string, unknown>>): unknown {
  return { ...meta, figures: figures.map((f) => ({ ...f, verdict: evaluate(f) })) };
}
