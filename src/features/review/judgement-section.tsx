import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../engine';
import type { Instrument } from '../../instrument';
import { ChoiceField } from './choice-field';
import { useReasonText } from '../../components/reasons';
import { TextField } from './text-field';
import type { useDecisionAnswers } from './use-decision-answers';

interface JudgementSectionProps {
  instrument: Instrument;
  result: AssessmentResult;
  ns: string;
  fields: ReturnType<typeof useDecisionAnswers>;
}

/** The computed overall rating beside the caseworker's own judgement and its narrative. */
export function JudgementSection({ instrument, result, ns, fields }: JudgementSectionProps) {
  const { t } = useTranslation(['wizard', 'engine', ns]);
  const reasonText = useReasonText(ns);
  const { assessorRating, narrative } = instrument.decision;
  const item = instrument.sections.flatMap((s) => s.items).find((i) => i.code === assessorRating);
  const options = (item?.options ?? []).map((o) => ({ value: o.code, label: t(`item.${assessorRating}.option.${o.code}`, { ns }) }));
  return (
    <>
      <div className="compare">
        <p>
          {t('review.judgement.computed')}{' '}
          <strong>{t(`rating.level.${result.overall.level}`, { ns: 'engine' })}</strong>
        </p>
        <p className="hint">{reasonText(result.overall.explanation)}</p>
        {result.confidence ? (
          // Beside the rating, never in it: a weak interview lowers how far the findings can be relied on.
          <>
            <p>
              {t('confidence.label', { ns: 'engine' })}:{' '}
              <strong>{t(`confidence.level.${result.confidence.level}`, { ns: 'engine' })}</strong>
            </p>
            <p className="hint">{reasonText(result.confidence.explanation)}</p>
          </>
        ) : null}
      </div>
      <ChoiceField
        legend={t(`item.${assessorRating}.label`, { ns })}
        options={options}
        value={fields.value(assessorRating)}
        onChange={(v) => fields.set(assessorRating, v)}
        errors={fields.errors(assessorRating)}
      />
      <TextField
        kind="textarea"
        label={t(`item.${narrative}.label`, { ns })}
        value={fields.value(narrative)}
        onChange={(v) => fields.set(narrative, v)}
        errors={fields.errors(narrative)}
        personal={true}
      />
    </>
  );
}
