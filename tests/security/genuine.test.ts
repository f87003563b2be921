// Genuine files made by the app's own code stay valid, and trusted exactly where the organisation
// root issued the signer, in the app and in pdfsig. Every attack suite starts from these files.
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../src/export/signing/bytes';
import { genuineCases } from './attacks/genuine';
import { expectCase } from './support/cases';
import { signatureLayout } from './support/layout';
import { opensslVerifiesCms } from './support/openssl';
import { world } from './support/world';

const w = await world();
const cases = await genuineCases(w);

describe('genuine summaries (the baseline every attack starts from)', () => {
  for (const c of cases) it(c.file, () => expectCase(c, w, 'genuine'), 30_000);

  it('premise: OpenSSL verifies each CMS that names its signer by subject key identifier (pdfsig cannot)', () => {
    const named = cases.filter((c) => c.file.includes('subject-key-identifier'));
    expect(named.map((c) => c.file)).toHaveLength(2);
    for (const c of named) {
      const layout = signatureLayout(c.bytes, -1);
      const [a = 0, b = 0, from = 0, length = 0] = layout.byteRange.values;
      const result = opensslVerifiesCms(layout.der, concatBytes([c.bytes.subarray(a, a + b), c.bytes.subarray(from, from + length)]));
      expect(result.verified, `${c.file}\n${result.text}`).toBe(true);
      expect(result.text, c.file).toContain('d.subjectKeyIdentifier');
    }
  });
});
