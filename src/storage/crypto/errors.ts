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

export type KeyringProblem = 'missing' | 'exists' | 'damaged' | 'changed' | 'rotating' | 'empty-passphrase';

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
  rotating: 'A replacement of the data key is under way; let it finish (unlock again) before starting another.',
  'empty-passphrase': 'The passphrase must not be empty.',
};

export type EnvelopeProblem = 'malformed' | 'unsupported-version' | 'unknown-key' | 'authentication-failed' | 'malformed-plaintext';

/**
 * A stored envelope could not be opened: damaged, tampered with, moved from another record,
 * sealed under another key, or of a version this app does not know. 'unknown-key': it names a
 * data key generation this session does not hold. Names the record.
 */
export class EnvelopeError extends StorageError {
  constructor(
    readonly recordId: string,
    readonly problem: EnvelopeProblem,
  ) {
    super('EnvelopeError', `Record ${recordId} could not be decrypted (${problem}); do not delete it, and report it.`);
  }
}

/**
 * A sealed write was refused inside its transaction: the record was sealed under data key
 * generation `sealedWith`, but writes now use generation `current` (a rotation switched the key,
 * in this tab or another). Nothing was written. Seal again with the current key; a session that
 * does not hold it is stale and must be unlocked again (docs/adr/0005).
 */
export class DataKeyChangedError extends StorageError {
  constructor(
    readonly sealedWith: number,
    readonly current: number,
  ) {
    super('DataKeyChangedError', 'The data key was replaced while this record was being saved; nothing was written. Unlock again and retry.');
  }
}

/**
 * The data key was not replaced, and nothing was changed (the current passphrase still works):
 * `unreadable` records do not open with the current key, and replacing the key would make them
 * impossible to recover for good.
 */
export class RotationRefusedError extends StorageError {
  constructor(readonly unreadable: number) {
    super('RotationRefusedError', `${String(unreadable)} record(s) cannot be read with the current data key, so it was not replaced; nothing was changed.`);
  }
}

export type RotationIncompleteProblem = 'unreadable' | 'interrupted';

/**
 * A data key rotation started but did not finish. The NEW passphrase is the one that opens
 * Homeward; the keyring holds both keys, so every record still opens; the next unlock (or
 * "finish now") continues. 'unreadable': `count` records did not open under the new key after
 * re-sealing, so the old key is kept. 'interrupted': a step failed (`reason` is the error's name,
 * e.g. QuotaExceededError).
 */
export class RotationIncompleteError extends StorageError {
  constructor(
    readonly problem: RotationIncompleteProblem,
    readonly count: number,
    readonly reason: string,
  ) {
    super('RotationIncompleteError', `The data key replacement did not finish (${problem}${reason ? `: ${reason}` : ''}); every record still opens with the new passphrase, and it continues at the next unlock.`);
  }
}
