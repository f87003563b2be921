import { useCallback, useEffect, useState } from 'react';
import { onTrustChange } from '../../../lib/trust-events';
import { identities, organisationAuthority, trustedRoots, type OrganisationAuthority, type SigningIdentity, type TrustedRoot } from '../../../storage';

export interface IdentityState {
  status: 'loading' | 'ready' | 'failed';
  identity: SigningIdentity | undefined;
  authority: OrganisationAuthority | undefined;
  roots: TrustedRoot[];
  /** Stored rows that could not be read (kept, never deleted): the UI says so. */
  unreadable: number;
}

const initial: IdentityState = { status: 'loading', identity: undefined, authority: undefined, roots: [], unreadable: 0 };

/** Loads the active identity, the organisation authority and the trusted roots; `reload` after a change. */
export function useIdentityState(): IdentityState & { reload: () => Promise<void> } {
  const [state, setState] = useState<IdentityState>(initial);

  const reload = useCallback(async () => {
    try {
      const [listed, authority, inspected] = await Promise.all([identities.list(), organisationAuthority.get(), trustedRoots.inspect()]);
      setState({
        status: 'ready',
        identity: listed.identities[0],
        authority,
        roots: inspected.roots,
        unreadable: listed.unreadable.length + inspected.unreadable.length,
      });
    } catch {
      setState((previous) => ({ ...previous, status: 'failed' }));
    }
  }, []);

  useEffect(() => {
    void reload();
    // Another section (an organisation kit import) may change the roots or the identity.
    return onTrustChange(() => void reload());
  }, [reload]);

  return { ...state, reload };
}
