/**
 * Serves the already built dist/ once for the whole run. Building is not done here on purpose: the
 * npm script builds first, so the tests exercise exactly the artefact that ships. Specs that must
 * take the origin away (offline tests) start their own server with serveDist() instead of stopping
 * this shared one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { distDir } from './paths';
import { serveDist } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the shared static server, with a trailing slash. */
    baseURL: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const file of ['index.html', 'sw.js']) {
    if (!existsSync(join(distDir, file))) {
      throw new Error(`${join(distDir, file)} is missing: run \`npm run build\` (or \`npm run test:e2e\`, which builds) first.`);
    }
  }
  const server = await serveDist(distDir);
  project.provide('baseURL', server.url);
  return () => server.close();
}
