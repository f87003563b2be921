import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';
import { eraseDeviceAndRestart } from '../settings/erase-device';
import { EraseDeviceDialog } from '../settings/erase-device-dialog';

/**
 * "Erase everything" without unlocking: a caseworker whose phone is about to be taken must not
 * have to type the passphrase first. The same dialog as in Settings asks for the typed word.
 */
export function LockScreenErase({ erase = eraseDeviceAndRestart }: { erase?: () => Promise<void> }) {
  const { t } = useTranslation('ui');
  const [open, setOpen] = useState(false);
  return (
    <section className="lock-screen__erase" aria-labelledby="lock-erase-title">
      <h2 id="lock-erase-title">{t('settings.erase.title')}</h2>
      <p>{t('settings.erase.final')}</p>
      <Button
        variant="secondary"
        className="lock-screen__erase-button"
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
