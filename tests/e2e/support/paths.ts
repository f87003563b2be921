/** Where the browser tests find things on disk. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The build under test. HOMEWARD_DIST lets an engineer test a build in another folder. */
export const distDir = resolve(repoRoot, process.env.HOMEWARD_DIST ?? 'dist');

/** Debian's Chromium: Playwright's own browser download cannot work on this closed network. */
export const chromiumPath = '/usr/bin/chromium';

/** Flags for every browser we start, launched by Playwright or spawned by hand. */
export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * A fresh browser profile under .e2e-profiles/ (gitignored). Persistent profiles are what make
 * "close the browser and come back" tests real: IndexedDB, Cache Storage and the service worker
 * registration all live there.
 */
export function newProfileDir(label: string): { dir: string; remove: () => void } {
  const parent = join(repoRoot, '.e2e-profiles');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, `${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
