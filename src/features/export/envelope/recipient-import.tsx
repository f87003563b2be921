import { useTranslation } from 'react-i18next';
import { FilePicker } from '../identity/file-picker';
import { Outcome, useOutcome } from '../identity/messages';
import { encryptionService, MAX_RECIPIENT_FILE_BYTES } from './encryption-service';
import { EncryptionServiceError } from './service-errors';
import { envelopeReason } from './texts';

/** "Add a recipient's encryption certificate": a .pem file, checked, then kept in the address book. */
export function RecipientImport({ onAdded }: { onAdded: () => Promise<void> }) {
  const { t } = useTranslation('envelope');
  const [message, setMessage] = useOutcome();
  return (
    <>
      <FilePicker
        label={t('book.import')}
        help={t('book.importHelp')}
        onFile={async (file) => {
          setMessage(null);
          try {
            if (file.size > MAX_RECIPIENT_FILE_BYTES) throw new EncryptionServiceError('too-large');
            const added = await encryptionService.importRecipients(await file.text());
            await onAdded();
            setMessage({ tone: 'success', text: t('book.added', { names: added.map((entry) => entry.name).join(', ') }) });
          } catch (error) {
            setMessage({ tone: 'error', text: t('book.refused', { reason: envelopeReason(t, error) }) });
          }
        }}
      />
      <Outcome message={message} />
    </>
  );
}
