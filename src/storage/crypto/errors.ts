/**
 * WARNING: errors of the encryption layer. Callers (unlock screen, drafts list) branch on
 * these classes and their `name`; renaming one silently changes what the UI shows.
 * Messages carry record ids, never passphrases, keys or plaintext.
 */
import { StorageError } from '../errors';

/** The passphrase did not unwrap the data key (or the wrapped key is damaged: indistinguishable by design). */
export class WrongPassphraseError extends StorageError {
  constructor() {
    super('WrongPassphraseError', 'The passphrase is not correct; try again.');
  }
}

/** An operation needed the data key while the session is locked; ask for the passphrase. */
export class LockedError extends StorageError {
  constructor() {
    super('LockedError', 'Homeward is locked; unlock it with your passphrase to continue.');
  }
}

export type KdfParamsProblem = 'malformed' | 'unknown' | 'too-weak' | 'too-costly';

/**
 * Stored key-derivation parameters were refused: unknown algorithm/version, fewer iterations
 * than the minimum (a possible downgrade attack on the stored header) or absurdly many.
 */
export class KdfParamsError extends StorageError {
  constructor(readonly problem: KdfParamsProblem) {
    super(
      'KdfParamsError',
      `The stored key parameters were refused (${problem}); the keyring may have been tampered with. Do not set up a new passphrase over it; ask your administrator.`,
    );
  }
}

export type KeyringProblem = 'missing' | 'exists' | 'damaged' | 'changed' | 'empty-passphrase';

export class KeyringError extends StorageError {
  constructor(readonly problem: KeyringProblem) {
    super('KeyringError', KEYRING_MESSAGES[problem]);
  }
}

const KEYRING_MESSAGES: Record<KeyringProblem, string> = {
  missing: 'No passphrase has been set up on this device yet; set one up first.',
  exists: 'A passphrase is already set up on this device; unlock with it (setting up another would make existing drafts unreadable).',
  damaged: 'The stored key record is damaged or from a newer Homeward; update the app, and do not delete it.',
  changed: 'The passphrase was changed elsewhere (in another tab?) while this change ran; unlock again and retry.',
  'empty-passphrase': 'The passphrase must not be empty.',
};

export type EnvelopeProblem = 'malformed' | 'unsupported-version' | 'authentication-failed' | 'malformed-plaintext';

/**
 * A stored envelope could not be opened: damaged, tampered with, moved from another record,
 * sealed under another key, or of a version this app does not know. Names the record.
 */
export class EnvelopeError extends StorageError {
  constructor(
    readonly recordId: string,
    readonly problem: EnvelopeProblem,
  ) {
    super('EnvelopeError', `Record ${recordId} could not be decrypted (${problem}); do not delete it, and report it.`);
  }
}
