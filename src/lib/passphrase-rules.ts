import { MAX_RETRY_DELAY_MS, MIN_PASSPHRASE_LENGTH, RECOMMENDED_PASSPHRASE_LENGTH } from '../features/lock/lock-settings';

export type PassphraseStrength = 'empty' | 'tooShort' | 'short' | 'good';

/**
 * A length-based hint, counted in characters as people see them (not UTF-16 units): length is
 * what matters against guessing, and composition rules push people toward worse passphrases.
 */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const length = [...passphrase.normalize('NFC')].length;
  if (length === 0) return 'empty';
  if (length < MIN_PASSPHRASE_LENGTH) return 'tooShort';
  if (length < RECOMMENDED_PASSPHRASE_LENGTH) return 'short';
  return 'good';
}

/** Milliseconds to wait after `failures` wrong passphrases in a row: 1 s, 2 s, 4 s … capped. */
export function retryDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(1_000 * 2 ** (failures - 1), MAX_RETRY_DELAY_MS);
}
