import { useTranslation } from 'react-i18next';
import { Button, StatusMessage } from '../../components/ui';
import type { LockController } from './lock-controller';

/**
 * After an unlock that could not finish an interrupted replacement of the data key: nothing is
 * unreadable, the old key is still kept, and the next unlock (or Settings) tries again. Stays
 * until the caseworker closes it.
 */
export function RotationNotice({ controller }: { controller: LockController }) {
  const { t } = useTranslation('ui');
  return (
    <StatusMessage tone="warning" className="rotation-notice">
      <p>{t('lock.notice.rotationIncomplete')}</p>
      <Button type="button" onClick={() => controller.dismissNotice()}>
        {t('lock.notice.dismiss')}
      </Button>
    </StatusMessage>
  );
}
