import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { asText, type InputProps } from './input-props';
import { RadioGroup } from './radio-group';

/** A row of numbered radios: every value visible and one tap, no dragging (WCAG 2.5.7). Digits follow the UI language. */
export function ScaleInput({ id, item, value, onChange, invalid }: InputProps) {
  const { i18n } = useTranslation('wizard');
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const min = item.min ?? 0;
  const max = item.max ?? 10;
  const options = Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => ({ value: String(min + i), label: formatNumber(min + i, lang) }));
  return <RadioGroup id={id} options={options} value={asText(value)} onChange={onChange} invalid={invalid} inline />;
}
