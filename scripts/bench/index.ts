/**
 * `npm run bench`: builds the production app, serves it on 127.0.0.1 and prints one table of
 * figures, each with its budget and the method behind it. Parts: size, lighthouse, coldstart,
 * typing, autosave, unlock, journey, pdf (`--only a,b`). `--json out.json` writes the figures too.
 * Timings are not tests: the bench never fails on a missed budget (exit 0); it exits 1 only when a
 * part could not run. See docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { repoRoot } from '../../tests/e2e/support/paths';
import { parseArgs, USAGE, type Part } from './args';
import { measureAutosave } from './autosave';
import { launchBrowser } from './browser';
import { measureColdStart } from './coldstart';
import { formatTable, toJson, type Figure } from './figures';
import { measureJourney } from './journey';
import { measureLighthouse } from './lighthouse';
import { outgoingConnections, watchOutgoingConnections } from './net-watch';
import { measureOfflineReady } from './offline-ready';
import { measurePdfFigures } from './pdf';
import { measureSize, precacheUrls } from './size';
import { measureTyping } from './typing';
import { measureUnlock } from './unlock';

function build(dist: string): void {
  const vite = join(repoRoot, 'node_modules', '.bin', 'vite');
  console.error(`bench: vite build → ${dist}`);
  const result = spawnSync(vite, ['build', '--outDir', dist, '--emptyOutDir'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${String(result.status)}).`);
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  watchOutgoingConnections();
  const fromEnv = process.env.HOMEWARD_DIST;
  const dist = fromEnv ? resolve(repoRoot, fromEnv) : join(repoRoot, 'dist');
  // HOMEWARD_DIST names a build someone made on purpose: measure it as it is.
  if (options.build && !fromEnv) build(dist);
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} holds no build (index.html missing).`);

  const started = new Date();
  const load = loadavg().map((l) => l.toFixed(2));
  const figures: Figure[] = [];
  const failures: string[] = [];
  let browser: Browser | null = null;
  const getBrowser = async (): Promise<Browser> => (browser ??= await launchBrowser());

  const parts: Record<Part, () => Promise<Figure[]>> = {
    size: () => Promise.resolve(measureSize(dist)),
    lighthouse: () => measureLighthouse(dist),
    coldstart: async () => measureColdStart(await getBrowser(), dist, precacheUrls(dist)),
    typing: async () => measureTyping(await getBrowser(), dist),
    autosave: async () => measureAutosave(await getBrowser(), dist),
    unlock: async () => measureUnlock(await getBrowser(), dist),
    journey: async () => measureJourney(await getBrowser(), dist),
    pdf: () => measurePdfFigures(dist),
    offline: async () => measureOfflineReady(await getBrowser(), dist),
  };
  try {
    for (const part of options.parts) {
      const t0 = performance.now();
      console.error(`bench: ${part}…`);
      const before = outgoingConnections().length;
      try {
        figures.push(...(await parts[part]()));
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        failures.push(`${part}: ${message ?? ''}`);
        figures.push({ id: `${part}_error`, label: `${part} (failed)`, value: null, unit: 'ms', method: 'see the error above', note: message ?? 'failed' });
      }
      const leaked = outgoingConnections().slice(before);
      if (leaked.length > 0) failures.push(`${part}: Node connected beyond this machine: ${leaked.join(', ')}`);
      console.error(`bench: ${part} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    const open = browser as Browser | null;
    if (open) await open.close();
  }

  const meta = {
    date: started.toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    dist,
    node: process.version,
    cpus: cpus().length,
    loadAverageAtStart: load,
    loadAverageAtEnd: loadavg().map((l) => l.toFixed(2)),
    outgoingConnections: outgoingConnections(),
  };
  console.log(`Homeward bench, ${meta.date}, ${String(meta.cpus)} CPUs, load average ${load.join(' ')} at start, ${meta.loadAverageAtEnd.join(' ')} at end`);
  console.log(formatTable(figures));
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify(toJson(figures, meta), null, 2)}\n`);
    console.log(`Figures written to ${options.json}`);
  }
  for (const failure of failures) console.error(`bench: ${failure}`);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
