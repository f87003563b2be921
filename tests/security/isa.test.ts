// ISA: incremental saving attacks on genuine summaries, with and without a later signature.
import { describe, it } from 'vitest';
import { isaCases } from './attacks/isa';
import { expectCase } from './support/cases';
import { world } from './support/world';

const w = await world();
const cases = await isaCases(w);

describe('ISA: incremental saving attack', () => {
  for (const c of cases) it(c.file, () => expectCase(c, w, 'isa'), 30_000);
});
