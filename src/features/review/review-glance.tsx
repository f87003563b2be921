import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../engine';
import type { Answers, Instrument } from '../../instrument';
import { useReasonText } from '../../components/reasons';
import { useCountsText } from './flag-parts';

interface ReviewGlanceProps {
  instrument: Instrument;
  result: AssessmentResult;
  answers: Answers;
  ns: string;
}

/**
 * What the review opens with: the computed overall rating with the standing flags counted as
 * everywhere else, the recommendation chosen (and whether the engine blocks it), and what still
 * blocks sign-off. The detail follows below.
 */
export function ReviewGlance({ instrument, result, answers, ns }: ReviewGlanceProps) {
  const { t } = useTranslation(['phone', 'wizard', 'engine', ns]);
  const reasonText = useReasonText(ns);
  const countsText = useCountsText();
  const code = instrument.decision.recommendation;
  const chosen = typeof answers[code] === 'string' ? answers[code] : null;
  const blocked = chosen ? result.recommendations.blocked.find((b) => b.recommendation === chosen) : undefined;
  return (
    <section className="card review-glance" aria-labelledby="review-glance-title">
      <h2 id="review-glance-title">{t('review.glance.title')}</h2>
      <dl className="review-glance__facts">
        <div>
          <dt>{t('review.judgement.computed', { ns: 'wizard' })}</dt>
          <dd>
            <strong>{t(`rating.level.${result.overall.level}`, { ns: 'engine' })}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('review.glance.flags')}</dt>
          <dd>{countsText(result.flags)}</dd>
        </div>
        <div>
          <dt>{t(`item.${code}.label`, { ns })}</dt>
          <dd>
            {chosen ? t(`item.${code}.option.${chosen}`, { ns }) : t('review.glance.notChosen')}
            {blocked ? <span className="review-glance__blocked"> {t('review.glance.blocked')}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('review.signoff.heading', { ns: 'wizard' })}</dt>
          <dd>
            {result.signOff.ready ? (
              t('review.signoff.ready', { ns: 'wizard' })
            ) : (
              <ul className="blockers">
                {result.signOff.blockers.map((reason) => (
                  <li key={`${reason.key}-${JSON.stringify(reason.params ?? {})}`}>{reasonText(reason)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
