import { useTranslation } from 'react-i18next';
import { groupedFingerprint } from '../../lib/fingerprint';
import { DecisionLines } from '../../components/decision-lines';
import type { DraftReview } from './draft-store';

/**
 * What became of the draft's latest exported summary, on its card: sent and awaiting a decision, or
 * the decision that came back (imported from the countersigned file) with who decided and their
 * comments, and the version's fingerprint to compare with the file. Shown only on this device,
 * which holds the draft anyway; nothing here is sent anywhere.
 */
export function ReviewNote({ review, dateFormat }: { review: DraftReview; dateFormat: Intl.DateTimeFormat }) {
  const { t } = useTranslation(['workspace', 'export']);
  const state = review.outcome?.state ?? null;
  const tone = state === null ? 'info' : state === 'approved' || state === 'accepted' ? 'success' : 'warning';
  return (
    <div className={`review-note review-note--${tone}`}>
      <p>
        <strong>{state === null ? t('loop.sent', { date: dateFormat.format(new Date(review.exportedAt)) }) : t(`export:case.state.${state}`, { defaultValue: t("loop.state.other") })}</strong>
      </p>
      {review.outcome ? <DecisionLines decisions={review.outcome.decisions} /> : null}
      <p className="hint">{t('loop.fingerprint', { fingerprint: groupedFingerprint(review.fingerprint.slice(0, 16)) })}</p>
    </div>
  );
}
