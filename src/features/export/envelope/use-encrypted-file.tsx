import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../components/ui';
import { looksEncrypted } from '../../../export/envelope/sniff';
import { envelopeReason } from './texts';

type Notice = { readonly kind: 'none' } | { readonly kind: 'opened'; readonly name: string } | { readonly kind: 'refused'; readonly text: string };

/**
 * For the verify screen's file input: an encrypted file (CMS) is opened with this device's keys
 * first, and what is inside goes on to be verified as usual; a file that cannot be opened is
 * refused with the reason. A PDF passes through untouched. The envelope code (pkijs) loads only
 * when an encrypted file comes.
 */
export function useEncryptedFile(): { unwrap: (bytes: Uint8Array) => Promise<Uint8Array | null>; notice: ReactNode } {
  const { t } = useTranslation('envelope');
  // `seq` grows with every notice shown, so the same refusal twice is a new message (tests wait on it).
  const [{ notice, seq }, setShown] = useState<{ notice: Notice; seq: number }>({ notice: { kind: 'none' }, seq: 0 });
  const setNotice = useCallback((next: Notice) => setShown((previous) => ({ notice: next, seq: next.kind === 'none' ? previous.seq : previous.seq + 1 })), []);
  const unwrap = useCallback(
    async (bytes: Uint8Array): Promise<Uint8Array | null> => {
      setNotice({ kind: 'none' });
      if (!looksEncrypted(bytes)) return bytes;
      try {
        const { encryptionService, describeRecipientName } = await import('./open-service');
        const opened = await encryptionService.open(bytes);
        setNotice({ kind: 'opened', name: describeRecipientName(opened.recipient) });
        return opened.content;
      } catch (error) {
        setNotice({ kind: 'refused', text: envelopeReason(t, error) });
        return null;
      }
    },
    [t, setNotice],
  );
  const message =
    notice.kind === 'none' ? null : notice.kind === 'opened' ? (
      <StatusMessage tone="info">{t('open.opened', { name: notice.name })}</StatusMessage>
    ) : (
      <StatusMessage tone="error">{t('open.refused', { reason: notice.text })}</StatusMessage>
    );
  return { unwrap, notice: <div data-envelope-notice={seq}>{message}</div> };
}
