#!/usr/bin/env node
// Size budget for the production build. Caseworkers open Homeward on cheap phones over poor
// connections, so what the first screen needs is measured gzipped (what actually crosses the wire):
// the entry module, every modulepreload, and everything those chunks import statically (the browser
// fetches those before the app can run). Lazy chunks (import()) are not counted here; they are
// covered by the precache total, printed too because it is what the first visit downloads in the
// background. `--check` fails when the up-front JS exceeds the budget.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// HOMEWARD_DIST measures a build in another folder (the browser tests honour it too).
const dist = process.env.HOMEWARD_DIST ? resolve(process.env.HOMEWARD_DIST) : join(root, 'dist');
const check = process.argv.includes('--check');

const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error('dist/index.html not found: run `npm run build` first.');
  process.exit(1);
}
const html = readFileSync(indexPath, 'utf8');

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
if (entries.length === 0) {
  console.error('dist/index.html loads no module script: is this a Vite build?');
  process.exit(1);
}

// Static imports: `import"./x.js"`, `import{a}from"./x.js"`, `export*from"./x.js"`. A dynamic
// `import("./x.js")` has a parenthesis before the quote, so it is (rightly) not matched.
const staticImport = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.m?js)["']/g;

const seen = new Map();
const queue = [...entries];
while (queue.length > 0) {
  const { file, why } = queue.shift();
  if (seen.has(file)) continue;
  const path = join(dist, file);
  if (!existsSync(path)) {
    console.error(`${file} is referenced (${why}) but missing from dist/.`);
    process.exit(1);
  }
  const source = readFileSync(path);
  seen.set(file, { why, raw: source.length, gzip: gzipSync(source, { level: 9 }).length });
  for (const m of source.toString('utf8').matchAll(staticImport)) {
    const spec = m[1];
    if (spec.startsWith('.') || spec.startsWith('/')) queue.push({ file: toDistPath(spec, file), why: `imported by ${posix.basename(file)}` });
  }
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const width = Math.max(...[...seen.keys()].map((f) => f.length), 4);
console.log(`${'File'.padEnd(width)}  ${'raw KB'.padStart(8)}  ${'gzip KB'.padStart(8)}  Why`);
let totalRaw = 0;
let totalGzip = 0;
for (const [file, { why, raw, gzip }] of seen) {
  totalRaw += raw;
  totalGzip += gzip;
  console.log(`${file.padEnd(width)}  ${kb(raw).padStart(8)}  ${kb(gzip).padStart(8)}  ${why}`);
}
console.log(`${'Total up-front JS'.padEnd(width)}  ${kb(totalRaw).padStart(8)}  ${kb(totalGzip).padStart(8)}  budget ${BUDGET_KB} KB gzip`);

// Precache: the URLs listed in the service worker's precache manifest (Workbox writes them as
// {url:"…",revision:…} objects into sw.js), each counted once with its size on disk.
const swPath = join(dist, 'sw.js');
if (existsSync(swPath)) {
  const urls = new Set([...readFileSync(swPath, 'utf8').matchAll(/\burl\s*:\s*"([^"]+)"/g)].map((m) => m[1]));
  let precache = 0;
  const absent = [];
  for (const url of urls) {
    const p = join(dist, toDistPath(url, 'sw.js'));
    if (existsSync(p)) precache += statSync(p).size;
    else absent.push(url);
  }
  console.log(`Precache: ${urls.size} files, ${kb(precache)} KB on disk (${relative(root, swPath)})`);
  if (absent.length > 0) {
    console.error(`Precache manifest lists files missing from dist/: ${absent.join(', ')}`);
    if (check) process.exit(1);
  }
} else {
  console.log('Precache: dist/sw.js not found (no service worker in this build).');
}

if (check && totalGzip > BUDGET_KB * 1024) {
  console.error(`Up-front JS is ${kb(totalGzip)} KB gzip, over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
