import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../components/ui';
import { OrganisationAuthoritySection } from './organisation-authority-section';
import { SigningIdentitySection } from './signing-identity-section';
import { TrustedRootsSection } from './trusted-roots-section';
import { useIdentityState } from './use-identity-state';

/** The three settings sections of issue 3; loaded lazily (index.ts) so pkijs stays off the first screen. */
export default function IdentitySettings() {
  const { t } = useTranslation('identity');
  const state = useIdentityState();
  if (state.status === 'loading') return <p role="status">{t('loading')}</p>;
  if (state.status === 'failed') return <StatusMessage tone="error">{t('errors.unexpected')}</StatusMessage>;
  return (
    <>
      <SigningIdentitySection identity={state.identity} authority={state.authority} reload={state.reload} />
      <OrganisationAuthoritySection authority={state.authority} reload={state.reload} />
      <TrustedRootsSection roots={state.roots} unreadable={state.unreadable} reload={state.reload} />
    </>
  );
}
