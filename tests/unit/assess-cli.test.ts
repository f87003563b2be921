/**
 * `npm run assess` end to end: a real child process on real files, as a reviewer would run it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'homeward-assess-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(name: string, contents?: string) {
  const file = join(dir, name);
  if (contents !== undefined) writeFileSync(file, contents);
  // `node --import tsx` is what `npm run assess` (tsx) does, without npx's start-up cost.
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/assess.ts', file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('npm run assess', () => {
  it('prints the assessment of a wrapped answers file at the given date', () => {
    const r = run('wrapped.json', JSON.stringify({ now: '2026-11-27', answers: { N3: 'low', N4: 'defer' } }));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as { now: string; instrument: { id: string }; chosen: { recommendation: string } };
    expect(result.now).toBe('2026-11-27');
    expect(result.instrument.id).toBe('homeward-return');
    expect(result.chosen.recommendation).toBe('defer');
  }, 60_000);

  it('accepts a bare answers object, dated today', () => {
    const r = run('bare.json', JSON.stringify({ N4: 'defer' }));
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { now: string }).now).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }, 60_000);

  it('exits 2 on a file that is not JSON', () => {
    const r = run('broken.json', '{ "N4": "defer",');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not valid JSON/);
    expect(r.stdout).toBe('');
  }, 60_000);

  it('exits 2 naming the key of an invalid answer', () => {
    const r = run('invalid.json', JSON.stringify({ now: '2026-11-27', answers: { E2: { amount: 300 } } }));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/answers\.E2: not a valid answer/);
  }, 60_000);

  it('exits 2 on a file that does not exist', () => {
    const r = run('absent.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*absent\.json/);
  }, 60_000);
});
