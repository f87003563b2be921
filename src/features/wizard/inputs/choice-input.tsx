import { useTranslation } from 'react-i18next';
import { ariaInvalid, asText, type InputProps } from './input-props';
import { RadioGroup } from './radio-group';

/** Radios are one tap and show every option; past this many a select scans better on a phone. */
export const MAX_RADIO_OPTIONS = 8;

export const usesSelect = (optionCount: number): boolean => optionCount > MAX_RADIO_OPTIONS;

export function ChoiceInput({ id, item, ns, value, onChange, describedBy, invalid }: InputProps) {
  const { t } = useTranslation('wizard');
  const options = (item.options ?? []).map((o) => ({ value: o.code, label: t(`item.${item.code}.option.${o.code}`, { ns }) }));
  if (!usesSelect(options.length)) {
    return <RadioGroup id={id} options={options} value={asText(value)} onChange={onChange} invalid={invalid} />;
  }
  return (
    <select
      id={id}
      value={asText(value)}
      onChange={(e) => onChange(e.target.value)}
      aria-describedby={describedBy}
      {...ariaInvalid(invalid)}
    >
      <option value="">{t('choice.placeholder')}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
