import { beforeAll, describe, expect, it } from 'vitest';
import { aggregate } from './aggregate';
import { limits, type OutcomeExport } from './export-format';
import { fixtureCases } from './fixtures';
import { ExportFileError, readExport } from './read-export';
import { tableEquations, tableKeys } from './tables';

let good: OutcomeExport;

beforeAll(() => {
  good = aggregate(fixtureCases(40, 5)).export;
}, 60_000);

const clone = (): OutcomeExport => structuredClone(good);
const refused = (file: unknown, reason: RegExp) => {
  expect(() => readExport(typeof file === 'string' ? file : JSON.stringify(file))).toThrow(ExportFileError);
  expect(() => readExport(typeof file === 'string' ? file : JSON.stringify(file))).toThrow(reason);
};
const table = (f: OutcomeExport, measure: string, dimension: string) => {
  const t = f.tables.find((x) => x.measure === measure && x.dimension === dimension);
  if (!t) throw new Error(`no table ${measure} by ${dimension}`);
  return t;
};

describe('reading an outcome export as a possibly hostile file', () => {
  it('accepts an export as the app writes it', () => {
    expect(readExport(JSON.stringify(good)).file.tables.length).toBe(good.tables.length);
  });

  it('refuses what is not JSON, another format or version, or extra fields', () => {
    refused('{"format":', /not JSON/);
    refused({ ...clone(), format: 'homeward-case' }, /not a Homeward outcome export/);
    refused({ ...clone(), formatVersion: 2 }, /not a Homeward outcome export/);
    refused({ ...clone(), note: 'Jane, returned to Tirana' }, /not a Homeward outcome export/);
    refused({ ...clone(), threshold: 3 }, /threshold/);
    refused(JSON.stringify(clone()).replace('{"format"', '{"__proto__":{"polluted":true},"format"'), /not a Homeward outcome export/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses negative, fractional and absurdly large counts', () => {
    for (const bad of [-1, 2.5, limits.count + 1, '7']) {
      const f = clone();
      const t = table(f, 'recommendation', 'all');
      t.total = bad as number;
      refused(f, /not a Homeward outcome export/);
    }
  });

  it('refuses a file larger than the limit before parsing it', () => {
    refused(' '.repeat(limits.bytes + 1), /larger than/);
  });

  it('refuses unknown, duplicated or missing tables', () => {
    const unknown = clone();
    table(unknown, 'flag', 'route').measure = 'case_reference';
    refused(unknown, /not a table of this export format/);
    const dup = clone();
    dup.tables.push(structuredClone(table(dup, 'recommendation', 'route')));
    refused(dup, /appears twice/);
    const missing = clone();
    missing.tables = missing.tables.filter((t) => !(t.measure === 'recommendation' && t.dimension === 'route'));
    refused(missing, /is missing/);
  });

  it('refuses free text smuggled in as a category, and categories listed twice', () => {
    const text = clone();
    const t = table(text, 'recommendation', 'nationality');
    t.columns[0] = 'Jane Doe, Tirana';
    refused(text, /is not a category of nationality/);
    const code = clone();
    const flags = table(code, 'flag', 'all');
    flags.rows[0] = 'jane.doe_tirana';
    refused(code, /is not a category of flag/);
    const country = clone();
    table(country, 'recommendation', 'nationality').columns[0] = 'zz';
    refused(country, /is not a category of nationality/);
    const twice = clone();
    const r = table(twice, 'recommendation', 'route');
    r.columns[1] = r.columns[0] ?? '';
    refused(twice, /listed twice/);
  });

  it('refuses cells that do not match their rows and columns', () => {
    const f = clone();
    table(f, 'recommendation', 'route').cells[0]?.push(0);
    refused(f, /do not match/);
  });

  it('refuses a small cell left unsuppressed, even where the sums still hold', () => {
    const f = clone();
    const t = table(f, 'recommendation', 'route');
    // A 3 anywhere is refused before the sums are checked.
    t.cells[0]![0] = 3;
    refused(f, /under the file's own threshold/);
  });

  it('refuses the same figure given two values, and published figures that do not add up', () => {
    const f = clone();
    const all = table(f, 'recommendation', 'all');
    all.total = (all.total ?? 0) + 5;
    refused(f, /inconsistent|do not add up/);
    // A total raised by 5 everywhere it appears: consistent, but no longer the sum of its parts.
    const g = clone();
    const { values } = readExport(JSON.stringify(g));
    const eq = g.tables.flatMap(tableEquations).find((e) => [e.total, ...e.parts].every((k) => values.get(k) !== null) && (values.get(e.total) ?? 0) > 0);
    if (!eq) throw new Error('the fixture has no relation with every figure shown');
    for (const t of g.tables) {
      const k = tableKeys(t);
      t.rows.forEach((_, r) => {
        if (k.rowTotal(r) === eq.total) t.rowTotals[r] = (t.rowTotals[r] ?? 0) + 5;
        t.columns.forEach((__, c) => { if (k.cell(r, c) === eq.total) t.cells[r]![c] = (t.cells[r]?.[c] ?? 0) + 5; });
      });
      t.columns.forEach((_, c) => { if (k.columnTotal(c) === eq.total) t.columnTotals[c] = (t.columnTotals[c] ?? 0) + 5; });
      if (k.total === eq.total) t.total = (t.total ?? 0) + 5;
    }
    refused(g, /do not add up/);
  });
});
