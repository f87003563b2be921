import { useTranslation } from 'react-i18next';
import { EraseDeviceButton } from './erase-device-button';

interface Props {
  /** Erases everything; the default restarts the app on first-run set-up. */
  erase?: () => Promise<void>;
}

/** "Erase everything on this device": what goes, that it is final, and the button that asks to confirm. */
export function EraseDeviceSection({ erase }: Props) {
  const { t } = useTranslation('ui');
  return (
    <section aria-labelledby="erase-device-title">
      <h2 id="erase-device-title">{t('settings.erase.title')}</h2>
      <p>{t('settings.erase.what')}</p>
      <p>
        <strong>{t('settings.erase.final')}</strong>
      </p>
      <p>{t('settings.erase.kept')}</p>
      <EraseDeviceButton {...(erase ? { erase } : {})} />
    </section>
  );
}
