import { ariaInvalid, asText, type InputProps } from './input-props';

/**
 * A text box with a numeric keyboard rather than type=number: type=number silently empties
 * what it cannot parse, and the caseworker's input must never vanish.
 */
export function NumberInput({ id, item, value, onChange, describedBy, invalid }: InputProps) {
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      className="input input--short"
      value={asText(value)}
      onChange={(e) => onChange(e.target.value)}
      aria-describedby={describedBy}
      autoComplete="off"
      {...(item.personal ? { spellCheck: false } : {})}
      {...ariaInvalid(invalid)}
    />
  );
}
