/**
 * Pieces every view of a flag shares (the wizard where it arises, its section summary, the
 * review): what to do next in plain words, and the rule id and source folded behind "Why?", so
 * internal references never stand in for an explanation.
 */
import { useTranslation } from 'react-i18next';
import type { Flag } from '../../engine';
import { flagLevels, type FlagLevel } from '../../instrument';
import { formatNumber } from '../../lib/format';

/** The next step the instrument names for a flag: the rule's own wording, else its kind's; null if none. */
export function useFlagNext(ns: string): (flag: Flag) => string | null {
  const { t, i18n } = useTranslation(['engine', ns]);
  return (flag) => {
    const own = `rule.${flag.ruleId}.next`;
    if (i18n.exists(own, { ns })) return t(own, { ns });
    return flag.next ? t(`next.${flag.next}`, { ns: 'engine' }) : null;
  };
}

/** "Why?": the rule behind the flag and the source it comes from, folded. */
export function FlagWhy({ flag }: { flag: Flag }) {
  const { t } = useTranslation(['phone', 'wizard']);
  return (
    <details className="why">
      <summary>{t('flag.why')}</summary>
      <p className="hint">
        {t('flag.rule', { id: flag.ruleId })} · {t('review.flags.source', { ns: 'wizard', source: flag.source })}
      </p>
    </details>
  );
}

/** Standing flags counted by level, worst first; the same count on every screen. */
export function flagCounts(flags: readonly Flag[]): Record<FlagLevel, number> {
  const counts: Record<FlagLevel, number> = { STOP: 0, ESC: 0, RISK: 0, INFO: 0 };
  for (const flag of flags) counts[flag.level] += 1;
  return counts;
}

/** "STOP: 2 · Escalate: 1 · Risk: 0", in the level words of the language (no plural forms needed). */
export function useCountsText(): (flags: readonly Flag[]) => string {
  const { t, i18n } = useTranslation('engine');
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return (flags) => {
    const counts = flagCounts(flags);
    return flagLevels
      .filter((level) => level !== 'INFO' || counts.INFO > 0)
      .map((level) => `${t(`level.${level}`)}: ${formatNumber(counts[level], lang)}`)
      .join(' · ');
  };
}
