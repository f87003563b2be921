import { useTranslation } from 'react-i18next';
import { EraseDeviceButton } from '../settings/erase-device-button';

/**
 * "Erase everything" without unlocking: a caseworker whose phone is about to be taken must not
 * have to type the passphrase first. The same dialog as in Settings asks for the typed word.
 */
export function LockScreenErase() {
  const { t } = useTranslation('ui');
  return (
    <section className="lock-screen__erase" aria-labelledby="lock-erase-title">
      <h2 id="lock-erase-title">{t('settings.erase.title')}</h2>
      <p>{t('settings.erase.final')}</p>
      <EraseDeviceButton variant="secondary" className="lock-screen__erase-button" />
    </section>
  );
}
