import type { ReactNode } from 'react';

export interface RadioOption {
  value: string;
  label: ReactNode;
}

interface RadioGroupProps {
  /** prefix for option ids and the shared name of the radios */
  id: string;
  options: readonly RadioOption[];
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  /** lay the options out in a row (short labels, e.g. a 0–10 scale) */
  inline?: boolean;
}

/**
 * Native radios: arrow keys move between options, and the enclosing fieldset's legend
 * names the group. Each label is a full-width tap target.
 */
export function RadioGroup({ id, options, value, onChange, invalid, inline = false }: RadioGroupProps) {
  return (
    <div className={inline ? 'choices choices--inline' : 'choices'}>
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <div key={option.value} className="choice">
            <input
              type="radio"
              id={optionId}
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              {...(invalid ? { 'aria-invalid': true as const } : {})}
            />
            <label htmlFor={optionId}>{option.label}</label>
          </div>
        );
      })}
    </div>
  );
}
