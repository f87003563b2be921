import { useTranslation } from 'react-i18next';
import { contentNamespace, getInstrument } from '../../../instrument';
import { assessmentFacts } from './assessment-facts';

/** The assessment embedded in the file: key facts and flags in words, and the raw JSON on request. */
export function AssessmentView({ assessment }: { assessment: unknown }) {
  const { t } = useTranslation(['export', 'engine']);
  const facts = assessmentFacts(assessment);
  if (facts === null) return <p>{t('verify.assessment.none')}</p>;
  const ns = facts.instrument ? contentNamespace(facts.instrument.id, facts.instrument.version) : null;
  const rows: [string, string][] = [];
  if (facts.caseReference) rows.push([t('verify.assessment.caseReference'), facts.caseReference]);
  if (facts.instrument) {
    rows.push([t('verify.assessment.instrument'), `${facts.instrument.id} v${String(facts.instrument.version)}`]);
    if (facts.instrument.hash) rows.push([t('verify.assessment.hash'), facts.instrument.hash]);
  }
  if (facts.assessedOn) rows.push([t('verify.assessment.date'), facts.assessedOn]);
  if (facts.assessor) rows.push([t('verify.assessment.assessor'), [facts.assessor.name, facts.assessor.role, facts.assessor.organisation].filter(Boolean).join(', ')]);
  if (facts.overall) rows.push([t('verify.assessment.overall'), t(`rating.level.${facts.overall}`, { ns: 'engine', defaultValue: facts.overall })]);
  if (facts.recommendation) {
    const item = recommendationItem(facts.instrument);
    const label = ns && item ? t(`item.${item}.option.${facts.recommendation}`, { ns, defaultValue: facts.recommendation }) : facts.recommendation;
    rows.push([t('verify.assessment.recommendation'), label]);
  }
  return (
    <>
      <dl className="verify-facts">
        {rows.map(([label, value]) => (
          <div key={label} className="verify-facts__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('verify.assessment.flags', { total: facts.flags.length })}</h3>
      {facts.flags.length === 0 ? (
        <p>{t('verify.assessment.noFlags')}</p>
      ) : (
        <ul className="flag-list">
          {facts.flags.map((flag) => (
            <li key={flag.ruleId}>
              <strong>{t(`level.${flag.level}`, { ns: 'engine', defaultValue: flag.level })}</strong>
              {' · '}
              {flag.domain ? `${t(`domain.${flag.domain}`, { ns: 'engine', defaultValue: flag.domain })}: ` : ''}
              {ns ? t(`rule.${flag.ruleId}.reason`, { ns, defaultValue: flag.ruleId }) : flag.ruleId}
            </li>
          ))}
        </ul>
      )}
      <details className="verify-raw">
        <summary>{t('verify.assessment.raw')}</summary>
        <pre>{JSON.stringify(assessment, null, 2)}</pre>
      </details>
    </>
  );
}

/** The instrument's recommendation item, when this copy of the app knows that instrument version. */
function recommendationItem(instrument: { id: string; version: number } | null): string | null {
  if (instrument === null) return null;
  try {
    return getInstrument(instrument.id, instrument.version).decision.recommendation;
  } catch {
    return null;
  }
}
