import { useTranslation } from 'react-i18next';

/** Suspense fallback while a screen's code loads (from the precache, so usually brief). */
export function LoadingScreen() {
  const { t } = useTranslation('ui');
  return (
    <p role="status" className="loading" aria-busy="true">
      {t('app.loading')}
    </p>
  );
}
