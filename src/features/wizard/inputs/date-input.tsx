import { ariaInvalid, asText, type InputProps } from './input-props';

export function DateInput({ id, value, onChange, describedBy, invalid }: InputProps) {
  return (
    <input
      id={id}
      type="date"
      className="input input--short"
      value={asText(value)}
      onChange={(e) => onChange(e.target.value)}
      aria-describedby={describedBy}
      autoComplete="off"
      {...ariaInvalid(invalid)}
    />
  );
}
