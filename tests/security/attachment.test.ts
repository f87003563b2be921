// Attachment ambiguity: a signed summary whose assessment.json other readers could take from
// somewhere else (/UF, a second tree entry, /RF, a FileAttachment annotation).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentCases } from './attacks/attachment';
import { expectCase } from './support/cases';
import { world } from './support/world';

const w = await world();
const cases = await attachmentCases(w);

describe('attachment ambiguity: one signed summary, more than one assessment.json', () => {
  for (const c of cases) it(c.file, () => expectCase(c, w, 'attachment'), 30_000);

  it('premise: pdfdetach lists the FileAttachment annotation’s file too, and extracts the attacker’s assessment from it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'homeward-attachment-'));
    const withAnnotation = cases.filter((c) => c.premise === 'pdfdetach lists two files');
    expect(withAnnotation).toHaveLength(2);
    for (const c of withAnnotation) {
      const path = join(dir, c.file);
      writeFileSync(path, c.bytes);
      const list = spawnSync('pdfdetach', ['-list', path], { encoding: 'utf8' });
      expect(list.stdout, c.file).toMatch(/^2 embedded files/m);
      const saved = spawnSync('pdfdetach', ['-save', '2', '-o', `${path}.json`, path], { encoding: 'utf8' });
      expect(saved.status, saved.stderr).toBe(0);
      expect(JSON.parse(readFileSync(`${path}.json`, 'utf8')), c.file).toEqual(w.attackerAssessment);
    }
  });
});
