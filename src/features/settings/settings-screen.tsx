import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EraseDeviceSection } from './erase-device-section';

/**
 * Settings. Sections owned by other features (signing identity, passphrase and backups) are
 * passed in by the app shell, since features never import each other; the panic wipe comes last.
 * Shown only while unlocked (the app's lock gate).
 */
export function SettingsScreen({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('ui');
  return (
    <>
      <h1>{t('settings.title')}</h1>
      {children}
      <EraseDeviceSection />
    </>
  );
}
