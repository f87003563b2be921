import { useId, useMemo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, StatusMessage } from '../../../components/ui';
import { encryptionService } from './encryption-service';
import { RecipientFacts } from './recipient-card';
import { RecipientImport } from './recipient-import';
import { envelopeReason } from './texts';
import { useRecipients } from './use-recipients';

/** The encrypted file's neutral name: the signed file's, with the CMS extension. */
export function encryptedFileName(fileName: string): string {
  return `${fileName.replace(/\.pdf$/i, '')}.p7m`;
}

function EncryptedDownload({ bytes, fileName, children }: { bytes: Uint8Array; fileName: string; children: string }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([bytes.slice().buffer], { type: 'application/pkcs7-mime' })), [bytes]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <a className="export-download" href={url} download={fileName}>
      {children}
    </a>
  );
}

type Phase = { readonly kind: 'idle' } | { readonly kind: 'working' } | { readonly kind: 'done'; readonly bytes: Uint8Array; readonly name: string } | { readonly kind: 'error'; readonly text: string };

/**
 * "Send encrypted": the signed file just made, encrypted to one recipient of the address book
 * (checked again now), offered as a .p7m download. Only that recipient's Homeward, after unlock,
 * or OpenSSL with their key, opens it.
 */
export function EncryptForRecipient({ bytes, fileName }: { bytes: Uint8Array; fileName: string }) {
  const { t } = useTranslation('envelope');
  const id = useId();
  const [state, reload] = useRecipients();
  const [chosen, setChosen] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const usable = state.phase === 'ready' ? state.recipients.filter((recipient) => recipient.problem === null) : [];
  const selected = usable.find((recipient) => recipient.id === chosen) ?? usable[0];

  const encrypt = async () => {
    if (!selected) return;
    setPhase({ kind: 'working' });
    try {
      setPhase({ kind: 'done', bytes: await encryptionService.encryptFor(selected.id, bytes), name: selected.name });
    } catch (error) {
      setPhase({ kind: 'error', text: envelopeReason(t, error) });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('send.title')}</h2>
      <p className="hint">{t('send.intro')}</p>
      {state.phase === 'loading' ? <p role="status">{t('loading')}</p> : null}
      {state.phase === 'ready' && usable.length === 0 ? <p>{t('send.none')}</p> : null}
      {selected ? (
        <>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-recipient`}>
              {t('send.recipient')}
            </label>
            <select
              id={`${id}-recipient`}
              value={selected.id}
              onChange={(event) => {
                setChosen(event.target.value);
                setPhase({ kind: 'idle' });
              }}
            >
              {usable.map((recipient) => (
                <option key={recipient.id} value={recipient.id}>
                  {t('send.option', { name: recipient.name, organisation: recipient.organisation })}
                </option>
              ))}
            </select>
          </div>
          <RecipientFacts recipient={selected} />
          <div className="export-actions">
            <Button variant="primary" disabled={phase.kind === 'working'} onClick={() => void encrypt()}>
              {t('send.encrypt')}
            </Button>
          </div>
        </>
      ) : null}
      {phase.kind === 'working' ? <p role="status">{t('send.working')}</p> : null}
      {phase.kind === 'error' ? <StatusMessage tone="error">{t('send.refused', { reason: phase.text })}</StatusMessage> : null}
      {phase.kind === 'done' ? (
        <StatusMessage tone="success">
          <p>{t('send.done', { name: phase.name })}</p>
          <EncryptedDownload bytes={phase.bytes} fileName={encryptedFileName(fileName)}>
            {t('send.download')}
          </EncryptedDownload>
        </StatusMessage>
      ) : null}
      <RecipientImport onAdded={reload} />
    </section>
  );
}
