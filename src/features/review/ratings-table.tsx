import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../engine';
import { domains } from '../../instrument';
import { useReasonText } from '../../components/reasons';

/**
 * Each domain's computed rating with the engine's explanation of why. On a narrow screen each
 * row stacks (area and rating, then why: review.css), so no word is ever split to fit a column;
 * the explicit roles keep it a table for screen readers whatever the layout.
 */
export function RatingsTable({ result, ns }: { result: AssessmentResult; ns: string }) {
  const { t } = useTranslation(['wizard', 'engine']);
  const reasonText = useReasonText(ns);
  // Domains that do not apply to this person (e.g. child, for an adult) are left out.
  const shown = domains.filter((d) => result.ratings[d].explanation.key !== 'rating.not_applicable');
  return (
    <div className="table-scroll">
      <table className="ratings" role="table">
        <caption>{t('review.ratings.caption')}</caption>
        <thead>
          <tr role="row">
            <th scope="col" role="columnheader">{t('review.ratings.domain')}</th>
            <th scope="col" role="columnheader">{t('review.ratings.rating')}</th>
            <th scope="col" role="columnheader">{t('review.ratings.why')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((d) => {
            const rating = result.ratings[d];
            return (
              <tr key={d} role="row">
                <th scope="row" role="rowheader">{t(`domain.${d}`, { ns: 'engine' })}</th>
                <td role="cell" className="ratings__level">{t(`rating.level.${rating.level}`, { ns: 'engine' })}</td>
                <td role="cell" className="ratings__why">{reasonText(rating.explanation)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
