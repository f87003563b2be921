import { BackupSection, RestoreSection } from './backup';
import { ChangePassphraseSection } from './change-passphrase-section';
import { KeyringLocationNote } from './keyring-location-note';

/** The Settings sections that protect what is on the phone: passphrase, backup, restore. */
export function ProtectSettingsSections() {
  return (
    <>
      <KeyringLocationNote />
      <ChangePassphraseSection />
      <BackupSection />
      <RestoreSection />
    </>
  );
}
