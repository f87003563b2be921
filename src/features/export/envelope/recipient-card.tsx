import { useTranslation } from 'react-i18next';
import { groupedFingerprint } from '../../../lib/fingerprint';
import type { Recipient } from './encryption-service';
import { envelopeRoleLabel } from './texts';

/** What a person checks before encrypting to someone: name, organisation, role, expiry, fingerprint. */
export function RecipientFacts({ recipient }: { recipient: Recipient }) {
  const { t, i18n } = useTranslation('envelope');
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { dateStyle: 'long' });
  return (
    <dl className="verify-facts">
      <div className="verify-facts__row">
        <dt>{t('recipient.organisation')}</dt>
        <dd>{recipient.organisation}</dd>
      </div>
      <div className="verify-facts__row">
        <dt>{t('recipient.role')}</dt>
        <dd>{envelopeRoleLabel(t, recipient.role)}</dd>
      </div>
      <div className="verify-facts__row">
        <dt>{t('recipient.expires')}</dt>
        <dd>{date.format(recipient.notAfter)}</dd>
      </div>
      <div className="verify-facts__row">
        <dt>{t('recipient.fingerprint')}</dt>
        <dd className="fingerprint" dir="ltr">
          {groupedFingerprint(recipient.fingerprint)}
        </dd>
      </div>
    </dl>
  );
}
