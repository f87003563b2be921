#!/usr/bin/env node
// Size budget for the production build. Caseworkers open Homeward on cheap phones over poor
// connections, so what the first screen needs is measured gzipped (what actually crosses the wire):
// the entry module, every modulepreload, and everything those chunks import statically (the browser
// fetches those before the app can run). Lazy chunks (import()) are not counted here; they are
// covered by the precache total, printed too because it is what the first visit downloads in the
// background. `--check` fails when the up-front JS or the core precache exceeds its budget.
//
// The measuring functions are exported for `npm run bench` (scripts/bench/size.ts); run as a
// script, this file prints the report below.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 150;
/**
 * Budget for the precache on disk (issue 15): the core a first visit saves before anything else
 * (set up, interview, review; English and every language's first-screen strings). The PDF and
 * signing code, the PDF fonts and the other languages' files are the offline kit, saved after it
 * by the page (src/features/offline; listed in offline-kit.json, not in the precache): about
 * 100 s at 400 kbit/s for everything, so the core alone must be small enough to arrive first.
 */
export const PRECACHE_BUDGET_KB = 2048;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The build to measure: HOMEWARD_DIST (a build in another folder; the browser tests honour it too) or dist/. */
export function distFolder() {
  return process.env.HOMEWARD_DIST ? resolve(process.env.HOMEWARD_DIST) : join(root, 'dist');
}

/** Value of attribute `name` in one tag's source, or undefined. */
function attr(tag, name) {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Turns a URL as written in the build (absolute "/assets/x.js" or relative to `from`) into a dist-relative path. */
function toDistPath(url, from) {
  const clean = url.split(/[?#]/)[0];
  return clean.startsWith('/') ? clean.slice(1) : posix.normalize(posix.join(posix.dirname(from), clean));
}

// Static imports: `import"./x.js"`, `import{a}from"./x.js"`, `export*from"./x.js"`. A dynamic
// `import("./x.js")` has a parenthesis before the quote, so it is (rightly) not matched.
const staticImport = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.m?js)["']/g;

/**
 * The JavaScript the first screen loads before the app can run.
 * @param {string} dist the build folder
 * @returns {{ files: Map<string, { why: string, raw: number, gzip: number }>, totalRaw: number, totalGzip: number }}
 * @throws {Error} when the build is missing or incomplete
 */
export function measureFirstScreen(dist) {
  const indexPath = join(dist, 'index.html');
  if (!existsSync(indexPath)) throw new Error('dist/index.html not found: run `npm run build` first.');
  const html = readFileSync(indexPath, 'utf8');

  const entries = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src && attr(tag, 'type') === 'module') entries.push({ file: toDistPath(src, 'index.html'), why: 'entry' });
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attr(tag, 'href');
    if (href && (attr(tag, 'rel') ?? '').split(/\s+/).includes('modulepreload')) {
      entries.push({ file: toDistPath(href, 'index.html'), why: 'modulepreload' });
    }
  }
  if (entries.length === 0) throw new Error('dist/index.html loads no module script: is this a Vite build?');

  const files = new Map();
  const queue = [...entries];
  while (queue.length > 0) {
    const { file, why } = queue.shift();
    if (files.has(file)) continue;
    const path = join(dist, file);
    if (!existsSync(path)) throw new Error(`${file} is referenced (${why}) but missing from dist/.`);
    const source = readFileSync(path);
    files.set(file, { why, raw: source.length, gzip: gzipSync(source, { level: 9 }).length });
    for (const m of source.toString('utf8').matchAll(staticImport)) {
      const spec = m[1];
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push({ file: toDistPath(spec, file), why: `imported by ${posix.basename(file)}` });
    }
  }
  let totalRaw = 0;
  let totalGzip = 0;
  for (const { raw, gzip } of files.values()) {
    totalRaw += raw;
    totalGzip += gzip;
  }
  return { files, totalRaw, totalGzip };
}

/**
 * The precache: the URLs listed in the service worker's precache manifest (Workbox writes them as
 * {url:"…",revision:…} objects into sw.js), each counted once with its size on disk and gzipped.
 * @param {string} dist the build folder
 * @returns {{ swPath: string, count: number, bytes: number, gzipBytes: number, absent: string[] } | null} null without sw.js
 */
export function measurePrecache(dist) {
  const swPath = join(dist, 'sw.js');
  if (!existsSync(swPath)) return null;
  const urls = new Set([...readFileSync(swPath, 'utf8').matchAll(/\burl\s*:\s*"([^"]+)"/g)].map((m) => m[1]));
  let bytes = 0;
  let gzipBytes = 0;
  const absent = [];
  for (const url of urls) {
    const p = join(dist, toDistPath(url, 'sw.js'));
    if (existsSync(p)) {
      bytes += statSync(p).size;
      gzipBytes += gzipSync(readFileSync(p), { level: 9 }).length;
    } else absent.push(url);
  }
  return { swPath, count: urls.size, bytes, gzipBytes, absent };
}

/**
 * The offline kit as the build planned it (offline-kit.json): files saved after the precache.
 * @param {string} dist the build folder
 * @returns {{ count: number, bytes: number, gzipBytes: number } | null} null without the plan
 */
export function measureOfflineKit(dist) {
  const path = join(dist, 'offline-kit.json');
  if (!existsSync(path)) return null;
  const plan = JSON.parse(readFileSync(path, 'utf8'));
  const files = [...plan.shared, ...Object.values(plan.languages).flat()];
  let gzipBytes = 0;
  for (const f of files) gzipBytes += gzipSync(readFileSync(join(dist, f.url)), { level: 9 }).length;
  return { count: files.length, bytes: files.reduce((sum, f) => sum + f.bytes, 0), gzipBytes };
}

const kb = (bytes) => (bytes / 1024).toFixed(1);

function main() {
  const dist = distFolder();
  const check = process.argv.includes('--check');
  let firstScreen;
  try {
    firstScreen = measureFirstScreen(dist);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const { files, totalRaw, totalGzip } = firstScreen;

  const width = Math.max(...[...files.keys()].map((f) => f.length), 4);
  console.log(`${'File'.padEnd(width)}  ${'raw KB'.padStart(8)}  ${'gzip KB'.padStart(8)}  Why`);
  for (const [file, { why, raw, gzip }] of files) {
    console.log(`${file.padEnd(width)}  ${kb(raw).padStart(8)}  ${kb(gzip).padStart(8)}  ${why}`);
  }
  console.log(`${'Total up-front JS'.padEnd(width)}  ${kb(totalRaw).padStart(8)}  ${kb(totalGzip).padStart(8)}  budget ${BUDGET_KB} KB gzip`);

  const precache = measurePrecache(dist);
  let precacheOver = false;
  if (precache) {
    console.log(`Core precache: ${precache.count} files, ${kb(precache.bytes)} KB on disk (${relative(root, precache.swPath)}), ${kb(precache.gzipBytes)} KB gzip; budget ${PRECACHE_BUDGET_KB} KB on disk`);
    const kit = measureOfflineKit(dist);
    if (kit) console.log(`Offline kit (saved after the core): ${kit.count} files, ${kb(kit.bytes)} KB on disk, ${kb(kit.gzipBytes)} KB gzip`);
    if (precache.absent.length > 0) {
      console.error(`Precache manifest lists files missing from dist/: ${precache.absent.join(', ')}`);
      if (check) process.exit(1);
    }
    precacheOver = precache.bytes > PRECACHE_BUDGET_KB * 1024;
  } else {
    console.log('Precache: dist/sw.js not found (no service worker in this build).');
  }

  if (check && totalGzip > BUDGET_KB * 1024) {
    console.error(`Up-front JS is ${kb(totalGzip)} KB gzip, over the ${BUDGET_KB} KB budget.`);
    process.exit(1);
  }
  if (check && precacheOver) {
    console.error(`The core precache is ${kb(precache.bytes)} KB on disk, over the ${PRECACHE_BUDGET_KB} KB budget.`);
    process.exit(1);
  }
}

// Run as a script (node scripts/size.mjs), not when imported by the bench.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
