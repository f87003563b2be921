// Certificates the organisation really issued, used outside their time or profile.
import { describe, it } from 'vitest';
import { certCases } from './attacks/certs';
import { expectCase } from './support/cases';
import { world } from './support/world';

const w = await world();
const cases = await certCases(w);

describe('certificates: time and profile', () => {
  for (const c of cases) it(c.file, () => expectCase(c, w, 'cert'), 30_000);
});
