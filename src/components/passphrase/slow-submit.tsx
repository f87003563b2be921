import type { ReactNode } from 'react';
import { Button } from '../ui';

export interface SlowSubmitProps {
  /** True while the key is being derived; shows `working` in the status line and disables the button. */
  busy: boolean;
  /** Translated progress text, announced politely while busy. */
  working: ReactNode;
  /** Translated button text. */
  submit: ReactNode;
  /** Translated "try again in N s" line after wrong passphrases; the button stays disabled while it shows. */
  wait?: ReactNode;
}

/**
 * The end of a form whose submit is slow on purpose (passphrase key derivation): an optional wait
 * line, a status line with the progress text, and the primary submit button.
 */
export function SlowSubmit({ busy, working, submit, wait }: SlowSubmitProps) {
  return (
    <>
      {wait ? <p className="lock-wait">{wait}</p> : null}
      <div role="status" className="lock-progress">
        {busy ? working : null}
      </div>
      <Button type="submit" variant="primary" disabled={busy || Boolean(wait)}>
        {submit}
      </Button>
    </>
  );
}
