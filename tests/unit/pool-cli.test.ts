import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/pool';
import { aggregate, limits, readExport } from '../../src/outcomes';
import { fixtureCases } from '../../src/outcomes/fixtures';

let dir: string;
let a: string;
let b: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pool-cli-'));
  a = join(dir, 'a.json');
  b = join(dir, 'b.json');
  writeFileSync(a, JSON.stringify(aggregate(fixtureCases(30, 3)).export));
  writeFileSync(b, JSON.stringify(aggregate(fixtureCases(30, 4)).export));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run pool', () => {
  it('pools exports into a new file that reads back as an export', () => {
    const out = join(dir, 'pooled.json');
    const r = run([a, b, '--out', out]);
    expect(r.code, r.message).toBe(0);
    expect(readExport(readFileSync(out, 'utf8')).file.sources).toBe(2);
  }, 60_000);

  it('never writes over an existing file, nor over an input', () => {
    const out = join(dir, 'taken.json');
    writeFileSync(out, 'keep me');
    expect(run([a, b, '--out', out])).toMatchObject({ code: 2, message: expect.stringMatching(/Nothing was overwritten/) as unknown });
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(run([a, b, '--out', a]).code).toBe(2);
  });

  it('refuses a hostile input with its name and the reason', () => {
    const negative = join(dir, 'negative.json');
    writeFileSync(negative, readFileSync(a, 'utf8').replace('"total":30', '"total":-30'));
    expect(run([a, negative, '--out', join(dir, 'x.json')])).toMatchObject({ code: 2, message: expect.stringMatching(/negative\.json refused/) as unknown });
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, limits.bytes + 1);
    expect(run([a, huge, '--out', join(dir, 'y.json')])).toMatchObject({ code: 2, message: expect.stringMatching(/huge\.json refused: larger than/) as unknown });
  });

  it('refuses a threshold under 5 or not a whole number, and a missing --out', () => {
    for (const t of ['4', '5.5', 'ten']) expect(run([a, '--out', join(dir, `t${t}.json`), '--threshold', t]).code).toBe(2);
    expect(run([a]).code).toBe(2);
  });
});
