// SWA: signature wrapping attacks on a genuine summary's signed ranges and unsigned gap.
import { describe, it } from 'vitest';
import { swaCases } from './attacks/swa';
import { expectCase } from './support/cases';
import { world } from './support/world';

const w = await world();
const cases = await swaCases(w);

describe('SWA: signature wrapping attack', () => {
  for (const c of cases) it(c.file, () => expectCase(c, w, 'swa'), 30_000);
});
