import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSIONS } from '../../../src/storage/versions';
import { repoRoot } from '../../e2e/support/paths';

/**
 * The browser suite puts fixture rows straight into IndexedDB (versions.e2e.ts). A storage version
 * added without regenerating them fails there, late and slowly; this fails in the unit suite first.
 */
describe('browser-suite storage fixtures', () => {
  it('were written at the storage version the app declares', () => {
    const fixture = JSON.parse(readFileSync(join(repoRoot, 'tests/e2e/fixtures/v1-drafts.json'), 'utf8')) as { dexieVersion: number };
    expect(fixture.dexieVersion, 'regenerate: npx tsx tests/e2e/fixtures/v1-drafts.generate.ts > tests/e2e/fixtures/v1-drafts.json').toBe(VERSIONS.length);
  });
});
