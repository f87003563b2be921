/**
 * Issue 12: a hostile file never freezes the verify screen. With the CPU throttled 4× (a cheap
 * phone), the three denial-of-service files of the adversarial suite (xref amplification, a
 * compression bomb in the attachment, two CAs issuing each other) are each refused with a reason
 * within 2 s of being chosen; and while a file is being checked, Quick exit shows the neutral screen
 * within 200 ms (verification runs in a Web Worker). The refusal screen passes axe.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dosCases } from '../security/attacks/dos';
import { world } from '../security/support/world';
import { LockPage } from './pages/lock-page';
import { VerifyPage } from './pages/verify-page';
import { expectAccessible } from './support/axe';
import { launchBrowser, openApp } from './support/browser';

const w = await world();
const cases = await dosCases(w);
const pick = (prefix: string): Buffer => {
  const found = cases.find((c) => c.file.startsWith(prefix));
  if (found === undefined) throw new Error(`no attack file ${prefix}`);
  return Buffer.from(found.bytes);
};
const hostile = [
  ['dos-02 xref amplification', pick('dos-02-')],
  ['dos-06 compression bomb', pick('dos-06-')],
  ['dos-08 two CAs issuing each other', pick('dos-08-')],
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function throttle(page: Page, rate: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/** Milliseconds, in the page's own clock, from the file being chosen to the result heading. */
async function timeToResult(page: Page, verify: VerifyPage, name: string, buffer: Buffer): Promise<number> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    input?.addEventListener('change', () => ((window as unknown as { chosenAt: number }).chosenAt = performance.now()), { once: true, capture: true });
  });
  await verify.open({ name, mimeType: 'application/pdf', buffer });
  return page.evaluate(() => performance.now() - (window as unknown as { chosenAt: number }).chosenAt);
}

describe('hostile files on the verify screen', () => {
  test('each denial-of-service file is refused with a reason within 2 s at 4× CPU', async () => {
    const { page } = await openApp(browser, { viewport: 'phone' });
    await new LockPage(page).ensureUnlocked();
    const verify = new VerifyPage(page);
    await verify.openFromNav();
    // Warm up as a reviewer's first file would (the worker's script is fetched and compiled once).
    await verify.open({ name: 'genuine.pdf', mimeType: 'application/pdf', buffer: Buffer.from(w.selfSignedFile) });
    expect(await verify.resultText()).toContain('Every signature is valid');
    await throttle(page, 4);
    for (const [label, buffer] of hostile) {
      const ms = await timeToResult(page, verify, 'hostile.pdf', buffer);
      const text = await verify.resultText();
      expect(text, label).toContain('This file was refused:');
      expect(text, label).toMatch(/far larger or more complex than any Homeward file|took longer than allowed/);
      expect(ms, `${label}: refused after ${Math.round(ms)} ms at 4× CPU`).toBeLessThan(2000);
    }
    await expectAccessible(page, 'verify screen, refused hostile file (360 px)');
  });

  test('Quick exit during a check shows the neutral screen within 200 ms at 4× CPU', async () => {
    const { page } = await openApp(browser, { viewport: 'phone' });
    const lock = new LockPage(page);
    await lock.ensureUnlocked();
    const verify = new VerifyPage(page);
    await verify.openFromNav();
    await throttle(page, 4);
    // The compression bomb keeps the worker busy inflating; the main thread must stay free.
    await verify.fileInput.setInputFiles({ name: 'summary.pdf', mimeType: 'application/pdf', buffer: pick('dos-06-') });
    await page.getByText('Checking the file on this device…').waitFor();
    const { elapsed, wasChecking } = await page.evaluate(
      () =>
        new Promise<{ elapsed: number; wasChecking: boolean }>((resolve) => {
          const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Quick exit');
          if (button === undefined) throw new Error('no Quick exit button');
          const wasChecking = document.body.textContent?.includes('Checking the file on this device…') ?? false;
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (document.body.textContent?.includes('Nothing here yet.')) {
              observer.disconnect();
              resolve({ elapsed: performance.now() - start, wasChecking });
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          button.click();
        }),
    );
    expect(wasChecking, 'the file was still being checked when Quick exit was pressed').toBe(true);
    expect(elapsed, `neutral screen after ${Math.round(elapsed)} ms`).toBeLessThan(200);
    expect(await page.title()).toBe('Notes');
  });
});
