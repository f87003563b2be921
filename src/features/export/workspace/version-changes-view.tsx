import { useTranslation } from 'react-i18next';
import type { VersionChanges } from '../../../case';
import { contentNamespace, getInstrument, type AnswerValue, type Item } from '../../../instrument';
import { formatAnswer } from '../../review/format-answer';

/** What changed since the version this device's reviewer last opened: answers, flags, recommendation, rating. */
export function VersionChangesView({ changes, instrumentRef, seenOn }: { changes: VersionChanges; instrumentRef: { id: string; version: number }; seenOn: string | null }) {
  const instrument = getInstrument(instrumentRef.id, instrumentRef.version);
  const ns = contentNamespace(instrument.id, instrument.version);
  const { t, i18n } = useTranslation(['workspace', 'wizard', 'engine', ns]);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const items = new Map<string, Item>(instrument.sections.flatMap((s) => s.items.map((i) => [i.code, i] as const)));
  const translate = (key: string, options?: Record<string, string | number>) => (options ? t(key, { ns: 'wizard', ...options }) : t(key, { ns: 'wizard' }));
  const answer = (code: string, value: unknown) => formatAnswer(items.get(code), value as AnswerValue | undefined, translate, ns, lang);
  const label = (code: string) => (items.has(code) ? t(`item.${code}.label`, { ns }) : code);
  const option = (value: string | null) => (value === null ? t('changes.noRecommendation') : t(`item.${instrument.decision.recommendation}.option.${value}`, { ns }));
  const nothing = changes.answers.length === 0 && changes.flagsRaised.length === 0 && changes.flagsCleared.length === 0 && changes.recommendation === null && changes.overall === null;
  return (
    <div className="version-changes">
      <p>{seenOn === null ? t('changes.intro') : t('changes.introSeen', { date: seenOn })}</p>
      {nothing ? <p>{t('changes.none')}</p> : null}
      {changes.recommendation !== null ? <p>{t('changes.recommendation', { before: option(changes.recommendation.before), after: option(changes.recommendation.after) })}</p> : null}
      {changes.overall !== null ? (
        <p>{t('changes.overall', { before: t(`rating.level.${changes.overall.before}`, { ns: 'engine' }), after: t(`rating.level.${changes.overall.after}`, { ns: 'engine' }) })}</p>
      ) : null}
      {changes.flagsRaised.length > 0 ? (
        <>
          <h3>{t('changes.flagsRaised', { count: changes.flagsRaised.length })}</h3>
          <ul>
            {changes.flagsRaised.map((id) => (
              <li key={id}>{t(`rule.${id}.reason`, { ns })}</li>
            ))}
          </ul>
        </>
      ) : null}
      {changes.flagsCleared.length > 0 ? (
        <>
          <h3>{t('changes.flagsCleared', { count: changes.flagsCleared.length })}</h3>
          <ul>
            {changes.flagsCleared.map((id) => (
              <li key={id}>{t(`rule.${id}.reason`, { ns })}</li>
            ))}
          </ul>
        </>
      ) : null}
      {changes.answers.length > 0 ? (
        <>
          <h3>{t('changes.answers', { count: changes.answers.length })}</h3>
          <dl className="case-answers">
            {changes.answers.map((change) => (
              <div key={change.code} className="case-answer">
                <dt>{label(change.code)}</dt>
                <dd>
                  {t('changes.before')} <bdi>{answer(change.code, change.before)}</bdi>
                  <br />
                  {t('changes.after')} <bdi>{answer(change.code, change.after)}</bdi>
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </div>
  );
}
