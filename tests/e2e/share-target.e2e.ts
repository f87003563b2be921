/**
 * Issue 14, item 6: files shared to Homeward by the system's share sheet. The manifest declares a
 * Web Share Target; the share is a multipart POST navigation to its action, which is what another
 * page's form does here (a page with no CSP of its own, as the system's share sheet is outside the
 * app). The service worker sets the files aside and opens "Received cases", which, once unlocked,
 * verifies them: a signed summary is kept, a file that is not a PDF is refused with its reason, and
 * the worker's inbox is gone afterwards.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signPdf } from '../../src/export/signing/sign';
import { buildSummaryPdf } from '../../src/export/summary';
import { selfSignedIdentity, signOptions } from '../unit/signing/identities';
import { readFonts, summaryInput } from '../unit/summary/fixture';
import { LockPage } from './pages/lock-page';
import { ReceivedPage } from './pages/received-page';
import { launchBrowser, openApp } from './support/browser';
import { waitForServiceWorker } from './support/service-worker';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

test('a summary shared by another app lands in Received cases, verified and kept; the inbox is emptied', { timeout: 120_000 }, async () => {
  const { page, context, origin } = await openApp(browser, { viewport: 'phone' });
  await waitForServiceWorker(page);
  const manifest = (await (await page.request.get(new URL('manifest.webmanifest', origin).href)).json()) as { share_target?: unknown };
  expect(manifest.share_target).toEqual({
    action: '/share-target',
    method: 'POST',
    enctype: 'multipart/form-data',
    params: { files: [{ name: 'files', accept: ['application/pdf', '.pdf'] }] },
  });

  const unsigned = await buildSummaryPdf(summaryInput('cases-v2/01-adult-avr-low-risk-signable.json', 'en'), readFonts());
  const signed = await signPdf(unsigned, signOptions(await selfSignedIdentity('Caseworker (fictional)'), 'Caseworker (fictional)', 'Homeward: prepared by the assessor'));

  const sharer = await context.newPage();
  await sharer.setContent(`<form method="post" enctype="multipart/form-data" action="${new URL('share-target', origin).href}"><input type="file" name="files" multiple></form>`);
  await sharer.locator('input[type=file]').setInputFiles([
    { name: 'summary.pdf', mimeType: 'application/pdf', buffer: Buffer.from(signed) },
    { name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Notes from the meeting, not a PDF at all.') },
  ]);
  await Promise.all([sharer.waitForURL(/#\/received$/), sharer.locator('form').evaluate((form: HTMLFormElement) => form.submit())]);

  // The shared files wait, unread, until the app is unlocked.
  await new LockPage(sharer).ensureUnlocked();
  const received = new ReceivedPage(sharer);
  await received.heading.waitFor({ timeout: 60_000 });
  const results = sharer.getByRole('list', { name: 'What became of the files' });
  await results.waitFor({ timeout: 90_000 });
  const [kept, refused] = (await results.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  expect(kept).toContain('File 1 verifies and is kept.');
  expect(refused).toContain('File 2 was refused and not kept:');
  expect(refused).toContain('It is not a PDF file.');
  expect(await sharer.evaluate(() => caches.has('homeward-shared-inbox'))).toBe(false);
  await received.waitUntilListed();
  expect(await sharer.getByRole('article').count()).toBe(1);
});
