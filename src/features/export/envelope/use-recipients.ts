import { useCallback, useEffect, useState } from 'react';
import { onTrustChange } from '../../../lib/trust-events';
import { encryptionService, type Recipient } from './encryption-service';

export type RecipientsState = { readonly phase: 'loading' } | { readonly phase: 'ready'; readonly recipients: Recipient[] } | { readonly phase: 'error' };

/** The address book, checked now, and a reload after each change. */
export function useRecipients(): [RecipientsState, () => Promise<void>] {
  const [state, setState] = useState<RecipientsState>({ phase: 'loading' });
  const reload = useCallback(async () => {
    try {
      setState({ phase: 'ready', recipients: await encryptionService.recipients() });
    } catch (error) {
      console.error(error instanceof Error ? error.name : 'address book failed');
      setState({ phase: 'error' });
    }
  }, []);
  useEffect(() => {
    void reload();
    return onTrustChange(() => void reload());
  }, [reload]);
  return [state, reload];
}
