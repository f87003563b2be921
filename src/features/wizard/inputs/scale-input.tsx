import { asText, type InputProps } from './input-props';
import { RadioGroup } from './radio-group';

/** A row of numbered radios: every value visible and one tap, no dragging (WCAG 2.5.7). */
export function ScaleInput({ id, item, value, onChange, invalid }: InputProps) {
  const min = item.min ?? 0;
  const max = item.max ?? 10;
  const options = Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => ({ value: String(min + i), label: String(min + i) }));
  return <RadioGroup id={id} options={options} value={asText(value)} onChange={onChange} invalid={invalid} inline />;
}
