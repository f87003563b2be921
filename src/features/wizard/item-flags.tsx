import { useTranslation } from 'react-i18next';
import type { Flag } from '../../engine';

/**
 * Flags the engine raised on this item, shown where the caseworker answered it. The level
 * is a word, never only a colour.
 */
export function ItemFlags({ flags, ns }: { flags: readonly Flag[]; ns: string }) {
  const { t } = useTranslation(['wizard', 'engine']);
  if (flags.length === 0) return null;
  return (
    <ul className="item-flags">
      {flags.map((flag) => (
        <li key={flag.ruleId} className={`flag flag--${flag.level.toLowerCase()}`}>
          {t('flag.inline', {
            level: t(`level.${flag.level}`, { ns: 'engine' }),
            reason: t(`rule.${flag.ruleId}.reason`, { ns }),
          })}
          {flag.viaUnknown ? ` ${t('flag.viaUnknownShort')}` : ''}
        </li>
      ))}
    </ul>
  );
}
