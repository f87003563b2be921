import { useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../../engine';
import { contentNamespace, getInstrument, type Answers } from '../../../instrument';
import { FlagList } from '../../review/flag-list';
import { formatAnswer } from '../../review/format-answer';

/** Item types a draft holds that only signed decisions fill: shown by the signatures, not here. */
const DECISION_TYPES = new Set(['signature', 'override', 'signoff', 'provenance']);

/**
 * The whole assessment from the file's embedded data, as the engine judged it on this device: every
 * visible answer section by section (the person's own words with their translation, mitigations,
 * reception and follow-up plans included), each missing answer marked, and every flag with its
 * reason and next step. Readable at 360 px: one column of label and answer.
 */
export function CaseAssessment({ instrumentRef, answers, result }: { instrumentRef: { id: string; version: number }; answers: Answers; result: AssessmentResult }) {
  const instrument = getInstrument(instrumentRef.id, instrumentRef.version);
  const ns = contentNamespace(instrument.id, instrument.version);
  const { t, i18n } = useTranslation(['workspace', 'wizard', 'engine', ns]);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const visible = new Set(result.visibleItems);
  const missing = new Set(result.missing.map((m) => m.item));
  const translate = (key: string, options?: Record<string, string | number>) => (options ? t(key, { ns: 'wizard', ...options }) : t(key, { ns: 'wizard' }));
  const sections = instrument.sections.filter((s) => result.visibleSections.includes(s.code));
  return (
    <div className="case-assessment">
      <p>{t('case.missingCount', { count: result.missing.length })}</p>
      <h3>{t('case.flags', { count: result.flags.length })}</h3>
      <FlagList flags={result.flags} instrument={instrument} ns={ns} />
      <h3>{t('case.answers')}</h3>
      {sections.map((section) => {
        const items = section.items.filter((item) => visible.has(item.code) && !DECISION_TYPES.has(item.type));
        if (items.length === 0) return null;
        return (
          <section key={section.code} className="case-section" aria-labelledby={`case-section-${section.code}`}>
            <h4 id={`case-section-${section.code}`}>{t(`section.${section.code}.title`, { ns })}</h4>
            <dl className="case-answers">
              {items.map((item) => (
                <div key={item.code} className={missing.has(item.code) ? 'case-answer case-answer--missing' : 'case-answer'}>
                  <dt>{t(`item.${item.code}.label`, { ns })}</dt>
                  <dd>
                    {missing.has(item.code) ? <strong>{t('case.missing')} </strong> : null}
                    <bdi>{formatAnswer(item, answers[item.code], translate, ns, lang)}</bdi>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
