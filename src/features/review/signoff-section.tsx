import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../engine';
import type { Answers, Instrument } from '../../instrument';
import { localized } from '../../lib/format';
import { routeToHash } from '../../lib/routes';
import type { DraftData } from '../../storage';
import { useReasonText } from '../../components/reasons';
import { SignOffRecord } from './signoff-record';

interface SignOffSectionProps {
  draftId: string;
  instrument: Instrument;
  result: AssessmentResult;
  answers: Answers;
  now: string;
  ns: string;
  onOpenSection: (code: string) => void;
  update: (change: (data: DraftData) => DraftData) => void;
}

/** What still stands between this draft and sign-off, a way to each missing answer, and (v2) the dated sign-off. */
export function SignOffSection({ draftId, instrument, result, answers, now, ns, onOpenSection, update }: SignOffSectionProps) {
  const { t, i18n } = useTranslation(['wizard', 'engine', ns]);
  const reasonText = useReasonText(ns);
  const config = instrument.decision.signOff;
  const missingBySection = result.visibleSections
    .map((code) => ({ code, count: result.missing.filter((m) => m.section === code).length }))
    .filter((s) => s.count > 0);
  return (
    <>
      {result.signOff.ready ? (
        <p className="status status--success">{t('review.signoff.ready')}</p>
      ) : (
        <ul className="blockers">
          {result.signOff.blockers.map((reason) => (
            <li key={`${reason.key}-${JSON.stringify(reason.params ?? {})}`}>{reasonText(reason)}</li>
          ))}
        </ul>
      )}
      {config ? <SignOffRecord instrument={instrument} code={config.record} result={result} answers={answers} now={now} update={update} /> : null}
      <h3 id="review-missing">{t('review.missing.heading')}</h3>
      {missingBySection.length === 0 ? (
        <p>{t('review.missing.none')}</p>
      ) : (
        <ul aria-labelledby="review-missing">
          {missingBySection.map((s) => (
            <li key={s.code}>
              <a
                href={routeToHash({ name: 'wizard', draftId, section: s.code })}
                onClick={(e) => {
                  e.preventDefault();
                  onOpenSection(s.code);
                }}
              >
                {t('review.missing.link', localized({ section: t(`section.${s.code}.title`, { ns }), count: s.count }, i18n.resolvedLanguage ?? i18n.language))}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
