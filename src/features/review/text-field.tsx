import { useId } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: readonly string[];
  /** textarea for narratives; a one-line input for names; a date picker for dates */
  kind: 'textarea' | 'line' | 'date';
  personal: boolean;
}

const privateProps = { autoComplete: 'off', spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' } as const;

/** A labelled text, line or date control with its errors announced and described. */
export function TextField({ label, value, onChange, errors, kind, personal }: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-errors`;
  const common = {
    id,
    value,
    className: kind === 'date' ? 'input input--short' : 'input',
    ...(errors.length ? { 'aria-describedby': errorId, 'aria-invalid': true as const } : {}),
    ...(personal ? privateProps : {}),
  };
  return (
    <div className="item">
      <label htmlFor={id} className="item__label">
        {label}
      </label>
      {kind === 'textarea' ? (
        <textarea {...common} rows={4} dir="auto" onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={kind === 'date' ? 'date' : 'text'} dir="auto" onChange={(e) => onChange(e.target.value)} />
      )}
      <div id={errorId} className="item__errors" aria-live="polite">
        {errors.map((m) => (
          <p key={m} className="field__error">
            {m}
          </p>
        ))}
      </div>
    </div>
  );
}
