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
  /** two options to a row where the screen allows (short labels: yes/no/don't know/declined) */
  paired?: boolean;
}

/**
 * Native radios: arrow keys move between options, and the enclosing fieldset's legend
 * names the group. Each label is a full-width tap target.
 */
export function RadioGroup({ id, options, value, onChange, invalid, inline = false, paired = false }: RadioGroupProps) {
  return (
    <div className={choicesClass(inline, paired)}>
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

/** Options one per row by default; paired (two to a row when there is room) or all in one row. */
export function choicesClass(inline: boolean, paired: boolean): string {
  if (inline) return 'choices choices--inline';
  return paired ? 'choices choices--paired' : 'choices';
}

/** Longest option label (in characters) that still lays out two to a row on a 360 px phone. */
const PAIRED_MAX_CHARS = 18;

/** True when every label is short enough to pair options: a long one would wrap to many lines. */
export function shortLabels(labels: readonly string[]): boolean {
  return labels.every((label) => [...label].length <= PAIRED_MAX_CHARS);
}
