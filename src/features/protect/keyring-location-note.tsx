import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/ui';

/**
 * Says so when this browser has no Origin Private File System, so the wrapped key had to be kept
 * in IndexedDB (docs/adr/0004): then "Erase everything" cannot promise that no trace of the key
 * stays in the browser's files. Shows nothing in the usual case.
 */
export function KeyringLocationNote() {
  const { t } = useTranslation('protect');
  const [fallback, setFallback] = useState(false);
  useEffect(() => {
    let live = true;
    import('../../storage')
      .then((storage) => storage.keyring.location())
      .then(
        (location) => {
          if (live) setFallback(location === 'indexeddb');
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);
  if (!fallback) return null;
  return <StatusMessage tone="warning">{t('location.indexeddb')}</StatusMessage>;
}
