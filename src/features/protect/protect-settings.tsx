import { BackupSection, RestoreSection } from './backup';
import { ChangePassphraseSection } from './change-passphrase-section';
import { KeyringLocationNote } from './keyring-location-note';
import { IdleLockSection } from '../lock';

/** The Settings sections that protect what is on the phone: passphrase, idle lock, backup, restore. */
export function ProtectSettingsSections() {
  return (
    <>
      <KeyringLocationNote />
      <ChangePassphraseSection />
      <IdleLockSection />
      <BackupSection />
      <RestoreSection />
    </>
  );
}
