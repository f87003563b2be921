/**
 * Starting Chromium and opening the app. Every context is watched by a PageGuard (see guard.ts), so
 * a request to another origin or an uncaught page error fails the test that caused it.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject, onTestFinished } from 'vitest';
import { autoUnlockContext } from './auto-unlock';
import { PageGuard } from './guard';
import { chromiumArgs, chromiumPath, distDir, newProfileDir } from './paths';
import { serveDist, type ServeOptions, type StaticServer } from './static-server';

export type ViewportName = 'phone' | 'desktop';

/** The two widths every screen is checked at: a small Android phone and a laptop. */
export const viewports = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
} as const satisfies Record<ViewportName, { width: number; height: number }>;

/** Options shared by fresh and persistent contexts for one viewport. */
function contextOptions(viewport: ViewportName) {
  return {
    viewport: viewports[viewport],
    // A phone is emulated as one (touch, mobile viewport meta) so layout bugs that only show there are caught.
    isMobile: viewport === 'phone',
    hasTouch: viewport === 'phone',
    locale: 'en-GB',
    timezoneId: 'UTC',
    serviceWorkers: 'allow',
  } as const;
}

export function baseURL(): string {
  return inject('baseURL');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs], headless: true });
}

export interface AppSession {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly guard: PageGuard;
  /** Origin the app is served from, with a trailing slash. */
  readonly origin: string;
}

/**
 * A fresh context on `browser` (empty storage, no service worker), its guard, and one page at the
 * app's origin. Closed, and its guard checked, when the current test finishes.
 */
export async function openApp(
  browser: Browser,
  options: { viewport?: ViewportName; origin?: string; autoUnlock?: boolean } = {},
): Promise<AppSession> {
  const origin = options.origin ?? baseURL();
  const context = await browser.newContext(contextOptions(options.viewport ?? 'phone'));
  const guard = new PageGuard(context, origin);
  // Sets up the test passphrase on this fresh profile, and unlocks after every reload.
  if (options.autoUnlock ?? true) autoUnlockContext(context);
  onTestFinished(async () => {
    await context.close();
    guard.assertClean();
  });
  const page = await context.newPage();
  await page.goto(origin);
  return { context, page, guard, origin };
}

export interface PersistentSession extends AppSession {
  readonly profileDir: string;
  /**
   * Closes the browser cleanly (as a caseworker quitting it would), checks its guard, and starts
   * it again on the same profile. The old session's page and context are unusable afterwards.
   */
  restart(options?: { offline?: boolean }): Promise<PersistentSession>;
  /** Closes the browser cleanly and checks its guard, e.g. to read the profile on disk afterwards. */
  close(): Promise<void>;
}

interface ProfileState {
  current: { context: BrowserContext; guard: PageGuard } | null;
}

interface ProfileOptions {
  origin: string;
  viewport: ViewportName;
  offline: boolean;
  autoUnlock: boolean;
}

async function launchOnProfile(state: ProfileState, profileDir: string, options: ProfileOptions): Promise<PersistentSession> {
  const { origin, viewport, offline } = options;
  const context = await chromium.launchPersistentContext(profileDir, {
    ...contextOptions(viewport),
    executablePath: chromiumPath,
    args: [...chromiumArgs],
    headless: true,
    offline,
  });
  const guard = new PageGuard(context, origin);
  if (options.autoUnlock) autoUnlockContext(context);
  state.current = { context, guard };
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    guard,
    origin,
    profileDir,
    async restart(next = {}) {
      state.current = null;
      await context.close();
      guard.assertClean();
      return launchOnProfile(state, profileDir, { ...options, offline: next.offline ?? offline });
    },
    async close() {
      state.current = null;
      await context.close();
      guard.assertClean();
    },
  };
}

/**
 * A whole browser on a new persistent profile under .e2e-profiles/, for tests that restart the
 * browser. The page starts blank: the caller navigates (it may want to go offline first). When the
 * test finishes, whichever browser of the restart chain is open is closed, its guard checked, and
 * the profile removed.
 */
export async function launchPersistentApp(
  options: { viewport?: ViewportName; origin?: string; label?: string; autoUnlock?: boolean } = {},
): Promise<PersistentSession> {
  const profile = newProfileDir(options.label ?? 'persistent');
  const state: ProfileState = { current: null };
  onTestFinished(async () => {
    const open = state.current;
    state.current = null;
    if (open) await open.context.close();
    profile.remove();
    open?.guard.assertClean();
  });
  return launchOnProfile(state, profile.dir, {
    origin: options.origin ?? baseURL(),
    viewport: options.viewport ?? 'phone',
    offline: false,
    autoUnlock: options.autoUnlock ?? true,
  });
}

/**
 * A static server of dist/ for this test alone, on its own port (so its own origin, storage and
 * service worker), for tests that stop it to go offline. Stopped when the test finishes.
 */
export async function privateServer(options: ServeOptions = {}): Promise<StaticServer> {
  const server = await serveDist(distDir, options);
  onTestFinished(() => server.close());
  return server;
}
