import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, type ButtonVariant } from '../../components/ui';
import { eraseDeviceAndRestart } from './erase-device';
import { EraseDeviceDialog } from './erase-device-dialog';

interface Props {
  /** Erases everything; the default restarts the app on first-run set-up. */
  erase?: () => Promise<void>;
  variant?: ButtonVariant;
  className?: string;
}

/** "Erase everything" and the dialog that asks for the typed word (Settings and the lock screen). */
export function EraseDeviceButton({ erase = eraseDeviceAndRestart, variant = 'danger', className }: Props) {
  const { t } = useTranslation('ui');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant={variant}
        {...(className ? { className } : {})}
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
    </>
  );
}
