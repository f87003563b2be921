import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui';
import { formatNumber } from '../../lib/format';
import type { DraftRow } from './draft-store';
import { ReviewNote } from './review-note';

interface Props {
  draft: DraftRow;
  dateFormat: Intl.DateTimeFormat;
  onResume: (draft: DraftRow) => void;
  onDuplicate: (draft: DraftRow) => void;
  onDelete: (draft: DraftRow) => void;
  onUpgrade: (draft: DraftRow) => void;
  onNewVersion: (draft: DraftRow) => void;
  /**
   * Another draft in the list has the same case reference (a draft moved to a newer version
   * keeps its reference, and the original stays): the buttons' names then say the version too.
   */
  sharedRef?: boolean;
}

/**
 * One draft: only its case reference, status and last save. Nothing from the answers is
 * shown here, because the list is what anyone glancing at the phone sees first.
 */
export function DraftCard({ draft, dateFormat, onResume, onDuplicate, onDelete, onUpgrade, onNewVersion, sharedRef = false }: Props) {
  const { t, i18n } = useTranslation('ui');
  const { t: td } = useTranslation('drafts');
  const { t: tw } = useTranslation('workspace');
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const ref = draft.caseRef;
  const version = formatNumber(draft.instrumentVersion, lang);
  const named = (label: string) => (sharedRef ? td('item.labelVersion', { label, version }) : label);
  const saved = new Date(draft.updatedAt);
  const signedOff = draft.status === 'signed_off';
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
          <dd>{version}</dd>
        </div>
        <div>
          <dt>{t('drafts.item.lastSaved')}</dt>
          <dd>
            <time dateTime={saved.toISOString()}>{dateFormat.format(saved)}</time>
          </dd>
        </div>
      </dl>
      {draft.review ? <ReviewNote review={draft.review} dateFormat={dateFormat} /> : null}
      <div className="actions">
        <Button
          variant="primary"
          aria-label={named(signedOff ? tw('loop.openLabel', { ref }) : t('drafts.item.resumeLabel', { ref }))}
          onClick={() => {
            onResume(draft);
          }}
        >
          {signedOff ? tw('loop.open') : t('drafts.item.resume')}
        </Button>
        {signedOff ? (
          <Button
            aria-label={named(tw('loop.newVersionLabel', { ref }))}
            onClick={() => {
              onNewVersion(draft);
            }}
          >
            {tw('loop.newVersion')}
          </Button>
        ) : null}
        <Button
          aria-label={named(t('drafts.item.duplicateLabel', { ref }))}
          onClick={() => {
            onDuplicate(draft);
          }}
        >
          {t('drafts.item.duplicate')}
        </Button>
        {draft.upgradeTo !== null ? (
          <Button
            aria-label={named(td('item.upgradeLabel', { ref, version: formatNumber(draft.upgradeTo, lang) }))}
            onClick={() => {
              onUpgrade(draft);
            }}
          >
            {td('item.upgrade', { version: formatNumber(draft.upgradeTo, lang) })}
          </Button>
        ) : null}
        <Button
          variant="danger"
          aria-label={named(t('drafts.item.deleteLabel', { ref }))}
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
