import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../../scripts/bench/budgets';
import { evaluate, formatBudget, formatTable, formatValue, tableRows, toJson, type Figure } from '../../../scripts/bench/figures';

describe('evaluate', () => {
  it('checks "at most" budgets inclusively', () => {
    expect(evaluate({ value: 150, budget: BUDGETS.firstScreenJsKb })).toBe('met');
    expect(evaluate({ value: 150.05, budget: BUDGETS.firstScreenJsKb })).toBe('not met');
    expect(evaluate({ value: 2001, budget: BUDGETS.coldStart4xMs })).toBe('not met');
  });

  it('checks "at least" and "exactly" budgets', () => {
    expect(evaluate({ value: 95, budget: BUDGETS.lighthousePerformance })).toBe('met');
    expect(evaluate({ value: 94, budget: BUDGETS.lighthousePerformance })).toBe('not met');
    expect(evaluate({ value: 100, budget: BUDGETS.lighthouseAccessibility })).toBe('met');
    expect(evaluate({ value: 99, budget: BUDGETS.lighthouseAccessibility })).toBe('not met');
  });

  it('says "not measured" for a missing value, never "met"', () => {
    expect(evaluate({ value: null, budget: BUDGETS.pdf1xMs })).toBe('not measured');
    expect(evaluate({ value: Number.NaN, budget: BUDGETS.pdf1xMs })).toBe('not measured');
  });

  it('says "no budget" for a figure without one', () => {
    expect(evaluate({ value: 12 })).toBe('no budget');
  });
});

describe('formatting', () => {
  it('prints milliseconds below a second and seconds above', () => {
    expect(formatValue(818.4, 'ms')).toBe('818 ms');
    expect(formatValue(3572.9, 'ms')).toBe('3.57 s');
    expect(formatValue(99.14, 'KB')).toBe('99.1 KB');
    expect(formatValue(96.6, 'score')).toBe('97');
    expect(formatValue(0.0012, 'ratio')).toBe('0.001');
    expect(formatValue(148.6, 'count')).toBe('149');
    expect(formatValue(34.26, 'screens')).toBe('34.3 screens');
  });

  it('prints budgets with their comparison', () => {
    expect(formatBudget(BUDGETS.unlockMs, 'ms')).toBe('≤ 1.50 s');
    expect(formatBudget(BUDGETS.lighthouseBestPractices, 'score')).toBe('≥ 95');
    expect(formatBudget(BUDGETS.lighthouseAccessibility, 'score')).toBe('= 100');
    expect(formatBudget(undefined, 'ms')).toBe('—');
    expect(formatBudget(BUDGETS.journeyTaps, 'count')).toBe('≤ 150');
    expect(formatBudget(BUDGETS.journeyScreens, 'screens')).toBe('≤ 35.0 screens');
  });
});

const figures: Figure[] = [
  { id: 'a', label: 'First-screen JS', value: 99.1, unit: 'KB', budget: BUDGETS.firstScreenJsKb, method: 'node scripts/size.mjs' },
  { id: 'b', label: 'Cold start 4×', value: 3570, unit: 'ms', budget: BUDGETS.coldStart4xMs, method: 'Playwright', note: 'load 14' },
  { id: 'c', label: 'PDF 1×', value: null, unit: 'ms', budget: BUDGETS.pdf1xMs, method: 'scripts/bench-pdf.ts', note: 'PDF export not built yet' },
  { id: 'd', label: 'Autosave p50', value: 21, unit: 'ms', method: 'Playwright' },
];

describe('the table', () => {
  it('has one row per figure with value, budget, verdict and method', () => {
    expect(tableRows(figures)).toEqual([
      ['First-screen JS', '99.1 KB', '≤ 150.0 KB', 'met', 'node scripts/size.mjs'],
      ['Cold start 4×', '3.57 s', '≤ 2.00 s', 'NOT MET', 'Playwright (load 14)'],
      ['PDF 1×', 'not measured: PDF export not built yet', '≤ 1.00 s', 'not measured', 'scripts/bench-pdf.ts'],
      ['Autosave p50', '21 ms', '—', '—', 'Playwright'],
    ]);
  });

  it('aligns the columns: every separator sits at the same place on every line', () => {
    const lines = formatTable(figures).split('\n');
    expect(lines).toHaveLength(2 + figures.length);
    expect(lines[0]).toMatch(/^figure +\| value +\| budget +\| met\? +\| method \/ command$/);
    const bars = (line: string): number[] => [...line].flatMap((ch, i) => (ch === '|' || ch === '+' ? [i] : []));
    const header = bars(lines[0] ?? '');
    expect(header).toHaveLength(4);
    for (const line of lines.slice(1)) expect(bars(line).slice(0, 4)).toEqual(header);
  });

  it('writes the verdict of each figure into the JSON', () => {
    const json = toJson(figures, { date: '2026-11-27' }) as { date: string; figures: { id: string; verdict: string }[] };
    expect(json.date).toBe('2026-11-27');
    expect(json.figures.map((f) => [f.id, f.verdict])).toEqual([
      ['a', 'met'],
      ['b', 'not met'],
      ['c', 'not measured'],
      ['d', 'no budget'],
    ]);
  });
});
