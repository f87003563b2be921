/**
 * The lock: first-run passphrase set-up, the unlock screen, lock (button and idle), quick exit
 * to a neutral page. The app creates one controller and composes these pieces in its shell.
 */
export { createLockController, type LockController, type LockPhase, type LockState, type UnlockOutcome } from './lock-controller';
export { probeKeyring, type KeyringGuess } from './keyring-probe';
export { LockGate } from './lock-gate';
export { LockButton } from './lock-button';
export { QuickExitButton } from './quick-exit-button';
export { NeutralPage } from './neutral-page';
export { IdleWarning } from './idle-warning';
export { useLockState } from './use-lock-state';
export { useIdleLock } from './use-idle-lock';
export { useIdleMinutes, saveIdleMinutes } from './idle-minutes';
export { IdleLockSection } from './idle-lock-section';
export { useQuickExitShortcut } from './use-quick-exit-shortcut';
export { useBackForwardLock } from './use-back-forward-lock';
export { IDLE_LOCK_MS, IDLE_WARNING_MS } from './lock-settings';
