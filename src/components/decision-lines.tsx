import { useTranslation } from 'react-i18next';
// Type only: the drafts list (first screen) shows these lines and must not pull in storage.
import type { CaseOutcome } from '../storage';

/** Who decided what on a draft's exported summary, with their comments (shown as typed, isolated for direction). */
export function DecisionLines({ decisions }: { decisions: CaseOutcome['decisions'] }) {
  const { t } = useTranslation('workspace');
  return decisions.map((decision, index) => (
    <p key={index}>
      {t(`loop.decision.${decision.kind}`, { by: decision.by, defaultValue: decision.by })}
      {decision.comments !== '' ? (
        <>
          {' '}
          {t('loop.comments')} <bdi>{decision.comments}</bdi>
        </>
      ) : null}
    </p>
  ));
}

