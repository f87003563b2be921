/**
 * One open draft: loads it, holds its data, and autosaves every change (debounced, flushed
 * when the page is hidden, on unmount and before leaving for the review). While it is open
 * the app's update prompt can ask whether input is unsaved, so a reload never drops it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { registerUnsavedCheck } from '../app/pwa/unsaved-input';
import { getInstrument, type Instrument } from '../instrument';
import {
  attachLifecycleFlush, createAutosaver, keySession, drafts, type Autosaver, type AutosaveState, type Draft, type DraftData,
} from '../storage';
import { todayIso } from './today';

export type SessionLoad =
  | { phase: 'loading' }
  | { phase: 'missing' }
  | { phase: 'error' }
  | { phase: 'ready'; draft: Draft; instrument: Instrument; now: string };

export interface DraftSession {
  load: SessionLoad;
  data: DraftData | null;
  save: AutosaveState;
  /** Applies a change to the draft's data and schedules its autosave. */
  update: (change: (data: DraftData) => DraftData) => void;
  /** Saves now; rejects if the write failed (the value is kept and retried). */
  flush: () => Promise<void>;
}

export function useDraftSession(draftId: string): DraftSession {
  const [load, setLoad] = useState<SessionLoad>({ phase: 'loading' });
  const [data, setData] = useState<DraftData | null>(null);
  const [save, setSave] = useState<AutosaveState>({ status: 'idle' });
  // Refs, not state: several changes can arrive before React re-renders, and each must build
  // on the one before.
  const dataRef = useRef<DraftData | null>(null);
  const saverRef = useRef<Autosaver<DraftData> | null>(null);

  useEffect(() => {
    let active = true;
    let updatedAt: number | undefined;
    const saver = createAutosaver<DraftData>({
      save: async (next) => {
        updatedAt = await drafts.saveData(draftId, next, { expectedUpdatedAt: updatedAt });
      },
      delayMs: 500,
      maxWaitMs: 2000,
      onStatus: (state) => {
        if (active) setSave(state);
      },
    });
    saverRef.current = saver;
    const detach = attachLifecycleFlush(saver);
    const unregister = registerUnsavedCheck(() => ({ hasUnsaved: saver.hasPending(), flush: () => saver.flush() }));

    drafts
      .get(draftId)
      .then((draft) => {
        if (!active) return;
        if (!draft) {
          setLoad({ phase: 'missing' });
          return;
        }
        updatedAt = draft.updatedAt;
        const instrument = getInstrument(draft.instrumentId, draft.instrumentVersion);
        dataRef.current = draft.data;
        setData(draft.data);
        setLoad({ phase: 'ready', draft, instrument, now: todayIso(new Date()) });
      })
      .catch(() => {
        // Locked meanwhile (lock, quick exit): not damage; the lock screen replaces this one.
        if (!keySession.isUnlocked) return;
        // The error's message may name the draft id only; the screen says what to do next.
        if (active) setLoad({ phase: 'error' });
      });

    return () => {
      active = false;
      saverRef.current = null;
      saver.flush().then(
        () => {
          unregister();
          detach();
          saver.dispose();
        },
        () => {
          // Still unsaved: leave the retrying saver and its unsaved check in place, so the
          // input is written when storage recovers and no reload happens before that.
        },
      );
    };
  }, [draftId]);

  const update = useCallback((change: (data: DraftData) => DraftData) => {
    const current = dataRef.current;
    if (!current) return;
    const next = change(current);
    dataRef.current = next;
    setData(next);
    saverRef.current?.schedule(next);
  }, []);

  const flush = useCallback(() => saverRef.current?.flush() ?? Promise.resolve(), []);

  return { load, data, save, update, flush };
}
