import { useId } from 'react';

interface ChoiceFieldProps {
  legend: string;
  options: readonly { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  errors: readonly string[];
}

/** A decision question as native radios in a fieldset named by its question. */
export function ChoiceField({ legend, options, value, onChange, errors }: ChoiceFieldProps) {
  const id = useId();
  const errorId = `${id}-errors`;
  return (
    <fieldset className="item" {...(errors.length ? { 'aria-describedby': errorId } : {})}>
      <legend className="item__label">{legend}</legend>
      <div className="choices">
        {options.map((option) => (
          <div key={option.value} className="choice">
            <input
              type="radio"
              id={`${id}-${option.value}`}
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
      <div id={errorId} className="item__errors" aria-live="polite">
        {errors.map((m) => (
          <p key={m} className="field__error">
            {m}
          </p>
        ))}
      </div>
    </fieldset>
  );
}
