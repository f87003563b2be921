/**
 * Changing the passphrase from Settings. The storage keyring re-wraps the same data key under a
 * key derived from the new passphrase (fresh salt; no draft is re-encrypted) and stores the new
 * wrapping atomically, so an interrupted change leaves the old passphrase working. "Also replace
 * the data key" is replace-data-key.ts.
 *
 * A wrong current passphrase earns the same growing wait as the unlock screen (1 s, 2 s, 4 s …
 * capped, never a lock-out). The count lives in this module, so it lasts as long as the page and
 * a remount of the screen cannot skip the wait.
 */
import { passphraseStrength, retryDelayMs } from '../../lib/passphrase-rules';

export type ChangeOutcome = 'changed' | 'wrong' | 'wait' | 'changed-elsewhere' | 'failed';
export type NewPassphraseProblem = 'currentMissing' | 'tooShort' | 'mismatch' | 'same' | null;

interface Attempts {
  failures: number;
  retryAt: number;
}

const attempts: Attempts = { failures: 0, retryAt: 0 };
const listeners = new Set<() => void>();

/** Epoch ms before which another attempt is refused (0: now). */
export function retryAt(): number {
  return attempts.retryAt;
}

export function subscribeRetry(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function setAttempts(next: Attempts): void {
  attempts.failures = next.failures;
  attempts.retryAt = next.retryAt;
  for (const listener of [...listeners]) listener();
}

/** A wrong current passphrase (here or in "replace the data key"): the next attempt waits longer. */
export function recordWrongPassphrase(now: number): void {
  const failures = attempts.failures + 1;
  setAttempts({ failures, retryAt: now + retryDelayMs(failures) });
}

/** The current passphrase was right: no more waiting. */
export function recordSuccess(): void {
  setAttempts({ failures: 0, retryAt: 0 });
}

/** What is wrong with the form's values before anything slow runs (same rules as set-up). */
export function checkNewPassphrase(current: string, next: string, repeat: string): NewPassphraseProblem {
  if (current === '') return 'currentMissing';
  if (next === '' || passphraseStrength(next) === 'tooShort') return 'tooShort';
  if (next !== repeat) return 'mismatch';
  if (next.normalize('NFC') === current.normalize('NFC')) return 'same';
  return null;
}

export interface ChangeDependencies {
  change: (current: string, next: string) => Promise<void>;
  now?: () => number;
}

const defaultChange = async (current: string, next: string): Promise<void> => {
  const { keyring } = await import('../../storage');
  await keyring.changePassphrase(current, next);
};

/** Changes the passphrase; never throws: the outcome says what the screen should show. */
export async function changePassphrase(current: string, next: string, deps: Partial<ChangeDependencies> = {}): Promise<ChangeOutcome> {
  const { change = defaultChange, now = Date.now } = deps;
  if (now() < attempts.retryAt) return 'wait';
  try {
    await change(current, next);
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'WrongPassphraseError') {
      recordWrongPassphrase(now());
      return 'wrong';
    }
    // Only the error's name: messages may carry ids.
    console.error(name || 'change passphrase error');
    if (name === 'KeyringError' && (error as { problem?: unknown }).problem === 'changed') return 'changed-elsewhere';
    return 'failed';
  }
  recordSuccess();
  return 'changed';
}

/** For tests: forget earlier attempts. */
export function resetAttemptsForTests(): void {
  setAttempts({ failures: 0, retryAt: 0 });
}
