import { beforeAll, describe, expect, it } from 'vitest';
import { aggregate, allEquations } from './aggregate';
import { differencing } from './attack.test-helper';
import { fixtureCases } from './fixtures';
import { pool } from './pool';
import { readExport, type CellValues } from './read-export';

let a: CellValues;
let b: CellValues;
let inputs: ReturnType<typeof readExport>[];
let pooled: ReturnType<typeof readExport>;

beforeAll(() => {
  inputs = [aggregate(fixtureCases(120, 1)).export, aggregate(fixtureCases(100, 2)).export]
    .map((e) => readExport(JSON.stringify(e)));
  [a, b] = inputs.map((i) => i.values) as [CellValues, CellValues];
  pooled = readExport(JSON.stringify(pool(inputs).export));
}, 120_000);

describe('pooling the exports of two organisations', () => {
  it('writes a valid export counting both, from both sources', () => {
    expect(pooled.file.sources).toBe(2);
    expect(pooled.values.get('')).toBe(220);
  });

  it('shows a pooled figure only where both organisations showed theirs, and then their sum', () => {
    for (const [key, v] of pooled.values) {
      const [x, y] = [a.has(key) ? a.get(key) : 0, b.has(key) ? b.get(key) : 0];
      if (x === null || y === null) expect(v, key).toBeNull();
      else if (v !== null) expect(v, key).toBe((x ?? 0) + (y ?? 0));
    }
  });

  it('so holding one input and the pooled file reveals nothing the other input withheld', () => {
    for (const [key, v] of b) {
      if (v !== null) continue;
      expect(pooled.values.get(key), key).toBeNull();
    }
  });

  it('suppresses again: no small cell, and nothing recoverable by differencing the pooled tables', () => {
    for (const [key, v] of pooled.values) if (v !== null) expect(v === 0 || v >= 5, key).toBe(true);
    expect([...differencing(allEquations(pooled.file.tables), pooled.values).keys()]).toEqual([]);
  });

  it('raises the threshold when asked, and then withholds pooled cells an input showed', () => {
    const raised = readExport(JSON.stringify(pool(inputs, { threshold: 12 }).export));
    expect(raised.file.threshold).toBe(12);
    const small = [...raised.values].filter(([, v]) => v !== null && v > 0 && v < 12);
    expect(small).toEqual([]);
    expect([...pooled.values].some(([, v]) => v !== null && v > 0 && v < 12)).toBe(true);
    expect([...differencing(allEquations(raised.file.tables), raised.values).keys()]).toEqual([]);
  }, 60_000);

  it('keeps the higher threshold of its inputs', () => {
    const strict = { ...inputs[0]!, file: { ...inputs[0]!.file, threshold: 9 } };
    expect(pool([strict, inputs[1]!]).export.threshold).toBe(9);
  }, 60_000);
});
