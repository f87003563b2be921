import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What quick exit leaves on screen: a plain, generic page that names no app, case or person.
 * Served from this page (no navigation), so it works offline and contacts no other origin.
 */
export function NeutralPage() {
  const { t } = useTranslation('ui');
  useEffect(() => {
    document.title = t('neutral.title');
  }, [t]);
  return (
    <main className="neutral-page">
      <h1>{t('neutral.title')}</h1>
      <p>{t('neutral.body')}</p>
    </main>
  );
}
