// Recovery attacks: redefinitions no table lists, and what readers that rebuild the table show.
// Each file's premise is checked with poppler first: it really shows the attacker's page 1 and/or
// assessment.json (on the file itself, or, for triggers other readers act on, when made to rebuild).
// One file has none: only readers newer than the installed poppler read what it hides (see its attack).
import { describe, expect, it } from 'vitest';
import { ATTACKER_LINE, recoveryCases } from './attacks/recovery';
import type { Premise, RecoveryCase } from './attacks/recovery';
import { expectCase } from './support/cases';
import { popplerView, withRebuildForced } from './support/poppler';
import { world } from './support/world';

const w = await world();
const cases = await recoveryCases(w);

function checkPremise(c: RecoveryCase & { premise: Premise }): void {
  const { rebuild, reader, shows } = c.premise;
  const view = popplerView(rebuild === 'forced' ? withRebuildForced(c.bytes) : c.bytes, c.file);
  const how = `${c.file}: poppler (${rebuild === 'forced' ? `made to rebuild, as ${reader} does` : 'on the file itself'})`;
  if (shows.includes('page 1')) {
    expect(view.page1, `${how} shows page 1`).toContain(ATTACKER_LINE);
    expect(view.page1, `${how} shows page 1`).not.toContain('Computed overall risk');
  }
  if (shows.includes('assessment.json')) expect(view.file(1), `${how} extracts assessment.json`).toEqual(w.attackerAssessment);
}

describe('recovery: what readers that rebuild the cross-reference table show', () => {
  for (const c of cases) {
    const { premise } = c;
    if (premise !== null) it(`premise: ${c.file}`, () => checkPremise({ ...c, premise }), 30_000);
    it(c.file, () => expectCase(c, w, 'recovery'), 30_000);
  }
});
