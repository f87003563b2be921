/**
 * Since drafts are encrypted, every start of the app (first visit, reload, new tab, browser
 * restart) shows the passphrase set-up or the unlock screen first. Specs that are not about the
 * lock get it out of the way here: after each full load a page makes through goto() or reload(),
 * the harness sets up TEST_PASSPHRASE (new profile) or unlocks with it, and only then hands the
 * page back. Specs about the lock itself opt out (`autoUnlock: false`) and drive LockPage.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { LockPage } from '../pages/lock-page';

const patched = new WeakSet<Page>();

/** True when the page shows the app (not a file such as an icon, not about:blank). */
async function isApp(page: Page): Promise<boolean> {
  if (!/^https?:/.test(page.url())) return false;
  return page.evaluate(() => document.getElementById('root') !== null);
}

export function autoUnlockPage(page: Page): void {
  if (patched.has(page)) return;
  patched.add(page);
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    if (await isApp(page)) await new LockPage(page).ensureUnlocked();
    return response;
  };
  page.reload = async (options) => {
    const response = await reload(options);
    if (await isApp(page)) await new LockPage(page).ensureUnlocked();
    return response;
  };
}

/** Every page of the context, present and future. */
export function autoUnlockContext(context: BrowserContext): void {
  for (const page of context.pages()) autoUnlockPage(page);
  context.on('page', autoUnlockPage);
}
