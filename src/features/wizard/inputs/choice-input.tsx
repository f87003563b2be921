import { useTranslation } from 'react-i18next';
import { useBilingual } from '../bilingual';
import { ariaInvalid, asText, type InputProps } from './input-props';
import { RadioGroup, shortLabels } from './radio-group';

/** Radios are one tap and show every option; past this many a select scans better on a phone. */
export const MAX_RADIO_OPTIONS = 8;

export const usesSelect = (optionCount: number): boolean => optionCount > MAX_RADIO_OPTIONS;

export function ChoiceInput({ id, item, ns, value, onChange, describedBy, invalid }: InputProps) {
  const { t } = useTranslation('wizard');
  const bi = useBilingual();
  const codes = (item.options ?? []).map((o) => o.code);
  if (!usesSelect(codes.length)) {
    const radios = codes.map((code) => ({ value: code, label: bi.node(`item.${item.code}.option.${code}`, ns) }));
    const paired = shortLabels(codes.flatMap((code) => bi.texts(`item.${item.code}.option.${code}`, ns)));
    return <RadioGroup id={id} options={radios} value={asText(value)} onChange={onChange} invalid={invalid} paired={paired} />;
  }
  const options = codes.map((code) => ({ value: code, label: bi.text(`item.${item.code}.option.${code}`, ns) }));
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
