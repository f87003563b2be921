/**
 * Importing a file into the workspace: read it, verify it in the worker, keep it (sealed under the
 * data key) only if every signature verified, then let its decisions reach the draft that exported
 * it on this device (case-loop.ts). A file that does not verify is refused with the verifier's
 * reasons and is not kept: it could say anything.
 */
import { VerifyCancelledError, type SummaryCheck } from '../../../export';
import { LIMITS } from '../../../export/verify/limits';
import { errorName, MAX_RECEIVED_BYTES, receivedFiles, trustedRoots } from '../../../storage';
import { closeLoop, type LoopOutcome } from './case-loop';
import { checkReceived } from './received-checks';

export type ImportResult =
  | { readonly kind: 'unreadable'; readonly reason: 'tooLarge' | 'readFailed' | 'failed' | 'storage' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'refused'; readonly check: SummaryCheck }
  | { readonly kind: 'kept'; readonly id: string; readonly duplicate: boolean; readonly check: SummaryCheck; readonly loop: LoopOutcome | null };

export async function readPicked(file: File): Promise<Uint8Array | ImportResult> {
  if (file.size > Math.min(LIMITS.fileBytes, MAX_RECEIVED_BYTES)) return { kind: 'unreadable', reason: 'tooLarge' };
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return { kind: 'unreadable', reason: 'readFailed' };
  }
}

export async function importBytes(bytes: Uint8Array, signal?: AbortSignal): Promise<ImportResult> {
  let check: SummaryCheck;
  try {
    const roots = (await trustedRoots.list()).map((root) => root.certificatePem);
    const before = await receivedFiles.list();
    const sha = await sha256(bytes);
    const known = before.files.find((f) => f.sha256 === sha);
    check = await checkReceived(known ?? { id: '', bytes, sha256: sha, receivedAt: new Date(), seenAt: null }, roots, signal);
    if (check.report.verdict !== 'valid') return { kind: 'refused', check };
    const kept = await receivedFiles.add(bytes);
    const loop = await closeLoop({ file: kept, check });
    return { kind: 'kept', id: kept.id, duplicate: known !== undefined, check, loop };
  } catch (error) {
    if (error instanceof VerifyCancelledError) return { kind: 'cancelled' };
    const name = errorName(error);
    console.error(name);
    return { kind: 'unreadable', reason: name === 'QuotaExceededError' ? 'storage' : 'failed' };
  }
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
