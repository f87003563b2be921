import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../engine';
import type { Instrument } from '../../instrument';
import { ChoiceField } from './choice-field';
import { useReasonText } from '../../components/reasons';
import type { useDecisionAnswers } from './use-decision-answers';

interface RecommendationSectionProps {
  instrument: Instrument;
  result: AssessmentResult;
  ns: string;
  fields: ReturnType<typeof useDecisionAnswers>;
}

/**
 * Offers only the recommendations the engine allows, and lists the others with the reasons
 * they are blocked, so the caseworker sees why rather than a missing option.
 */
export function RecommendationSection({ instrument, result, ns, fields }: RecommendationSectionProps) {
  const { t } = useTranslation(['wizard', 'engine', ns]);
  const reasonText = useReasonText(ns);
  const code = instrument.decision.recommendation;
  const label = (rec: string) => t(`item.${code}.option.${rec}`, { ns });
  const { allowed, blocked } = result.recommendations;
  const chosen = result.chosen;
  return (
    <>
      <ChoiceField
        legend={t(`item.${code}.label`, { ns })}
        options={allowed.map((rec) => ({ value: rec, label: label(rec) }))}
        value={fields.value(code)}
        onChange={(v) => fields.set(code, v)}
        errors={fields.errors(code)}
      />
      {chosen.recommendation !== null && !chosen.allowed ? (
        // Kept, never silently dropped: the caseworker decides what to choose instead.
        <p className="status status--warning">{t('review.recommendation.chosenBlocked', { recommendation: label(chosen.recommendation) })}</p>
      ) : null}
      {blocked.length > 0 ? (
        <>
          <h3>{t('review.recommendation.blockedHeading')}</h3>
          <ul className="blocked-list">
            {blocked.map((b) => (
              <li key={b.recommendation}>
                <strong>{t('review.recommendation.notAvailable', { recommendation: label(b.recommendation) })}</strong>
                <ul>
                  {b.reasons.map((reason) => (
                    <li key={`${reason.key}-${JSON.stringify(reason.params ?? {})}`}>{reasonText(reason)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
