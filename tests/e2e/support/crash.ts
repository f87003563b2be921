/**
 * A browser that can be killed like a phone killing it: Chromium is spawned by hand on a persistent
 * profile (Playwright's launch would close it politely), Playwright attaches over the DevTools
 * protocol, and kill() sends SIGKILL to the whole process group, so nothing gets to flush or run
 * pagehide. Relaunching on the same profile shows what really reached the disk.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { autoUnlockContext } from './auto-unlock';
import { chromiumArgs, chromiumPath } from './paths';

export interface KillableBrowser {
  readonly browser: Browser;
  /** The profile's default context: the one whose storage lives in the profile directory. */
  readonly context: BrowserContext;
  readonly page: Page;
  /** SIGKILL to Chromium and all its child processes; resolves once the browser process is gone. */
  kill(): Promise<void>;
  /** Polite shutdown, for the end of a test. */
  close(): Promise<void>;
}

async function devToolsPort(profileDir: string, child: ChildProcess, deadline: number): Promise<number> {
  const file = join(profileDir, 'DevToolsActivePort');
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Chromium exited with status ${String(child.exitCode)} before DevTools was ready.`);
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
      if (Number.isInteger(port) && port > 0) return port;
    }
    await sleep(50);
  }
  throw new Error(`Chromium did not write ${file} in time.`);
}

export async function launchKillable(
  profileDir: string,
  viewport: { width: number; height: number } = { width: 360, height: 740 },
  options: { autoUnlock?: boolean } = {},
): Promise<KillableBrowser> {
  // A file left by the previous (killed) browser would hand us a dead port.
  rmSync(join(profileDir, 'DevToolsActivePort'), { force: true });
  const child = spawn(
    chromiumPath,
    [...chromiumArgs, '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, `--window-size=${String(viewport.width)},${String(viewport.height)}`, 'about:blank'],
    // Its own process group, so kill() reaches the renderers and the GPU/utility processes too.
    { detached: true, stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await devToolsPort(profileDir, child, Date.now() + 20_000);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${String(port)}`);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium started without a default context.');
  // Drafts are encrypted: set up the test passphrase on a new profile, unlock after a restart
  // (specs that change the passphrase opt out and unlock themselves).
  if (options.autoUnlock ?? true) autoUnlockContext(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize(viewport);
  const pid = child.pid;
  if (pid === undefined) throw new Error('Chromium did not start.');
  return {
    browser,
    context,
    page,
    async kill() {
      process.kill(-pid, 'SIGKILL');
      await exited;
      // The launcher is a shell script; wait until every process of the group (the real browser,
      // renderers, GPU and utility processes) is gone before the profile is opened again.
      for (let i = 0; i < 100; i += 1) {
        try {
          process.kill(-pid, 0);
        } catch {
          return;
        }
        await sleep(50);
      }
      throw new Error('Chromium processes survived SIGKILL.');
    },
    async close() {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null) {
        try {
          process.kill(-pid, 'SIGTERM');
        } catch {
          // Already gone between the check and the signal: nothing left to stop.
        }
        await exited;
      }
    },
  };
}
