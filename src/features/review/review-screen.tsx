import { useTranslation } from 'react-i18next';
import { routeToHash } from '../../lib/routes';
import { ReviewContent } from './review-content';
import { useDraftSession } from '../../session';
import './review.css';

export interface ReviewScreenProps {
  draftId: string;
}

/** Flags, ratings, the caseworker's judgement, the recommendation and what blocks sign-off. */
export function ReviewScreen({ draftId }: ReviewScreenProps) {
  const { t } = useTranslation('wizard');
  const session = useDraftSession(draftId);
  const { load, data } = session;
  if (load.phase === 'missing' || load.phase === 'error') {
    return (
      <div className="review" role="alert">
        <p>{t(load.phase === 'missing' ? 'load.missing' : 'load.error')}</p>
        <a href={routeToHash({ name: 'drafts' })}>{t('load.backToDrafts')}</a>
      </div>
    );
  }
  if (load.phase === 'loading' || !data) {
    return (
      <p role="status" className="review">
        {t('load.loading')}
      </p>
    );
  }
  return <ReviewContent draftId={draftId} instrument={load.instrument} now={load.now} data={data} session={session} />;
}
