import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../engine';
import { domains } from '../../instrument';
import { useReasonText } from '../../components/reasons';

/** Each domain's computed rating with the engine's explanation of why. */
export function RatingsTable({ result, ns }: { result: AssessmentResult; ns: string }) {
  const { t } = useTranslation(['wizard', 'engine']);
  const reasonText = useReasonText(ns);
  // Domains that do not apply to this person (e.g. child, for an adult) are left out.
  const shown = domains.filter((d) => result.ratings[d].explanation.key !== 'rating.not_applicable');
  return (
    <div className="table-scroll">
      <table className="ratings">
        <caption>{t('review.ratings.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.ratings.domain')}</th>
            <th scope="col">{t('review.ratings.rating')}</th>
            <th scope="col">{t('review.ratings.why')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((d) => {
            const rating = result.ratings[d];
            return (
              <tr key={d}>
                <th scope="row">{t(`domain.${d}`, { ns: 'engine' })}</th>
                <td>{t(`rating.level.${rating.level}`, { ns: 'engine' })}</td>
                <td>{reasonText(rating.explanation)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
