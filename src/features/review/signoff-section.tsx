import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../engine';
import { localized } from '../../lib/format';
import { routeToHash } from '../../lib/routes';
import { reasonOptions } from './reason-text';

interface SignOffSectionProps {
  draftId: string;
  result: AssessmentResult;
  ns: string;
  onOpenSection: (code: string) => void;
}

/** What still stands between this draft and sign-off, and a way to each missing answer. */
export function SignOffSection({ draftId, result, ns, onOpenSection }: SignOffSectionProps) {
  const { t, i18n } = useTranslation(['wizard', 'engine', ns]);
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
            <li key={`${reason.key}-${JSON.stringify(reason.params ?? {})}`}>{t(reason.key, reasonOptions(reason, ns))}</li>
          ))}
        </ul>
      )}
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
