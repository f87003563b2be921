import { useId, type ReactNode } from 'react';

/** Props to spread on the control so its label, help and error are announced with it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FieldProps {
  label: ReactNode;
  help?: ReactNode;
  /** Shown under the label and announced with the control; also marks it invalid. */
  error?: ReactNode;
  required?: boolean;
  /** Renders the control: `<input {...control} />`. */
  children: (control: FieldControlProps) => ReactNode;
  className?: string;
}

/**
 * Label, help text and error for one control, wired with for/id and aria-describedby.
 * Help and error sit above the control so the on-screen keyboard on a small phone does
 * not hide them.
 */
export function Field({ label, help, error, required = false, children, className }: FieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, help ? helpId : null].filter(Boolean).join(' ');
  const control: FieldControlProps = { id };
  if (describedBy) control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;
  if (required) control['aria-required'] = true;

  return (
    <div className={['field', error ? 'field--invalid' : null, className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {help ? (
        <p id={helpId} className="field__help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      {children(control)}
    </div>
  );
}
