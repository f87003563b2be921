/**
 * The offline kit on a first visit (issue 15): the service worker precaches only the core; the
 * PDF and signing code, the PDF fonts and the other languages follow, and the offline status says
 * per language when the device is ready to go offline.
 * - While the PDF fonts have not arrived (the test's server holds them back), the core and the
 *   PDF code are saved, and the status says, for every language, that it is not ready.
 * - Once it says ready in Arabic, the origin is stopped and the context taken offline; in Arabic,
 *   a signed summary is created and downloaded, and poppler finds its signature valid and the
 *   Arabic font in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { pdfsig, pdfsigBlocks, tempDir } from '../unit/signing/pdf-tools';
import { DraftListPage } from './pages/draft-list-page';
import { ExportPage } from './pages/export-page';
import { launchPersistentApp, privateServer } from './support/browser';
import { repoRoot } from './support/paths';
import { goOffline, networkIsGone, waitForServiceWorker, waitUntilReadyOffline } from './support/service-worker';

/** A string of an Arabic namespace file, as the screen shows it. */
function arText(ns: 'export' | 'ui', key: string): string {
  const strings = JSON.parse(readFileSync(join(repoRoot, `locales/ar/${ns}.json`), 'utf8')) as Record<string, string>;
  const text = strings[key];
  if (text === undefined) throw new Error(`locales/ar/${ns}.json has no ${key}`);
  return text;
}

test('the status never claims ready before the kit is saved; once it says ready in Arabic, a signed summary is exported offline in Arabic', { timeout: 240_000 }, async () => {
  let release = (): void => undefined;
  const fontsHeld = new Promise<void>((resolve) => {
    release = resolve;
  });
  const server = await privateServer({ hold: (path) => (path.endsWith('.ttf') ? fontsHeld : undefined) });
  const session = await launchPersistentApp({ origin: server.url, label: 'offline-kit' });
  const { page } = session;
  const list = new DraftListPage(page);
  await list.goto(server.url);
  await waitForServiceWorker(page);

  // The fonts are held back: everything else of the kit can arrive, and no language is ready.
  const status = page.getByRole('region', { name: 'Offline use' });
  const languages = status.getByRole('list', { name: 'Ready to go offline, by language' });
  const kitPaths = await page.evaluate(async () => {
    const kit = (await (await fetch('/offline-kit.json')).json()) as { shared: { url: string }[] };
    return kit.shared.map((f) => f.url);
  });
  const cachedKit = (): Promise<string[]> =>
    page.evaluate(async () => {
      const cache = await caches.open('homeward-offline-kit-v1');
      return (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1));
    });
  const notFonts = kitPaths.filter((p) => !p.endsWith('.ttf'));
  await expect.poll(cachedKit, { timeout: 60_000 }).toEqual(expect.arrayContaining(notFonts));
  expect((await cachedKit()).filter((p) => p.endsWith('.ttf'))).toEqual([]);
  await expect.poll(() => status.getByRole('status').innerText()).toBe('Not ready to go offline in English yet.');
  const items = await languages.getByRole('listitem').allInnerTexts();
  expect(items).toHaveLength(6);
  for (const item of items) expect(item).toMatch(/: not ready yet \(\d+\.\d MB of \d+\.\d MB saved\)$/);
  expect(await status.innerText()).toContain('exporting a signed summary and the other languages are still being saved');

  // The fonts arrive: the status says ready, in Arabic too.
  release();
  await waitUntilReadyOffline(page, ['English', 'العربية']);
  await expect.poll(() => status.getByRole('status').innerText()).toBe('Ready to go offline in English.');

  await goOffline(session.context, server);
  expect(await networkIsGone(page)).toBe(true);
  await page.reload();
  await list.waitUntilLoaded();
  // The signing identity is made offline too (PKI.js is in the kit), on an English draft's export screen.
  const englishDraft = await list.start('HW-TEST-1507');
  await page.goto(new URL(`#/draft/${englishDraft}/export`, server.url).href);
  const exporter = new ExportPage(page);
  await exporter.waitUntilLoaded();
  await exporter.ensureIdentity({ name: 'Caseworker HW-K', role: 'Caseworker', organisation: 'Homeward Partner NGO (fictional)' });

  // The UI turns Arabic, offline; an assessment started now is worked in Arabic, and so is its summary.
  await page.goto(new URL('#/', server.url).href);
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
  await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
  const arabicStatus = page.getByRole('region', { name: 'الاستخدام دون اتصال' });
  await expect.poll(() => arabicStatus.getByRole('status').innerText()).toBe('الجهاز جاهز للعمل دون اتصال باللغة: العربية.');
  await page.getByRole('textbox', { name: arText('ui', 'drafts.caseRef.label'), exact: true }).fill('HW-TEST-1508');
  await page.getByRole('button', { name: arText('ui', 'drafts.new.start'), exact: true }).click();
  await page.waitForURL((url) => /^#\/draft\/[^/]+/.test(url.hash) && !url.hash.includes(englishDraft));
  const arabicDraft = /^#\/draft\/([^/]+)/.exec(new URL(page.url()).hash)?.[1] ?? '';
  await page.goto(new URL(`#/draft/${arabicDraft}/export`, server.url).href);
  await page.getByRole('heading', { level: 1, name: arText('export', 'export.title') }).waitFor();
  await page.getByText(arText('export', 'signer.loading')).waitFor({ state: 'detached' });

  const caseworker = page.getByRole('group', { name: arText('export', 'export.signatures.caseworker'), exact: true });
  await caseworker.getByRole('radio', { name: arText('export', 'pad.mode.type') }).check();
  await caseworker
    .getByRole('textbox', { name: arText('export', 'pad.typedLabel').replace('{{who}}', arText('export', 'export.signatures.whoCaseworker')) })
    .fill('Caseworker HW-K');
  await page.getByRole('button', { name: arText('export', 'export.create') }).click();
  const link = page.getByRole('link', { name: arText('export', 'export.download') });
  await link.waitFor({ timeout: 90_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = join(tempDir(), 'summary-ar.pdf');
  await download.saveAs(path);

  const text = pdfsig(path);
  const blocks = pdfsigBlocks(text);
  expect(blocks, text).toHaveLength(1);
  expect(blocks[0], text).toContain('Signature Validation: Signature is Valid.');
  const fonts = spawnSync('pdffonts', [path], { encoding: 'utf8' });
  expect(fonts.stdout).toContain('NotoNaskhArabic');
  await session.close();
});
