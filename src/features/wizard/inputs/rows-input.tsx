import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, localized } from '../../../lib/format';
import { emptyRow, type RowForm } from '../form-values';
import { useStepFlags } from '../step-flags';
import { asRows, type InputProps } from './input-props';
import { RowCell } from './row-cell';

/**
 * Repeated rows (e.g. mitigation actions) as a list of small fieldsets: a table does not fit
 * 360 px. After adding, focus goes to the new row; after removing, to "Add row".
 *
 * An item with `seedFromFlags` (the safety plan) offers a row for each standing flag of its
 * areas not yet in it: the first text column gets the flag's reason, the second its next step,
 * for the caseworker to make concrete.
 */
export function RowsInput({ id, item, ns, value, onChange }: InputProps) {
  const { t, i18n } = useTranslation(['wizard', 'engine', ns]);
  const flags = useStepFlags();
  const n = (row: number) => formatNumber(row, i18n.resolvedLanguage ?? i18n.language);
  const rows = asRows(value);
  const focusTarget = useRef<string | null>(null);
  const columns = item.columns ?? [];

  useEffect(() => {
    if (focusTarget.current === null) return;
    document.getElementById(focusTarget.current)?.focus();
    focusTarget.current = null;
  });

  const setCell = (index: number, key: string, cell: string) =>
    onChange(rows.map((row, i): RowForm => (i === index ? { ...row, [key]: cell } : row)));
  const add = () => {
    focusTarget.current = `${id}-r${rows.length}-c0`;
    onChange([...rows, emptyRow(item)]);
  };
  const textColumns = columns.filter((c) => c.type === 'text').map((c) => c.key);
  const domains = new Set(item.requiredWhenFlagDomains ?? []);
  const seeds = item.seedFromFlags
    ? [...new Map(flags.filter((f) => f.level !== 'INFO' && domains.has(f.domain)).map((f) => [f.ruleId, f])).values()]
      .map((f) => ({ reason: t(`rule.${f.ruleId}.reason`, { ns }), next: f.next ? t(`next.${f.next}`, { ns: 'engine' }) : '' }))
      .filter((seed) => !rows.some((row) => textColumns[0] !== undefined && row[textColumns[0]] === seed.reason))
    : [];
  const seed = () => {
    focusTarget.current = `${id}-r${rows.length}-c0`;
    const [first, second] = textColumns;
    onChange([...rows, ...seeds.map((s): RowForm => ({
      ...emptyRow(item), ...(first ? { [first]: s.reason } : {}), ...(second ? { [second]: s.next } : {}),
    }))]);
  };
  const remove = (index: number) => {
    focusTarget.current = `${id}-add`;
    onChange(rows.filter((_, i) => i !== index));
  };

  return (
    <div className="rows">
      {rows.length === 0 ? <p className="hint">{t('rows.none')}</p> : null}
      {rows.map((row, index) => (
        <fieldset key={index} className="rows__row">
          <legend>{t('rows.row', { row: n(index + 1) })}</legend>
          {columns.map((column, c) => (
            <RowCell
              key={column.key}
              id={`${id}-r${index}-c${c}`}
              itemCode={item.code}
              ns={ns}
              column={column}
              row={index + 1}
              value={row[column.key] ?? ''}
              personal={item.personal}
              onChange={(cell) => setCell(index, column.key, cell)}
            />
          ))}
          <button type="button" className="btn btn--secondary" onClick={() => remove(index)}>
            {t('rows.remove', { row: n(index + 1) })}
          </button>
        </fieldset>
      ))}
      <button type="button" id={`${id}-add`} className="btn btn--secondary" onClick={add}>
        {t('rows.add')}
      </button>
      {seeds.length > 0 ? (
        <button type="button" className="btn btn--secondary" onClick={seed}>
          {t('rows.seed', localized({ count: seeds.length }, i18n.resolvedLanguage ?? i18n.language))}
        </button>
      ) : null}
    </div>
  );
}
