import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';
import type { DraftRow } from './draft-store';

interface Props {
  draft: DraftRow;
  dateFormat: Intl.DateTimeFormat;
  onResume: (draft: DraftRow) => void;
  onDuplicate: (draft: DraftRow) => void;
  onDelete: (draft: DraftRow) => void;
  onUpgrade: (draft: DraftRow) => void;
}

/**
 * One draft: only its case reference, status and last save. Nothing from the answers is
 * shown here, because the list is what anyone glancing at the phone sees first.
 */
export function DraftCard({ draft, dateFormat, onResume, onDuplicate, onDelete, onUpgrade }: Props) {
  const { t } = useTranslation('ui');
  const { t: td } = useTranslation('drafts');
  const ref = draft.caseRef;
  const saved = new Date(draft.updatedAt);
  return (
    <article className="card draft-card" aria-labelledby={`draft-${draft.id}`}>
      <h3 id={`draft-${draft.id}`} className="draft-card__ref">
        <bdi>{ref}</bdi>
      </h3>
      <dl className="draft-card__facts">
        <div>
          <dt>{t('drafts.item.status')}</dt>
          <dd>{t(`drafts.status.${draft.status}`, { defaultValue: draft.status })}</dd>
        </div>
        <div>
          <dt>{td('item.version')}</dt>
          <dd>{draft.instrumentVersion}</dd>
        </div>
        <div>
          <dt>{t('drafts.item.lastSaved')}</dt>
          <dd>
            <time dateTime={saved.toISOString()}>{dateFormat.format(saved)}</time>
          </dd>
        </div>
      </dl>
      <div className="actions">
        <Button
          variant="primary"
          aria-label={t('drafts.item.resumeLabel', { ref })}
          onClick={() => {
            onResume(draft);
          }}
        >
          {t('drafts.item.resume')}
        </Button>
        <Button
          aria-label={t('drafts.item.duplicateLabel', { ref })}
          onClick={() => {
            onDuplicate(draft);
          }}
        >
          {t('drafts.item.duplicate')}
        </Button>
        {draft.upgradeTo !== null ? (
          <Button
            aria-label={td('item.upgradeLabel', { ref, version: draft.upgradeTo })}
            onClick={() => {
              onUpgrade(draft);
            }}
          >
            {td('item.upgrade', { version: draft.upgradeTo })}
          </Button>
        ) : null}
        <Button
          variant="danger"
          aria-label={t('drafts.item.deleteLabel', { ref })}
          onClick={() => {
            onDelete(draft);
          }}
        >
          {t('drafts.item.delete')}
        </Button>
      </div>
    </article>
  );
}
