// Shadow attacks: content prepared inside a signed revision and revealed after the supervisor's approval.
import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shadowCases } from './attacks/shadow';
import { expectCase } from './support/cases';
import { world } from './support/world';

const w = await world();
const cases = await shadowCases(w);

describe('shadow attacks: hide, replace, hide-and-replace', () => {
  for (const c of cases) it(c.file, () => expectCase(c, w, 'shadow'), 30_000);

  it('premise: pdfdetach (which follows the xref) extracts the genuine assessment from the file with a second copy', () => {
    const file = cases.find((c) => c.file.includes('second-attachment-copy-in-one-signed-revision.pdf'));
    if (file === undefined) throw new Error('case missing');
    const dir = join(tmpdir(), `homeward-detach-${process.pid}`);
    spawnSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'in.pdf'), file.bytes);
    const result = spawnSync('pdfdetach', ['-save', '1', '-o', join(dir, 'out.json'), join(dir, 'in.pdf')], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const shown = JSON.parse(spawnSync('cat', [join(dir, 'out.json')], { encoding: 'utf8' }).stdout) as unknown;
    expect(shown).toEqual(w.genuineAssessment);
  });
});
