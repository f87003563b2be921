/**
 * "Also replace the data key" (docs/adr/0005): the passphrase change that also re-encrypts every
 * record under a new key and destroys the old one, and "finish now" for a replacement that was
 * interrupted. These never throw: each outcome says what the screen should tell the caseworker,
 * above all whether anything changed and which passphrase now opens Homeward.
 *
 * A wrong current passphrase earns the same growing wait as a plain change (change-passphrase.ts
 * keeps the count). Error messages may carry record ids, so only names reach the console.
 */
import type { RotationProgress } from '../../storage';
import { recordWrongPassphrase, recordSuccess, retryAt } from './change-passphrase';

export type ReplaceOutcome =
  /**
   * Done: every record under the new key, the old key's wrapping deleted. `traces`: the browser
   * keeps the keyring in IndexedDB (no OPFS), whose files may hold the old wrapping until the
   * browser compacts them (docs/adr/0004), so "destroyed" must not be claimed.
   */
  | { kind: 'rotated'; records: number; traces: boolean }
  /** The current passphrase is wrong: nothing changed. */
  | { kind: 'wrong' }
  /** Still waiting out an earlier wrong passphrase: nothing was tried. */
  | { kind: 'wait' }
  /** Records the current key cannot open: nothing changed (replacing the key would lose them). */
  | { kind: 'refused'; unreadable: number }
  /** An earlier replacement is unfinished: nothing changed; finish that one first. */
  | { kind: 'pending' }
  /** Another window changed the passphrase meanwhile: nothing changed here. */
  | { kind: 'changed-elsewhere' }
  /** Failed before anything was stored: nothing changed, the current passphrase still works. */
  | { kind: 'failed' }
  /** Started, not finished: the NEW passphrase works, every record opens, it continues later. */
  | { kind: 'incomplete'; unreadable: number }
  /** The app locked meanwhile (quick exit): the lock screen takes over. */
  | { kind: 'locked' };

export type FinishOutcome = { kind: 'finished'; records: number; traces: boolean } | { kind: 'nothing-to-finish' } | { kind: 'incomplete'; unreadable: number } | { kind: 'locked' } | { kind: 'failed' };

type Progress = (progress: RotationProgress) => void;

export interface ReplaceDependencies {
  replace: (current: string, next: string, onProgress: Progress) => Promise<{ records: number }>;
  finish: (onProgress: Progress) => Promise<{ kind: 'ready' } | { kind: 'finished'; records: number }>;
  pending: () => Promise<boolean>;
  /** Where the keyring is kept ('indexeddb': traces of an old key may stay in the browser's files). */
  location: () => Promise<string>;
  now: () => number;
}

const storage = () => import('../../storage');
const defaults: ReplaceDependencies = {
  replace: async (current, next, onProgress) => (await storage()).replaceDataKey(current, next, onProgress),
  finish: async (onProgress) => (await storage()).finishDataKeyRotation(onProgress),
  pending: async () => (await storage()).dataKeyRotationPending(),
  location: async () => (await storage()).keyring.location(),
  now: Date.now,
};

/** True unless the keyring is known to be kept outside IndexedDB (when unsure, claim less). */
async function mayLeaveTraces(location: () => Promise<string>): Promise<boolean> {
  return location().then(
    (where) => where === 'indexeddb',
    () => true,
  );
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

/** An incomplete replacement, as the storage layer reports it (RotationIncompleteError). */
function incompleteOf(error: unknown): { kind: 'incomplete'; unreadable: number } | undefined {
  if (nameOf(error) !== 'RotationIncompleteError') return undefined;
  const { problem, count } = error as { problem?: unknown; count?: unknown };
  return { kind: 'incomplete', unreadable: problem === 'unreadable' && typeof count === 'number' ? count : 0 };
}

/** Changes the passphrase and replaces the data key; `onProgress` gets records done / total. */
export async function replaceDataKey(current: string, next: string, onProgress: Progress, deps: Partial<ReplaceDependencies> = {}): Promise<ReplaceOutcome> {
  const { replace, location, now } = { ...defaults, ...deps };
  if (now() < retryAt()) return { kind: 'wait' };
  try {
    const { records } = await replace(current, next, onProgress);
    recordSuccess();
    return { kind: 'rotated', records, traces: await mayLeaveTraces(location) };
  } catch (error) {
    const name = nameOf(error);
    if (name === 'WrongPassphraseError') {
      recordWrongPassphrase(now());
      return { kind: 'wrong' };
    }
    console.error(name || 'replace data key error');
    const incomplete = incompleteOf(error);
    if (incomplete) {
      // The current passphrase was right: the new one is in effect now.
      recordSuccess();
      return incomplete;
    }
    if (name === 'LockedError') return { kind: 'locked' };
    if (name === 'RotationRefusedError') {
      const { unreadable } = error as { unreadable?: unknown };
      return { kind: 'refused', unreadable: typeof unreadable === 'number' ? unreadable : 0 };
    }
    const problem = (error as { problem?: unknown }).problem;
    if (name === 'KeyringError' && problem === 'rotating') return { kind: 'pending' };
    if (name === 'KeyringError' && problem === 'changed') return { kind: 'changed-elsewhere' };
    return { kind: 'failed' };
  }
}

/** Finishes a replacement that was interrupted (what every unlock also does). */
export async function finishDataKeyReplacement(onProgress: Progress, deps: Partial<ReplaceDependencies> = {}): Promise<FinishOutcome> {
  const { finish, location } = { ...defaults, ...deps };
  try {
    const result = await finish(onProgress);
    if (result.kind !== 'finished') return { kind: 'nothing-to-finish' };
    return { kind: 'finished', records: result.records, traces: await mayLeaveTraces(location) };
  } catch (error) {
    console.error(nameOf(error) || 'finish data key error');
    if (nameOf(error) === 'LockedError') return { kind: 'locked' };
    return incompleteOf(error) ?? { kind: 'failed' };
  }
}

/** True while a replacement has started and not finished; false if that cannot be read. */
export async function replacementPending(deps: Partial<ReplaceDependencies> = {}): Promise<boolean> {
  const { pending } = { ...defaults, ...deps };
  return pending().catch(() => false);
}
