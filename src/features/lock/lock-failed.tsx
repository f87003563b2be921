import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/ui';

/** Storage could not be opened at all (private window, blocked upgrade): say so, offer no reset. */
export function LockFailed() {
  const { t } = useTranslation('ui');
  return (
    <>
      <h1>{t('lock.failedTitle')}</h1>
      <StatusMessage tone="error">
        <p>{t('lock.failed')}</p>
      </StatusMessage>
    </>
  );
}
