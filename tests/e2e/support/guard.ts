/**
 * Records what the pages of one browser context do and fails the test on what must never happen:
 * a request to any origin other than the app's (the privacy rule: no third-party requests, ever,
 * including from the service worker), an uncaught error in a page, and a Content-Security-Policy
 * violation anywhere (the app ships a strict CSP, see index.html; the suite must run with zero).
 * Console errors are kept and printed with a failure, because they usually explain it.
 *
 * CSP violations are seen three ways:
 * - in every document (any page, frame, navigation) an init script listens for
 *   `securitypolicyviolation` and hands each report to Node through an exposed binding;
 * - in every service worker and dedicated worker the same listener is added by evaluate() and
 *   reports through a tagged console.error (workers get no bindings);
 * - Chromium's own console messages about the policy ("Loading the image '…' violates the following
 *   Content Security Policy directive …", older builds "Refused to …", or a directive it ignores),
 *   which also cover a document whose listener is gone (e.g. after document.open()).
 */
import type { BrowserContext, ConsoleMessage, Page, Request, Worker } from 'playwright-core';
import { expect } from 'vitest';

/** Schemes that never leave the device. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome-error:']);

/** Name of the binding the init script reports through. */
const CSP_BINDING = '__homewardGuardCspViolation';
/** Prefix of the console.error line a worker reports a violation with. */
const WORKER_CSP_TAG = '[homeward-guard:csp] ';

interface CspReport {
  readonly directive: string;
  readonly blockedURI: string;
  readonly documentURI: string;
  readonly sourceFile: string;
  readonly line: number;
  readonly disposition: string;
}

/** Runs in every document (serialised by Playwright): forwards each violation to the binding. */
function reportCspViolationsFromDocument(binding: string): void {
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      const send: unknown = Reflect.get(globalThis, binding);
      if (typeof send !== 'function') return;
      const report: CspReport = {
        directive: event.effectiveDirective,
        blockedURI: event.blockedURI,
        documentURI: event.documentURI,
        sourceFile: event.sourceFile,
        line: event.lineNumber,
        disposition: event.disposition,
      };
      (send as (r: CspReport) => Promise<void>)(report).catch(() => undefined);
    },
    true,
  );
}

/** Runs in a worker (serialised by Playwright): reports each violation as a tagged console error. */
function reportCspViolationsFromWorker(tag: string): void {
  self.addEventListener('securitypolicyviolation', (event) => {
    const report: CspReport = {
      directive: event.effectiveDirective,
      blockedURI: event.blockedURI,
      documentURI: event.documentURI,
      sourceFile: event.sourceFile,
      line: event.lineNumber,
      disposition: event.disposition,
    };
    console.error(tag + JSON.stringify(report));
  });
}

function isCspReport(value: unknown): value is CspReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['directive', 'blockedURI', 'documentURI', 'sourceFile', 'disposition'].every((k) => typeof r[k] === 'string') && typeof r.line === 'number';
}

function describeCspReport(report: CspReport, where: string): string {
  const mode = report.disposition === 'report' ? ' (report-only)' : '';
  const source = report.sourceFile ? ` at ${report.sourceFile}:${String(report.line)}` : '';
  return `${report.directive}${mode} blocked ${report.blockedURI || '(no URI)'} in ${where || report.documentURI}${source}`;
}

export class PageGuard {
  readonly requests: string[] = [];
  readonly foreignRequests: string[] = [];
  readonly pageErrors: string[] = [];
  readonly consoleErrors: string[] = [];
  /** One line per CSP violation event: "<directive> blocked <URI> in <document or worker>". */
  readonly cspViolations: string[] = [];
  /** Chromium's console messages about the Content-Security-Policy. */
  readonly cspConsole: string[] = [];
  /** Failures to install the CSP recorder (the guard would be blind, so this fails the test too). */
  readonly setupErrors: string[] = [];
  /**
   * Settles once the CSP recorder is installed in the context. Until then the guard holds back
   * context.newPage() and the first navigation of pages already open, so no document escapes it.
   */
  readonly ready: Promise<void>;
  private readonly origin: string;

  constructor(context: BrowserContext, appOrigin: string) {
    this.origin = new URL(appOrigin).origin;
    // Context-level events also cover pages opened later and the service worker's own fetches.
    context.on('request', (request) => this.onRequest(request));
    context.on('weberror', (error) => this.pageErrors.push(String(error.error())));
    context.on('console', (message) => this.onConsole(message));
    context.on('serviceworker', (worker) => this.watchWorker(worker));
    for (const worker of context.serviceWorkers()) this.watchWorker(worker);
    context.on('page', (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);

    this.ready = Promise.all([
      context.exposeBinding(CSP_BINDING, (source, report: unknown) => this.onCspReport(report, source.page?.url() ?? '')),
      context.addInitScript(reportCspViolationsFromDocument, CSP_BINDING),
    ]).then(
      () => undefined,
      (error: unknown) => {
        this.setupErrors.push(`could not install the CSP recorder: ${String(error)}`);
      },
    );
    this.holdBackUntilReady(context);
  }

  private holdBackUntilReady(context: BrowserContext): void {
    const newPage = context.newPage.bind(context);
    context.newPage = async () => {
      await this.ready;
      return newPage();
    };
    for (const page of context.pages()) {
      const goto = page.goto.bind(page);
      page.goto = async (url, options) => {
        await this.ready;
        return goto(url, options);
      };
    }
  }

  private watchPage(page: Page): void {
    page.on('worker', (worker) => this.watchWorker(worker));
  }

  private watchWorker(worker: Worker): void {
    // A worker that is already gone can no longer violate anything, so a failed install is moot.
    worker.evaluate(reportCspViolationsFromWorker, WORKER_CSP_TAG).catch(() => undefined);
  }

  private onCspReport(report: unknown, where: string): void {
    this.cspViolations.push(isCspReport(report) ? describeCspReport(report, where) : `unreadable CSP report ${JSON.stringify(report)}`);
  }

  private onConsole(message: ConsoleMessage): void {
    const text = message.text();
    if (text.startsWith(WORKER_CSP_TAG)) {
      let report: unknown;
      try {
        report = JSON.parse(text.slice(WORKER_CSP_TAG.length));
      } catch {
        report = text;
      }
      this.onCspReport(report, `worker ${message.worker()?.url() ?? ''}`);
      return;
    }
    if (/Content[- ]Security[- ]Policy/i.test(text)) this.cspConsole.push(text);
    if (message.type() === 'error') this.consoleErrors.push(text);
  }

  private onRequest(request: Request): void {
    const url = request.url();
    this.requests.push(url);
    const parsed = new URL(url);
    if (!LOCAL_SCHEMES.has(parsed.protocol) && parsed.origin !== this.origin) this.foreignRequests.push(`${request.method()} ${url}`);
  }

  /** Fails the current test if another origin was contacted, a page threw or the CSP was violated. */
  assertClean(): void {
    const detail = this.consoleErrors.length > 0 ? `\nConsole errors:\n  ${this.consoleErrors.join('\n  ')}` : '';
    expect(this.setupErrors, 'guard set-up').toEqual([]);
    expect(this.foreignRequests, `requests to another origin${detail}`).toEqual([]);
    expect(this.pageErrors, `uncaught page errors${detail}`).toEqual([]);
    expect(this.cspViolations, `Content-Security-Policy violations${detail}`).toEqual([]);
    expect(this.cspConsole, `Content-Security-Policy console messages${detail}`).toEqual([]);
  }
}
