// WARNING: the verification worker. A hostile file must never freeze the page (Quick exit runs on
// the main thread): verification runs here, with its own time budget (limits.ts), and the page
// terminates this worker when it overruns or the reviewer cancels (src/export/verify-client.ts).
import { checkSummary } from './summary-check';

export interface VerifyRequest {
  readonly bytes: Uint8Array;
  readonly rootsPem: readonly string[];
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<VerifyRequest>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { bytes, rootsPem } = event.data;
  void checkSummary(bytes, rootsPem).then(
    (check) => scope.postMessage({ ok: true, check }),
    (error: unknown) => scope.postMessage({ ok: false, error: error instanceof Error ? error.name : 'error' }),
  );
};
