#!/usr/bin/env node
// Makes sure the system packages the browser tests need are present: Debian's chromium (Playwright's
// own browser download cannot work on a closed network) and poppler-utils (pdfsig/pdftotext check
// exported PDFs) and libnss3-tools (certutil puts an organisation root into an NSS db for pdfsig),
// and qpdf (flattens signature appearances so their text can be read as a PDF reader draws it).
// Quick and silent when everything is there, so `npm run test:e2e` can always call it.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'poppler-utils', 'libnss3-tools', 'qpdf'];

/** True when `file` exists and is executable. */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Looks a command up on PATH the way a shell would, without spawning one. */
function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, command)));
}

const missing = [];
if (!isExecutable(CHROMIUM)) missing.push(`${CHROMIUM} (package chromium)`);
for (const tool of ['pdfsig', 'pdftotext']) {
  if (!onPath(tool)) missing.push(`${tool} (package poppler-utils)`);
}
if (!onPath('certutil')) missing.push('certutil (package libnss3-tools)');
if (!onPath('qpdf')) missing.push('qpdf (package qpdf)');

if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y ${PACKAGES.join(' ')}`;
console.log(`Browser tests need: ${missing.join(', ')}.`);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !onPath('apt-get')) {
  console.error(
    isRoot
      ? `apt-get was not found. Install Debian's ${PACKAGES.join(' and ')} with your package manager, then run the tests again.`
      : `Run this once as root, then run the tests again:\n\n  sudo sh -c '${command}'\n`,
  );
  process.exit(1);
}

/** Runs a command with its output streamed to ours, exiting with its status if it fails. */
function run(file, args) {
  console.log(`$ ${file} ${args.join(' ')}`);
  // Non-interactive so a debconf prompt can never hang CI.
  const result = spawnSync(file, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error) {
    console.error(`Could not run ${file}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`${file} ${args.join(' ')} failed with status ${String(result.status)}.`);
    process.exit(result.status ?? 1);
  }
}

run('apt-get', ['update']);
run('apt-get', ['install', '-y', ...PACKAGES]);

const still = [CHROMIUM].filter((f) => !isExecutable(f)).concat(['pdfsig', 'pdftotext', 'certutil'].filter((t) => !onPath(t)));
if (still.length > 0) {
  console.error(`Still missing after installing: ${still.join(', ')}.`);
  process.exit(1);
}
console.log('System dependencies for browser tests are installed.');
