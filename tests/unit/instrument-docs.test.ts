import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT, getInstrument } from '../../src/instrument';
import { DOC_PATH, loadEnglish, renderDoc } from '../../scripts/instrument-docs';

describe('docs/instrument-authoring.md', () => {
  it('documents every item, option and rule of the current instrument (run `npm run docs:instrument`)', () => {
    const inst = getInstrument(CURRENT.id, CURRENT.version);
    const current = readFileSync(DOC_PATH, 'utf8');
    expect(renderDoc(current, inst, loadEnglish(CURRENT.id, CURRENT.version))).toBe(current);
    for (const item of inst.sections.flatMap((s) => s.items)) expect(current).toContain(`\`${item.code}\``);
  });
});
