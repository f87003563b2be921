import { useEffect } from 'react';

/**
 * A page restored from the back/forward cache comes back with its old DOM and memory; lock at
 * once so a case is never shown again without the passphrase.
 */
export function useBackForwardLock(lockNow: () => void): void {
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent): void => {
      if (event.persisted) lockNow();
    };
    window.addEventListener('pageshow', onPageShow);
    return () => {
      window.removeEventListener('pageshow', onPageShow);
    };
  }, [lockNow]);
}
