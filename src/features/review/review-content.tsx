import { useDeferredValue, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { assess } from '../../engine';
import { contentNamespace, type Instrument } from '../../instrument';
import { navigate, routeToHash } from '../../lib/routes';
import type { DraftData } from '../../storage';
import { FlagList } from './flag-list';
import { JudgementSection } from './judgement-section';
import { OverrideDisclosure } from './override-disclosure';
import { OverrideRecordForm } from './override-record-form';
import { RatingsTable } from './ratings-table';
import { ReviewGlance } from './review-glance';
import { RecommendationSection } from './recommendation-section';
import { SaveStatus, UpgradeNote } from '../../session';
import { asProvenance } from '../../instrument';
import { SignOffSection } from './signoff-section';
import { useDecisionAnswers } from './use-decision-answers';
import type { DraftSession } from '../../session';

interface ReviewContentProps {
  draftId: string;
  instrument: Instrument;
  now: string;
  data: DraftData;
  session: DraftSession;
}

export function ReviewContent({ draftId, instrument, now, data, session }: ReviewContentProps) {
  const ns = contentNamespace(instrument.id, instrument.version);
  const { t } = useTranslation(['wizard', 'engine', ns]);
  const answers = useDeferredValue(data.answers);
  const result = useMemo(() => assess(instrument, answers, { now }), [instrument, answers, now]);
  const fields = useDecisionAnswers(data.answers, result, session.update, (key, params) => t(key, { ns: 'engine', ...params }));

  useEffect(() => {
    document.title = t('review.documentTitle');
  }, [t]);

  const openSection = (code: string | null) => {
    session.flush().catch(() => undefined);
    navigate({ name: 'wizard', draftId, section: code });
  };
  const heading = (id: string, key: string) => <h2 id={id}>{t(key)}</h2>;
  const override = instrument.decision.override;
  const provenanceItem = instrument.sections.flatMap((s) => s.items).find((i) => i.type === 'provenance');
  const provenance = provenanceItem ? asProvenance(data.answers[provenanceItem.code]) : null;

  return (
    <div className="review">
      <header className="wizard__header">
        <h1>{t('review.title')}</h1>
        <SaveStatus state={session.save} />
        <a
          href={routeToHash({ name: 'wizard', draftId, section: null })}
          onClick={(e) => {
            e.preventDefault();
            openSection(null);
          }}
        >
          {t('review.back')}
        </a>
        <a href={routeToHash({ name: 'export', draftId })}>{t('export:fromReview.link')}</a>
      </header>
      {/* The decision first (rating, recommendation, what blocks sign-off), then its detail. */}
      <ReviewGlance instrument={instrument} result={result} answers={data.answers} ns={ns} />
      <fieldset className="draft-fieldset" disabled={session.readOnly}>
      {provenance && provenanceItem ? (
        <section aria-labelledby="review-provenance" className="card provenance">
          <h2 id="review-provenance">{t(`item.${provenanceItem.code}.label`, { ns })}</h2>
          <UpgradeNote note={provenance} instrumentId={instrument.id} toVersion={instrument.version} when="after" />
        </section>
      ) : null}
      <section aria-labelledby="review-flags">
        {heading('review-flags', 'review.flags.heading')}
        <FlagList flags={result.flags} instrument={instrument} ns={ns} />
      </section>
      <section aria-labelledby="review-ratings">
        {heading('review-ratings', 'review.ratings.heading')}
        <RatingsTable result={result} ns={ns} />
        <JudgementSection instrument={instrument} result={result} ns={ns} fields={fields} />
      </section>
      <section aria-labelledby="review-recommendation">
        {heading('review-recommendation', 'review.recommendation.heading')}
        <RecommendationSection instrument={instrument} result={result} ns={ns} fields={fields} />
        {'record' in override ? (
          <OverrideRecordForm instrument={instrument} code={override.record} result={result} answers={data.answers} now={now} ns={ns} update={session.update} />
        ) : (
          <OverrideDisclosure instrument={instrument} ns={ns} active={result.recommendations.overrideActive} fields={fields} />
        )}
      </section>
      <section aria-labelledby="review-signoff">
        {heading('review-signoff', 'review.signoff.heading')}
        <SignOffSection
          draftId={draftId} instrument={instrument} result={result} answers={data.answers} now={now} ns={ns}
          onOpenSection={openSection} update={session.update}
        />
      </section>
      </fieldset>
    </div>
  );
}
