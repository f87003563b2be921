/**
 * Records what the pages of one browser context do and fails the test on what must never happen:
 * a request to any origin other than the app's (the privacy rule: no third-party requests, ever,
 * including from the service worker) and an uncaught error in a page. Console errors are kept and
 * printed with a failure, because they usually explain it.
 */
import type { BrowserContext, Request } from 'playwright-core';
import { expect } from 'vitest';

/** Schemes that never leave the device. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome-error:']);

export class PageGuard {
  readonly requests: string[] = [];
  readonly foreignRequests: string[] = [];
  readonly pageErrors: string[] = [];
  readonly consoleErrors: string[] = [];
  private readonly origin: string;

  constructor(context: BrowserContext, appOrigin: string) {
    this.origin = new URL(appOrigin).origin;
    // Context-level events also cover pages opened later and the service worker's own fetches.
    context.on('request', (request) => this.onRequest(request));
    context.on('weberror', (error) => this.pageErrors.push(String(error.error())));
    context.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
  }

  private onRequest(request: Request): void {
    const url = request.url();
    this.requests.push(url);
    const parsed = new URL(url);
    if (!LOCAL_SCHEMES.has(parsed.protocol) && parsed.origin !== this.origin) this.foreignRequests.push(`${request.method()} ${url}`);
  }

  /** Fails the current test if another origin was contacted or a page threw. */
  assertClean(): void {
    const detail = this.consoleErrors.length > 0 ? `\nConsole errors:\n  ${this.consoleErrors.join('\n  ')}` : '';
    expect(this.foreignRequests, `requests to another origin${detail}`).toEqual([]);
    expect(this.pageErrors, `uncaught page errors${detail}`).toEqual([]);
  }
}
