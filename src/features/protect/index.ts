/** Protect feature: change passphrase, plus the backup sections, for the Settings screen. */
export { ProtectSettingsSections } from './protect-settings';
export { ChangePassphraseSection } from './change-passphrase-section';
export { changePassphrase, checkNewPassphrase, type ChangeOutcome } from './change-passphrase';
