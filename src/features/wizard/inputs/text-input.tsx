import { ariaInvalid, asText, personalProps, type InputProps } from './input-props';

export function TextInput({ id, item, value, onChange, describedBy, invalid }: InputProps) {
  return (
    <textarea
      id={id}
      className="input"
      rows={3}
      dir="auto"
      value={asText(value)}
      onChange={(e) => onChange(e.target.value)}
      aria-describedby={describedBy}
      {...personalProps(item.personal)}
      {...ariaInvalid(invalid)}
    />
  );
}
