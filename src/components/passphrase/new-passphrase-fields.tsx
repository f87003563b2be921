import type { ReactNode } from 'react';
import { Field } from '../ui';
import { passphraseStrength, type PassphraseStrength } from '../../lib/passphrase-rules';

export interface NewPassphraseFieldsProps {
  /** Form field names, read with FormData on submit (the passphrase is never kept in React state). */
  names: { passphrase: string; repeat: string };
  /** Translated labels: each feature keeps its own strings. */
  labels: { passphrase: ReactNode; repeat: ReactNode };
  /** Translated help text shown before the strength hint. */
  help: ReactNode;
  /** Translated strength hint for the current length category. */
  hint: (strength: PassphraseStrength) => ReactNode;
  /** Length category of what is typed; the caller owns it so it can reset it with the form. */
  strength: PassphraseStrength;
  onStrengthChange: (strength: PassphraseStrength) => void;
  /** Error for the new passphrase (too short, same as before …), if any. */
  passphraseError?: ReactNode;
  /** Error for the repeat (mismatch), if any. */
  repeatError?: ReactNode;
  busy: boolean;
}

/**
 * The new passphrase and its repeat, with a length-based strength hint. Paste and password managers
 * are welcome (autocomplete="new-password"). Only the length category reaches React state.
 */
export function NewPassphraseFields({ names, labels, help, hint, strength, onStrengthChange, passphraseError, repeatError, busy }: NewPassphraseFieldsProps) {
  return (
    <>
      <Field
        label={labels.passphrase}
        help={
          <>
            {help}{' '}
            <span className="strength-hint" data-strength={strength}>
              {hint(strength)}
            </span>
          </>
        }
        error={passphraseError}
        required
      >
        {(control) => (
          <input
            {...control}
            name={names.passphrase}
            type="password"
            className="input"
            autoComplete="new-password"
            autoCapitalize="off"
            spellCheck={false}
            readOnly={busy}
            onChange={(event) => {
              onStrengthChange(passphraseStrength(event.target.value));
            }}
          />
        )}
      </Field>
      <Field label={labels.repeat} error={repeatError} required>
        {(control) => (
          <input {...control} name={names.repeat} type="password" className="input" autoComplete="new-password" autoCapitalize="off" spellCheck={false} readOnly={busy} />
        )}
      </Field>
    </>
  );
}
