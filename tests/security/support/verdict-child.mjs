// Runs the suite's verdictOf on one file in its own process, so that a test can kill a
// verification that hangs: a synchronous loop cannot be interrupted from inside its own thread.
// Vite's module runner loads the TypeScript sources as the app's build would (import.meta.glob).
// Usage: node tests/security/support/verdict-child.mjs FILE.pdf [ROOT.pem ...]; prints one JSON line.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const [file, ...roots] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: verdict-child FILE.pdf [ROOT.pem ...]');
const root = fileURLToPath(new URL('../../../', import.meta.url));
const { module } = await runnerImport(fileURLToPath(new URL('./verdict.ts', import.meta.url)), { root, configFile: false, logLevel: 'silent' });
const verdict = await module.verdictOf(new Uint8Array(readFileSync(file)), roots.map((path) => readFileSync(path, 'utf8')));
process.stdout.write(`${JSON.stringify(verdict)}\n`);
