import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/ui';
import type { ChangeOutcome } from './change-passphrase';
import type { ReplaceOutcome } from './replace-data-key';

/** The last attempt's outcome, plain change or replacement (nothing after a wait or a lock). */
export type Shown = { kind: Exclude<ChangeOutcome, 'wait'> } | Exclude<ReplaceOutcome, { kind: 'wait' | 'locked' }> | null;

/**
 * What the change did, in words that say whether anything changed and which passphrase now opens
 * Homeward: success as a status, every refusal or failure as an alert.
 */
export function ChangeMessage({ shown }: { shown: Shown }) {
  const { t } = useTranslation('protect');
  if (!shown) return null;
  switch (shown.kind) {
    case 'changed':
      return <StatusMessage tone="success">{t('change.done')}</StatusMessage>;
    case 'rotated':
      return <StatusMessage tone="success">{t(shown.traces ? 'change.rotatedTraces' : 'change.rotated', { number: shown.records })}</StatusMessage>;
    case 'refused':
      return <StatusMessage tone="error">{t('change.outcome.refused', { number: shown.unreadable })}</StatusMessage>;
    case 'pending':
      return <StatusMessage tone="error">{t('change.outcome.pending')}</StatusMessage>;
    case 'incomplete':
      return (
        <StatusMessage tone="error">
          {shown.unreadable > 0 ? t('change.outcome.incompleteUnreadable', { number: shown.unreadable }) : t('change.outcome.incomplete')}
        </StatusMessage>
      );
    case 'wrong':
    case 'changed-elsewhere':
    case 'failed':
      return <StatusMessage tone="error">{t(`change.outcome.${shown.kind}`)}</StatusMessage>;
  }
}
