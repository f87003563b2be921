/**
 * A golden case of instrument v2 (tests/golden/cases-v2/) as answers, its recorded decisions
 * (an override, a sign-off, answers changed afterwards) applied in order as the app applies them.
 */
import { readFileSync } from 'node:fs';
import { getInstrument, type Answers } from '../../src/instrument';
import { applyDecisions, caseFileSchema } from '../../scripts/lib/case-file';

export const GOLDEN_NOW = '2026-11-27';

export function goldenV2(file: string): Answers {
  const raw: unknown = JSON.parse(readFileSync(new URL(`../golden/cases-v2/${file}`, import.meta.url), 'utf8'));
  const c = caseFileSchema.parse(raw);
  return applyDecisions(getInstrument('homeward-return', 2), c.answers, c.decisions ?? [], c.now ?? GOLDEN_NOW);
}
