import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';
import { eraseDeviceAndRestart } from './erase-device';
import { EraseDeviceDialog } from './erase-device-dialog';

interface Props {
  /** Erases everything; the default restarts the app on first-run set-up. */
  erase?: () => Promise<void>;
}

/** "Erase everything on this device": what goes, that it is final, and the button that asks to confirm. */
export function EraseDeviceSection({ erase = eraseDeviceAndRestart }: Props) {
  const { t } = useTranslation('ui');
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="erase-device-title">
      <h2 id="erase-device-title">{t('settings.erase.title')}</h2>
      <p>{t('settings.erase.what')}</p>
      <p>
        <strong>{t('settings.erase.final')}</strong>
      </p>
      <p>{t('settings.erase.kept')}</p>
      <Button
        variant="danger"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('settings.erase.open')}
      </Button>
      <EraseDeviceDialog
        open={open}
        onCancel={() => {
          setOpen(false);
        }}
        onConfirm={erase}
      />
    </section>
  );
}
