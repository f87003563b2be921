import { useTranslation } from 'react-i18next';
import type { Flag } from '../../engine';
import { flagLevels } from '../../instrument';
import { useCountsText, useFlagNext } from '../review/flag-parts';

/**
 * The section's standing flags, counted as the section list and the review count them, each
 * with its reason and next step: what the caseworker takes away from the section.
 */
export function SectionFlagSummary({ flags, ns }: { flags: readonly Flag[]; ns: string }) {
  const { t } = useTranslation(['phone', 'wizard', 'engine']);
  const countsText = useCountsText();
  const nextOf = useFlagNext(ns);
  if (flags.length === 0) return null;
  const ordered = flagLevels.flatMap((level) => flags.filter((flag) => flag.level === level));
  return (
    <section className="flag-summary" aria-labelledby="flag-summary-title">
      <h2 id="flag-summary-title">{t('flag.summary.title')}</h2>
      <p>{countsText(flags)}</p>
      <ul>
        {ordered.map((flag) => {
          const next = nextOf(flag);
          return (
            <li key={flag.ruleId} className={`flag flag--${flag.level.toLowerCase()}`}>
              <strong>{t(`level.${flag.level}`, { ns: 'engine' })}</strong>: {t(`rule.${flag.ruleId}.reason`, { ns })}
              {next ? <span className="flag__next"> {t('review.flags.next', { ns: 'wizard', step: next })}</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
