import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, StatusMessage } from '../../../components/ui';
import { onTrustChange } from '../../../lib/trust-events';
import { identities } from '../../../storage';
import { downloadText } from '../identity/download';
import { encryptionService } from './encryption-service';
import { RecipientFacts } from './recipient-card';
import { RecipientImport } from './recipient-import';
import { useRecipients } from './use-recipients';
import { envelopeReason } from './texts';

/** Neutral file name of this device's encryption certificate (never a person's name). */
const OWN_CERTIFICATE_FILE = 'encryption-certificate.pem';

/** "Your encryption certificate": give it to those who send you encrypted files. */
function OwnCertificate() {
  const { t } = useTranslation('envelope');
  const [pem, setPem] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const load = () =>
      void (async () => {
        const active = await identities.getActive();
        setPem(active ? await encryptionService.ownCertificatePem(active.id) : null);
      })().catch(() => setPem(null));
    load();
    // Creating or verifying an identity (in the section above) issues or imports the certificate.
    return onTrustChange(load);
  }, []);
  if (pem === undefined) return <p role="status">{t('loading')}</p>;
  if (pem === null) return <p>{t('own.none')}</p>;
  return (
    <>
      <p>{t('own.ready')}</p>
      <Button onClick={() => downloadText(OWN_CERTIFICATE_FILE, pem)}>{t('own.download')}</Button>
    </>
  );
}

/**
 * Settings, "Encrypted files": this device's encryption certificate, and the address book of
 * recipients' certificates (import by file; name, organisation, role, expiry, fingerprint; whether
 * a file may be encrypted to them now, and why not).
 */
export function AddressBookSection() {
  const { t } = useTranslation('envelope');
  const [state, reload] = useRecipients();
  const [removed, setRemoved] = useState<string | null>(null);
  return (
    <section aria-labelledby="address-book-title">
      <h2 id="address-book-title">{t('book.title')}</h2>
      <p>{t('book.intro')}</p>
      <h3>{t('own.title')}</h3>
      <OwnCertificate />
      <h3>{t('book.recipients')}</h3>
      {state.phase === 'loading' ? <p role="status">{t('loading')}</p> : null}
      {state.phase === 'error' ? <StatusMessage tone="error">{t('problem.unexpected')}</StatusMessage> : null}
      {state.phase === 'ready' && state.recipients.length === 0 ? <p>{t('book.empty')}</p> : null}
      {state.phase === 'ready' && state.recipients.length > 0 ? (
        <ul className="draft-list">
          {state.recipients.map((recipient) => (
            <li key={recipient.id} className="card">
              <p>
                <strong>{recipient.name}</strong>
              </p>
              <RecipientFacts recipient={recipient} />
              {recipient.problem === null ? null : <StatusMessage tone="warning">{t('book.unusable', { reason: t(`problem.${recipient.problem}`) })}</StatusMessage>}
              <Button
                aria-label={t('book.removeNamed', { name: recipient.name })}
                onClick={() => {
                  void encryptionService
                    .removeRecipient(recipient.id)
                    .then(reload)
                    .then(() => setRemoved(t('book.removed', { name: recipient.name })))
                    .catch((error: unknown) => setRemoved(envelopeReason(t, error)));
                }}
              >
                {t('book.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {removed === null ? null : <p role="status">{removed}</p>}
      <RecipientImport onAdded={reload} />
    </section>
  );
}
