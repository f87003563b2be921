import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeToHash } from '../lib/routes';
import { DecisionLines } from '../components/decision-lines';
import { caseLinks, currentReview, type CurrentReview } from '../storage';
import { useDraftSignedOff } from './use-draft-session';

/**
 * Where the open draft stands with its reviewers, above its questions: signed off (read only; a
 * change needs a new version), returned for changes (with who returned it and their comments), or
 * exported and awaiting a decision (a change now goes into a new version on the next export). The
 * caseworker sees a return where they work, not only if they open the file on the verify screen.
 */
export function CaseNotice({ draftId }: { draftId: string }) {
  const { t } = useTranslation(['workspace', 'export']);
  const signedOff = useDraftSignedOff(draftId);
  const [review, setReview] = useState<CurrentReview | null>(null);

  useEffect(() => {
    let active = true;
    caseLinks.get(draftId).then(
      (link) => {
        if (active) setReview(currentReview(link));
      },
      // Unreadable link: the draft itself is unaffected; the drafts list says a record is unreadable.
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [draftId, signedOff]);

  if (!signedOff && review === null) return null;
  const state = review?.outcome?.state ?? null;
  const lead = signedOff
    ? t('draft.signedOff', { state: state === null ? '' : t(`export:case.state.${state}`) })
    : state === 'returned'
      ? t('draft.returned')
      : state === null
        ? t('draft.exported', { date: new Date(review?.exportedAt ?? 0).toISOString().slice(0, 10) })
        : t('draft.decided', { state: t(`export:case.state.${state}`, { defaultValue: t('loop.state.other') }) });
  return (
    <div className={`case-notice${state === 'returned' ? ' case-notice--returned' : ''}`} role="note">
      <p>
        <strong>{lead}</strong>
      </p>
      {review?.outcome ? <DecisionLines decisions={review.outcome.decisions} /> : null}
      {signedOff ? <a href={routeToHash({ name: 'drafts' })}>{t('draft.toList')}</a> : null}
    </div>
  );
}
