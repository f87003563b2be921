/** First-screen JavaScript and precache size, by the same code as `npm run size` (scripts/size.mjs). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureFirstScreen, measureOfflineKit, measurePrecache, PRECACHE_BUDGET_KB } from '../size.mjs';
import { BUDGETS } from './budgets';
import type { Figure } from './figures';

export function measureSize(dist: string): Figure[] {
  const first = measureFirstScreen(dist);
  const precache = measurePrecache(dist);
  const kit = measureOfflineKit(dist);
  return [
    {
      id: 'first_screen_js_gzip_kb',
      label: 'JS loaded by the first screen (gzip)',
      value: first.totalGzip / 1024,
      unit: 'KB',
      budget: BUDGETS.firstScreenJsKb,
      method: 'node scripts/size.mjs: entry + modulepreloads + their static imports, gzip -9',
      detail: { files: Object.fromEntries(first.files), rawKb: first.totalRaw / 1024 },
    },
    {
      id: 'precache_kb',
      label: 'Core precache, first visit (on disk; gzip in note)',
      value: precache ? precache.bytes / 1024 : null,
      unit: 'KB',
      budget: { op: '<=', limit: PRECACHE_BUDGET_KB },
      method: 'node scripts/size.mjs: every URL of the sw.js precache manifest (issue 15: at most 2 MB)',
      note: precache ? `${String(precache.count)} files, ${(precache.gzipBytes / 1024).toFixed(0)} KB gzip` : 'no sw.js in the build',
      detail: precache ? { count: precache.count, gzipKb: precache.gzipBytes / 1024, absent: precache.absent } : undefined,
    },
    {
      id: 'offline_kit_kb',
      label: 'Offline kit, saved after the core (on disk)',
      value: kit ? kit.bytes / 1024 : null,
      unit: 'KB',
      method: 'node scripts/size.mjs: every file of offline-kit.json (PDF code, fonts, other languages)',
      note: kit ? `${String(kit.count)} files, ${(kit.gzipBytes / 1024).toFixed(0)} KB gzip` : 'no offline-kit.json in the build',
    },
  ];
}

/** The precache manifest's URLs, as the service worker lists them. */
export function precacheUrls(dist: string): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  return [...new Set([...sw.matchAll(/\burl\s*:\s*"([^"]+)"/g)].map((m) => m[1] ?? ''))].filter((u) => u !== '');
}
