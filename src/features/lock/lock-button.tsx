import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';
import type { LockController } from './lock-controller';

/** Locks now: unsaved answers are written first, then the key is dropped. */
export function LockButton({ controller }: { controller: LockController }) {
  const { t } = useTranslation('ui');
  const [busy, setBusy] = useState(false);
  return (
    <Button
      className="header-button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void controller.lock().finally(() => {
          setBusy(false);
        });
      }}
    >
      {t('lock.lock')}
    </Button>
  );
}
