import { useEffect, useState } from 'react';
import { VerifyCancelledError } from '../../../export';
import type { ReceivedCase } from '../../../case';
import { receivedFiles, trustedRoots } from '../../../storage';
import { checkReceived, receivedCases, type CheckedFile } from './received-checks';

export type ReceivedListing =
  | { readonly phase: 'loading'; readonly done: number; readonly total: number }
  | { readonly phase: 'error' }
  | { readonly phase: 'ready'; readonly cases: readonly ReceivedCase[]; readonly checked: readonly CheckedFile[]; readonly unreadable: number };

/**
 * Every received file, verified one after another in the worker (a phone has little to spare),
 * with progress, then grouped into cases. `refresh` changes to load again (after an import or a
 * countersignature). Leaving the screen stops the check under way.
 */
export function useReceivedCases(refresh: number): ReceivedListing {
  const [listing, setListing] = useState<ReceivedListing>({ phase: 'loading', done: 0, total: 0 });
  useEffect(() => {
    const controller = new AbortController();
    let active = true;
    void (async () => {
      try {
        const [{ files, unreadable }, roots] = await Promise.all([receivedFiles.list(), trustedRoots.list()]);
        const rootsPem = roots.map((root) => root.certificatePem);
        const checked: CheckedFile[] = [];
        // A reload (after an import or a decision) keeps the list on screen until the new one is ready.
        const progress = (done: number) => setListing((prev) => (prev.phase === 'ready' ? prev : { phase: 'loading', done, total: files.length }));
        if (active) progress(0);
        for (const file of files) {
          checked.push({ file, check: await checkReceived(file, rootsPem, controller.signal) });
          if (active) progress(checked.length);
        }
        if (active) setListing({ phase: 'ready', cases: receivedCases(checked), checked, unreadable: unreadable.length });
      } catch (error) {
        if (error instanceof VerifyCancelledError || !active) return;
        console.error(error instanceof Error ? error.name : 'listing failed');
        setListing({ phase: 'error' });
      }
    })();
    return () => {
      active = false;
      controller.abort();
    };
  }, [refresh]);
  return listing;
}
