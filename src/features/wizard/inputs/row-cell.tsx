import { useTranslation } from 'react-i18next';
import { ynuValues, type Column } from '../../../instrument';
import { formatNumber } from '../../../lib/format';
import { useBilingual } from '../bilingual';
import { FlagsCell } from './flags-cell';
import { personalProps } from './input-props';

interface RowCellProps {
  id: string;
  itemCode: string;
  ns: string;
  column: Column;
  /** 1-based, as the caseworker counts */
  row: number;
  value: string;
  personal: boolean;
  onChange: (value: string) => void;
}

/** One typed cell. Its accessible name says the column and the row ("Action, row 2"). */
export function RowCell({ id, itemCode, ns, column, row, value, personal, onChange }: RowCellProps) {
  const { t, i18n } = useTranslation('wizard');
  // Side by side, the column and its options show in the person's language too (bilingual.tsx);
  // otherwise these are the working language's strings alone.
  const bi = useBilingual();
  const columnKey = `item.${itemCode}.column.${column.key}.label`;
  if (column.type === 'flags') {
    return <FlagsCell id={id} column={bi.text(columnKey, ns)} row={row} ns={ns} value={value} onChange={onChange} />;
  }
  const name = t('rows.cellName', { column: bi.text(columnKey, ns), row: formatNumber(row, i18n.resolvedLanguage ?? i18n.language) });
  const common = { id, 'aria-label': name, value } as const;
  const options =
    column.type === 'ynu'
      ? ynuValues.map((v) => ({ code: v, label: bi.text(`ynu.${v}`, 'wizard') }))
      : (column.options ?? []).map((o) => ({ code: o.code, label: bi.text(`item.${itemCode}.column.${column.key}.option.${o.code}`, ns) }));

  let control;
  if (column.type === 'choice' || column.type === 'ynu') {
    control = (
      <select {...common} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('choice.placeholder')}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (column.type === 'date') {
    control = <input {...common} type="date" className="input input--short" onChange={(e) => onChange(e.target.value)} />;
  } else if (column.type === 'number') {
    control = <input {...common} type="text" inputMode="decimal" className="input input--short" autoComplete="off" onChange={(e) => onChange(e.target.value)} />;
  } else {
    control = <input {...common} type="text" className="input" dir="auto" onChange={(e) => onChange(e.target.value)} {...personalProps(personal)} />;
  }

  return (
    <div className="field">
      {/* The visible label is the column; the aria-label adds the row for screen readers. */}
      <label htmlFor={id}>{bi.node(columnKey, ns)}</label>
      {control}
    </div>
  );
}
