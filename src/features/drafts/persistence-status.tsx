import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/ui';
import type { PersistenceOutcome } from './draft-store';
import { useStorageHealth } from './use-persistence';

const messages = {
  persisted: { tone: 'success', key: 'drafts.persistence.persisted' },
  'not-persisted': { tone: 'warning', key: 'drafts.persistence.notPersisted' },
  unsupported: { tone: 'warning', key: 'drafts.persistence.unsupported' },
} as const satisfies Record<PersistenceOutcome, { tone: 'success' | 'warning'; key: string }>;

/**
 * Tells the caseworker whether the browser may clear drafts, so they know to finish or export;
 * and, above that, when this window will not keep drafts at all (private or guest window, no
 * IndexedDB) or storage is nearly full.
 */
export function PersistenceStatus({ outcome }: { outcome: PersistenceOutcome | null }) {
  const { t } = useTranslation(['ui', 'session']);
  const health = useStorageHealth();
  const ephemeral = health?.durability.kind === 'ephemeral' ? health.durability.reason : null;
  const message = outcome ? messages[outcome] : null;
  return (
    <>
      {ephemeral ? (
        <StatusMessage tone="error" className="storage-ephemeral">
          <p>{t(ephemeral === 'no-indexeddb' ? 'storage.noIndexedDb' : 'storage.ephemeral', { ns: 'session' })}</p>
        </StatusMessage>
      ) : null}
      {!ephemeral && health?.estimate?.nearlyFull ? (
        <StatusMessage tone="warning" className="storage-nearly-full">
          {t('storage.nearlyFull', { ns: 'session', percent: Math.round(health.estimate.ratio * 100) })}
        </StatusMessage>
      ) : null}
      {message ? (
        <StatusMessage tone={message.tone} className="persistence">
          {t(message.key)}
        </StatusMessage>
      ) : null}
    </>
  );
}
