// Denial of service: each file is refused with a reason. Verification runs in a child process
// killed after 10 s, so a hang fails the case instead of freezing the suite. No timing is asserted
// (speed belongs to the benchmarks and the 2-s browser test).
import { describe, it } from 'vitest';
import { dosCases } from './attacks/dos';
import { expectCase } from './support/cases';
import { world } from './support/world';

const w = await world();
const cases = await dosCases(w);

describe('denial of service', () => {
  for (const c of cases) it(c.file, () => expectCase(c, w, 'dos'), 60_000);
});
