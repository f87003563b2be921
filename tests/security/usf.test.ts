// USF: universal signature forgery — the attacker's assessment under a signature that proves nothing.
import { describe, it } from 'vitest';
import { usfCases } from './attacks/usf';
import { expectCase } from './support/cases';
import { world } from './support/world';

const w = await world();
const cases = await usfCases(w);

describe('USF: universal signature forgery', () => {
  for (const c of cases) it(c.file, () => expectCase(c, w, 'usf'), 30_000);
});
