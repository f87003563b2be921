import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { StatusMessage } from '../../../components/ui';
import { groupedFingerprint } from '../../../lib/fingerprint';
import { IdentityImportError } from './identity-service';

export interface Message {
  tone: 'success' | 'error' | 'info';
  text: string;
}

interface Shown {
  /** Increases with every message shown (not when cleared), so a repeated refusal is a new message (tests wait on it). */
  seq: number;
  message: Message | null;
}

/** The translated reason a file or an action was refused (errors.* in identity.json). */
export function reasonText(t: TFunction<'identity'>, error: unknown): string {
  if (error instanceof IdentityImportError && error.reason === 'root-not-trusted' && error.root !== undefined) {
    return t('errors.root-not-trusted', { organisation: error.root.organisation, fingerprint: groupedFingerprint(error.root.fingerprint) });
  }
  if (error instanceof IdentityImportError) return t(`errors.${error.reason}`);
  return t('errors.unexpected');
}


/** One section's outcome message: `show(null)` clears it. */
export function useOutcome(): [Shown, (message: Message | null) => void] {
  const [shown, setShown] = useState<Shown>({ seq: 0, message: null });
  const show = useCallback((message: Message | null) => {
    setShown((previous) => (message === null ? { seq: previous.seq, message: null } : { seq: previous.seq + 1, message }));
  }, []);
  return [shown, show];
}

export function Outcome({ message: { seq, message } }: { message: Shown }) {
  return <div data-outcome={seq}>{message ? <StatusMessage tone={message.tone}>{message.text}</StatusMessage> : null}</div>;
}
