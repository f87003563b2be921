import { useTranslation } from 'react-i18next';
import { flagIdsOf, needsCoverage } from '../../../engine';
import { formatNumber } from '../../../lib/format';
import { useStepFlags } from '../step-flags';

interface FlagsCellProps {
  id: string;
  /** the column's label (side by side: in the person's language too) */
  column: string;
  row: number;
  ns: string;
  value: string;
  onChange: (value: string) => void;
}

/**
 * The flags a mitigation row answers: one checkbox for each standing flag that needs an answer
 * (RISK, escalation, overridden STOP), and for any flag the row already names. Stored as the
 * rule ids, separated by spaces.
 */
export function FlagsCell({ id, column, row, ns, value, onChange }: FlagsCellProps) {
  const { t, i18n } = useTranslation(['wizard', 'engine', ns]);
  const flags = useStepFlags();
  const named = flagIdsOf(value);
  const standing = flags.filter(needsCoverage);
  const ids = [...new Set([...standing.map((f) => f.ruleId), ...named])];
  const levelOf = (ruleId: string) => flags.find((f) => f.ruleId === ruleId)?.level;
  const toggle = (ruleId: string) => {
    const next = named.includes(ruleId) ? named.filter((n) => n !== ruleId) : [...named, ruleId];
    onChange(ids.filter((x) => next.includes(x)).join(' '));
  };
  const legend = t('rows.cellName', { column, row: formatNumber(row, i18n.resolvedLanguage ?? i18n.language) });
  return (
    <fieldset className="field flags-cell">
      <legend>{legend}</legend>
      {ids.length === 0 ? <p className="hint">{t('rows.flagsNone')}</p> : null}
      {ids.map((ruleId, index) => {
        const level = levelOf(ruleId);
        const reason = t(`rule.${ruleId}.reason`, { ns });
        return (
          <div key={ruleId} className="choice">
            <input type="checkbox" id={`${id}-f${index}`} checked={named.includes(ruleId)} onChange={() => toggle(ruleId)} />
            <label htmlFor={`${id}-f${index}`}>
              {level ? t('rows.flag', { level: t(`level.${level}`, { ns: 'engine' }), reason }) : t('rows.flagGone', { reason })}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
