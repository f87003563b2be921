/**
 * `npm run sample-pdf -- out.pdf`: a signed summary of the built-in fictional case, made in headless
 * Chromium by the app's own export chunk (the same code the export screen runs: engine, summary
 * builder, fonts, signing), from the production build. Builds it first if dist/ (or HOMEWARD_DIST)
 * has none. `npm run sample-pdf -- --countersign in.pdf out.pdf` adds a fictional supervisor's
 * approval as an incremental update. Nothing is added to the app's first screen: the page imports
 * the lazy chunk by its URL, as the app's own import() would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath, distDir, repoRoot } from '../tests/e2e/support/paths';
import { serveDist, type StaticServer } from '../tests/e2e/support/static-server';

const USAGE = 'usage: npm run sample-pdf -- out.pdf\n       npm run sample-pdf -- --countersign in.pdf out.pdf';

/** Builds the production bundle into `dist` when it has none. */
export function ensureBuild(dist: string = distDir): void {
  if (existsSync(join(dist, 'index.html')) && existsSync(join(dist, 'sw.js'))) return;
  console.log(`No build in ${dist}: building it (vite build)…`);
  const result = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build failed.');
}

/** URL path of the export chunk in a build: the lazy chunk src/export/index.ts imports. */
export function exportChunkPath(dist: string = distDir): string {
  const file = readdirSync(join(dist, 'assets')).find((name) => /^export-chunk-[\w-]+\.js$/.test(name));
  if (file === undefined) throw new Error(`No export-chunk-*.js in ${join(dist, 'assets')}: is this a Homeward build with the PDF export?`);
  return `/assets/${file}`;
}

export interface ExportPage {
  readonly page: Page;
  readonly chunkUrl: string;
  close(): Promise<void>;
}

/**
 * Chromium on the build, with the app loaded (so i18n is initialised, as for the export screen)
 * and the export chunk's URL known. The caller evaluates the chunk's functions in the page.
 */
export async function openExportPage(dist: string = distDir): Promise<ExportPage> {
  ensureBuild(dist);
  const chunkPath = exportChunkPath(dist);
  const server: StaticServer = await serveDist(dist);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs], headless: true });
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC', serviceWorkers: 'block' });
    const page = await context.newPage();
    const origin = new URL(server.url).origin;
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !/^(data|blob):/.test(request.url())) throw new Error(`Request to another origin: ${request.url()}`);
    });
    await page.goto(server.url);
    // main.tsx renders only after i18next is initialised, which the summary's wording needs.
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0);
    const opened = browser;
    return {
      page,
      chunkUrl: new URL(chunkPath, server.url).href,
      async close() {
        await opened.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

/**
 * Code run in the page. A string, not a function: tsx (esbuild keepNames) would wrap a function's
 * inner helpers in a `__name` call that does not exist in the page.
 */
export const PAGE_HELPERS = `
  globalThis.__homewardSampleBase64 ??= {
    from: (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0)),
    to: (bytes) => {
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
  };
`;

/** Signed sample summary (or a countersignature on `input`), as bytes, made in the page. */
export async function makeInPage(target: ExportPage, input?: Uint8Array): Promise<Uint8Array> {
  const inputBase64 = input === undefined ? null : JSON.stringify(Buffer.from(input).toString('base64'));
  const base64 = await target.page.evaluate<string>(`(async () => {
    ${PAGE_HELPERS}
    const b64 = globalThis.__homewardSampleBase64;
    const chunk = await import(${JSON.stringify(target.chunkUrl)});
    const file = ${inputBase64 === null ? 'await chunk.exportSample()' : `await chunk.countersignSample(b64.from(${inputBase64}))`};
    return b64.to(file.bytes);
  })()`);
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

async function main(argv: readonly string[]): Promise<number> {
  const countersign = argv[0] === '--countersign';
  const files = countersign ? argv.slice(1) : argv;
  const [first, second] = files;
  if (first === undefined || files.length !== (countersign ? 2 : 1) || first.startsWith('--')) {
    console.error(USAGE);
    return 2;
  }
  let input: Uint8Array | undefined;
  if (countersign) {
    try {
      input = new Uint8Array(readFileSync(resolve(first)));
    } catch {
      console.error(`Cannot read ${first}: check the path.`);
      return 2;
    }
  }
  const out = resolve(countersign ? (second ?? '') : first);
  const target = await openExportPage();
  try {
    const started = performance.now();
    const bytes = await makeInPage(target, input);
    writeFileSync(out, bytes);
    console.log(`${countersign ? 'Countersigned' : 'Signed'} summary of the fictional sample case: ${out} (${String(Math.round(bytes.length / 1024))} KB, ${String(Math.round(performance.now() - started))} ms)`);
    console.log('Check it with: pdfsig ' + out);
  } finally {
    await target.close();
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
