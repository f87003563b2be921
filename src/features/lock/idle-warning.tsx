import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';
import { IDLE_WARNING_MS } from './lock-settings';

/** Announced at once (role=alert): the app is about to lock, and one press keeps it open. */
export function IdleWarning({ onStay }: { onStay: () => void }) {
  const { t } = useTranslation('ui');
  return (
    <div className="banner idle-warning" role="alert">
      <p className="banner__text">{t('lock.idle.warning', { count: Math.round(IDLE_WARNING_MS / 1000) })}</p>
      <Button variant="primary" onClick={onStay}>
        {t('lock.idle.stay')}
      </Button>
    </div>
  );
}
