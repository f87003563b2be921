import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const IdentitySettings = lazy(() => import('./identity-settings'));

/** Settings: "My signing identity", "Organisation certificate authority", "Trusted organisation roots". */
export function IdentitySettingsSection() {
  const { t } = useTranslation('identity');
  return (
    <Suspense fallback={<p role="status">{t('loading')}</p>}>
      <IdentitySettings />
    </Suspense>
  );
}
