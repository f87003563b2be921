// Countersignature-shaped updates that also change what page 1 shows.
import { describe, it } from 'vitest';
import { certificationCases } from './attacks/certification';
import { expectCase } from './support/cases';
import { world } from './support/world';

const w = await world();
const cases = await certificationCases(w);

describe('certification attacks (sneaky signature, evil annotation)', () => {
  for (const c of cases) it(c.file, () => expectCase(c, w, 'certification'), 30_000);
});
