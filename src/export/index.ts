/**
 * The export facade: tiny, with no static import of the PDF or signing code. It caches the
 * `import()` of the export chunk (pdf-lib, fontkit, fonts, pkijs) and exposes its state, so a
 * screen can say "preparing…" and retry after a failure. Screens that use it are lazy themselves;
 * the chunk and the fonts are precached, so all of it works offline.
 */
import type * as Chunk from './facade/export-chunk';

export type { Decision } from '../case/decision';
export type { ExportCase, ExportedFile, ExportedSummary, SignerIdentity, SummarySignature } from './facade/export-chunk';
export type { SummaryCheck } from './verify/summary-check';
export { VerifyCancelledError } from './verify-client';
export type ExportChunk = typeof Chunk;
export type ExportChunkState = 'idle' | 'loading' | 'ready' | 'error';

let chunk: Promise<ExportChunk> | undefined;
let state: ExportChunkState = 'idle';

/** The export chunk's module namespace (cached; a failed load is retried on the next call). */
export function loadExportChunk(): Promise<ExportChunk> {
  if (chunk === undefined) {
    state = 'loading';
    chunk = import('./facade/export-chunk').then(
      (module) => {
        state = 'ready';
        return module;
      },
      (error: unknown) => {
        state = 'error';
        chunk = undefined;
        throw error;
      },
    );
  }
  return chunk;
}

export function exportChunkState(): ExportChunkState {
  return state;
}

export async function exportSignedSummary(...args: Parameters<ExportChunk['exportSignedSummary']>): ReturnType<ExportChunk['exportSignedSummary']> {
  return (await loadExportChunk()).exportSignedSummary(...args);
}

/** Verifies a summary in a Web Worker (the page never freezes); see verify-client.ts. */
export { verifyInWorker as verifySummary } from './verify-client';

export async function exportPersonCopy(...args: Parameters<ExportChunk['exportPersonCopy']>): ReturnType<ExportChunk['exportPersonCopy']> {
  return (await loadExportChunk()).exportPersonCopy(...args);
}

export async function countersignSummary(...args: Parameters<ExportChunk['countersignSummary']>): ReturnType<ExportChunk['countersignSummary']> {
  return (await loadExportChunk()).countersignSummary(...args);
}
