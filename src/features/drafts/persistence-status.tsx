import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/ui';
import type { PersistenceOutcome } from './draft-store';

const messages = {
  persisted: { tone: 'success', key: 'drafts.persistence.persisted' },
  'not-persisted': { tone: 'warning', key: 'drafts.persistence.notPersisted' },
  unsupported: { tone: 'warning', key: 'drafts.persistence.unsupported' },
} as const satisfies Record<PersistenceOutcome, { tone: 'success' | 'warning'; key: string }>;

/** Tells the caseworker whether the browser may clear drafts, so they know to finish or export. */
export function PersistenceStatus({ outcome }: { outcome: PersistenceOutcome | null }) {
  const { t } = useTranslation('ui');
  if (!outcome) return null;
  const message = messages[outcome];
  return (
    <StatusMessage tone={message.tone} className="persistence">
      {t(message.key)}
    </StatusMessage>
  );
}
