// Names and comments as the screen would show them.
import { describe, it } from 'vitest';
import { nameCases } from './attacks/names';
import { expectCase } from './support/cases';
import { world } from './support/world';

const w = await world();
const cases = await nameCases(w);

describe('bidirectional control characters in names and decisions', () => {
  for (const c of cases) it(c.file, () => expectCase(c, w, 'names'), 30_000);
});
