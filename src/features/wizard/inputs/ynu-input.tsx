import { useBilingual } from '../bilingual';
import { ynuValues } from '../../../instrument';
import { asText, type InputProps } from './input-props';
import { RadioGroup } from './radio-group';

/** Yes / No / Don't know / Declined to answer: unknown and declined are answers here. */
export function YnuInput({ id, value, onChange, invalid }: InputProps) {
  const bi = useBilingual();
  const options = ynuValues.map((v) => ({ value: v, label: bi.node(`ynu.${v}`, 'wizard') }));
  return <RadioGroup id={id} options={options} value={asText(value)} onChange={onChange} invalid={invalid} paired />;
}
