import { useTranslation } from 'react-i18next';
import { needsCoverage, type Flag } from '../../engine';
import { flagLevels, type Instrument, type Item } from '../../instrument';
import { localized } from '../../lib/format';
import { formatAnswer } from './format-answer';
import { FlagWhy, useFlagNext } from './flag-parts';

interface FlagListProps {
  flags: readonly Flag[];
  instrument: Instrument;
  ns: string;
}

/**
 * Every flag, worst level first, with its reason, the next step the instrument names, the
 * answers behind it, and its rule and source folded behind "Why?".
 */
export function FlagList({ flags, instrument, ns }: FlagListProps) {
  const { t, i18n } = useTranslation(['wizard', 'engine', ns]);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const items = new Map<string, Item>(instrument.sections.flatMap((s) => s.items.map((i) => [i.code, i] as const)));
  const nextOf = useFlagNext(ns);
  const translate = (key: string, options?: Record<string, string | number>) => (options ? t(key, options) : t(key));
  if (flags.length === 0) return <p>{t('review.flags.none')}</p>;
  return (
    <>
      {flagLevels.map((level) => {
        const group = flags.filter((f) => f.level === level);
        if (group.length === 0) return null;
        return (
          <section key={level} className="flag-group" aria-labelledby={`flags-${level}`}>
            <h3 id={`flags-${level}`}>{t('review.flags.level', localized({ level: t(`level.${level}`, { ns: 'engine' }), count: group.length }, lang))}</h3>
            <ul className="flag-list">
              {group.map((flag) => (
                <li key={flag.ruleId} className={`flag flag--${level.toLowerCase()}`}>
                  <p>
                    <strong>{t(`level.${level}`, { ns: 'engine' })}</strong>
                    {' · '}
                    {t(`domain.${flag.domain}`, { ns: 'engine' })}
                    {': '}
                    {t(`rule.${flag.ruleId}.reason`, { ns })}
                  </p>
                  {flag.viaUnknown ? <p className="hint">{t('review.flags.viaUnknown')}</p> : null}
                  {flag.hard ? <p className="hint">{t('review.flags.hard')}</p> : null}
                  {flag.overridden ? <p className="hint">{t('review.flags.overridden')}</p> : null}
                  {nextOf(flag) ? <p className="flag__next">{t('review.flags.next', { step: nextOf(flag) })}</p> : null}
                  {instrument.decision.mitigation && needsCoverage(flag) ? <p className="hint">{t(flag.covered ? 'review.flags.covered' : 'review.flags.uncovered')}</p> : null}
                  <dl className="flag__answers">
                    {flag.items.map((ref) => (
                      <div key={ref.code}>
                        <dt>{t(`item.${ref.code}.label`, { ns })}</dt>
                        <dd>{formatAnswer(items.get(ref.code), ref.answer, translate, ns, lang)}</dd>
                      </div>
                    ))}
                  </dl>
                  <FlagWhy flag={flag} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
