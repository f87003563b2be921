import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui';
import { FileDropZone } from '../file-drop-zone';
import { importBytes, readPicked, type ImportResult } from './import-file';
import { takeSharedFiles } from './shared-inbox';

/**
 * Bringing files in without typing paths: a file picker (several at once), or files dropped on the
 * zone, or shared to the app by the system's share sheet (taken from the inbox on arrival). Each
 * file is verified, kept if it verifies, and reported one by one; checking can be stopped.
 */
export function ImportZone({ onResults }: { onResults: (results: readonly ImportResult[]) => void }) {
  const { t } = useTranslation('workspace');
  const [busy, setBusy] = useState<{ controller: AbortController; done: number; total: number } | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  // Leaving the screen stops a check under way (its worker is terminated).
  const controller = busy?.controller ?? null;
  useEffect(() => () => controller?.abort(), [controller]);

  const take = useCallback(async (files: readonly File[]) => {
    if (files.length === 0 || busy !== null) return;
    const current = new AbortController();
    const results: ImportResult[] = [];
    setBusy({ controller: current, done: 0, total: files.length });
    for (const file of files) {
      if (current.signal.aborted) {
        results.push({ kind: 'cancelled' });
        continue;
      }
      const read = await readPicked(file);
      results.push(read instanceof Uint8Array ? await importBytes(read, current.signal) : read);
      if (mounted.current) setBusy({ controller: current, done: results.length, total: files.length });
    }
    if (!mounted.current) return;
    setBusy(null);
    onResults(results);
  }, [busy, onResults]);

  // Files shared to the app by the system wait in the service worker's inbox: take them in now.
  const inboxTaken = useRef(false);
  useEffect(() => {
    if (inboxTaken.current) return;
    inboxTaken.current = true;
    takeSharedFiles().then(
      (files) => void take(files),
      () => undefined,
    );
  }, [take]);

  return (
    <FileDropZone label={t('import.choose')} hint={t('import.drop')} accept="application/pdf,.pdf" multiple disabled={busy !== null} onFiles={(files) => void take(files)}>
      {busy !== null ? (
        <div className="verify-checking">
          <p role="status">{t('import.checking', { done: busy.done, total: busy.total })}</p>
          <Button onClick={() => busy.controller.abort()}>{t('import.cancel')}</Button>
        </div>
      ) : null}
    </FileDropZone>
  );
}
