/**
 * Runs a verification in a Web Worker, so that no file, however hostile, can freeze the page:
 * Quick exit and every button stay responsive. A fresh worker per file, terminated when the
 * reviewer cancels or when it overruns its budget (the worker stops itself earlier: limits.ts).
 * Tiny on purpose: it lives in the facade's import graph and imports only types.
 */
import type { SummaryCheck } from './verify/summary-check';
import type { VerifyRequest } from './verify/worker';

/** The worker's own budget is LIMITS.milliseconds; this is the hard stop behind it. */
const HARD_STOP_MS = 12_000;

export class VerifyCancelledError extends Error {
  override name = 'VerifyCancelledError';
}

type WorkerReply = { readonly ok: true; readonly check: SummaryCheck } | { readonly ok: false; readonly error: string };

function stopped(detail: string): SummaryCheck {
  return { report: { verdict: 'refused', allTrusted: false, fingerprint: null, signatures: [], problems: [{ code: 'too-slow', detail }] }, assessment: null };
}

/** Verifies a summary off the main thread. Rejects with VerifyCancelledError when `signal` aborts. */
export function verifyInWorker(bytes: Uint8Array, rootsPem: readonly string[], signal?: AbortSignal): Promise<SummaryCheck> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new VerifyCancelledError('cancelled'));
    const worker = new Worker(new URL('./verify/worker.ts', import.meta.url), { type: 'module', name: 'verify' });
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
      worker.terminate();
    };
    const cancel = () => {
      finish();
      reject(new VerifyCancelledError('cancelled'));
    };
    const timer = setTimeout(() => {
      finish();
      resolve(stopped('Checking this file took longer than the time allowed; it was stopped.'));
    }, HARD_STOP_MS);
    signal?.addEventListener('abort', cancel, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      finish();
      if (event.data.ok) resolve(event.data.check);
      else reject(new Error(`verification failed (${event.data.error})`));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      reject(new Error('the verification worker could not run'));
    };
    const copy = bytes.slice();
    worker.postMessage({ bytes: copy, rootsPem } satisfies VerifyRequest, [copy.buffer]);
  });
}
