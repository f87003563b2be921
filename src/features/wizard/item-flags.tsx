import { useTranslation } from 'react-i18next';
import type { Flag } from '../../engine';
import { FlagWhy, useFlagNext } from '../review/flag-parts';

/**
 * Flags the engine raised, shown once: under the last question that feeds each (so it follows
 * every answer behind it), and in the section's summary. The level is a word, never only a
 * colour; the reason is followed by the next step the instrument names, and the rule id and
 * source sit behind "Why?".
 */
export function ItemFlags({ flags, ns }: { flags: readonly Flag[]; ns: string }) {
  const { t } = useTranslation(['wizard', 'engine', 'phone']);
  const nextOf = useFlagNext(ns);
  if (flags.length === 0) return null;
  return (
    <ul className="item-flags">
      {flags.map((flag) => {
        const next = nextOf(flag);
        return (
          <li key={flag.ruleId} className={`flag flag--${flag.level.toLowerCase()}`}>
            <p className="flag__reason">
              {t('flag.inline', {
                level: t(`level.${flag.level}`, { ns: 'engine' }),
                reason: t(`rule.${flag.ruleId}.reason`, { ns }),
              })}
              {flag.viaUnknown ? ` ${t('flag.viaUnknownShort')}` : ''}
            </p>
            {next ? <p className="flag__next">{t('review.flags.next', { step: next })}</p> : null}
            <FlagWhy flag={flag} />
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The question a flag is shown under: the last of its answers (in the section's order) that
 * belongs to the section it is counted in, so each flag appears once per interview.
 */
export function homeItem(flag: Flag, sectionItems: readonly string[]): string | null {
  const own = flag.items.map((ref) => ref.code).filter((code) => sectionItems.includes(code));
  if (own.length === 0) return null;
  return own.reduce((last, code) => (sectionItems.indexOf(code) > sectionItems.indexOf(last) ? code : last));
}
