import { useTranslation } from 'react-i18next';
import { EraseDeviceSection } from './erase-device-section';

/** Settings: for now only the panic wipe. Shown only while unlocked (the app's lock gate). */
export function SettingsScreen() {
  const { t } = useTranslation('ui');
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <EraseDeviceSection />
    </>
  );
}
