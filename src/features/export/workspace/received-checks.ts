/**
 * The received files, verified afresh against this device's trusted roots each time the workspace
 * opens (nothing derived is stored: a root added or removed changes what a file proves). A check
 * already made in this app session for the same bytes and the same roots is reused, so going back
 * and forth between the list and a case does not re-run the worker.
 */
import { verifySummary, type SummaryCheck } from '../../../export';
import { groupCases, type CaseFile, type ReceivedCase, type ReceivedInput } from '../../../case';
import { keySession, type ReceivedFile } from '../../../storage';

export interface CheckedFile {
  readonly file: ReceivedFile;
  readonly check: SummaryCheck;
}

const cache = new Map<string, SummaryCheck>();
const MAX_CACHED = 200;

function cacheKey(sha256: string, rootsPem: readonly string[]): string {
  return `${sha256}\n${[...rootsPem].sort().join('\n')}`;
}

/** Verifies one received file (or reuses this session's check of the same bytes under the same roots). */
export async function checkReceived(file: ReceivedFile, rootsPem: readonly string[], signal?: AbortSignal): Promise<SummaryCheck> {
  const key = cacheKey(file.sha256, rootsPem);
  const known = cache.get(key);
  if (known !== undefined) return known;
  const check = await verifySummary(file.bytes, rootsPem, signal);
  // A check stopped for time is not remembered: on a busy phone the next try may finish.
  if (!check.report.problems.some((p) => p.code === 'too-slow')) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? '');
    cache.set(key, check);
  }
  return check;
}

// A check holds the embedded assessment: nothing of it outlives a lock or a Quick exit.
keySession.subscribe((unlocked) => {
  if (!unlocked) cache.clear();
});

/** A checked file as the case module reads it. A file that no longer verifies keeps its SHA-256 as its key. */
export function caseFileOf(checked: CheckedFile): CaseFile {
  return { fingerprint: checked.check.report.fingerprint ?? checked.file.sha256, report: checked.check.report, assessment: checked.check.assessment };
}

export function receivedCases(checked: readonly CheckedFile[]): ReceivedCase[] {
  const inputs: ReceivedInput[] = checked.map((c) => ({ id: c.file.id, file: caseFileOf(c), receivedAt: c.file.receivedAt, seenAt: c.file.seenAt }));
  return groupCases(inputs);
}
