// Certificate-path confusion: no signer is "verified by the organisation" unless the organisation
// root issued that signer's own certificate, whatever else the CMS carries.
import { describe, it } from 'vitest';
import { pathCases } from './attacks/path';
import { expectCase } from './support/cases';
import { world } from './support/world';

const w = await world();
const cases = await pathCases(w);

describe('certificate-path confusion', () => {
  for (const c of cases) it(c.file, () => expectCase(c, w, 'path'), 30_000);
});
