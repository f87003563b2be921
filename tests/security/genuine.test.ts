// Genuine files made by the app's own code stay valid, and trusted exactly where the organisation
// root issued the signer, in the app and in pdfsig. Every attack suite starts from these files.
import { describe, it } from 'vitest';
import { genuineCases } from './attacks/genuine';
import { expectCase } from './support/cases';
import { world } from './support/world';

const w = await world();
const cases = await genuineCases(w);

describe('genuine summaries (the baseline every attack starts from)', () => {
  for (const c of cases) it(c.file, () => expectCase(c, w, 'genuine'), 30_000);
});
