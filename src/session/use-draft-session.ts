/**
 * One open draft: loads it, holds its data, and autosaves every change (debounced, flushed
 * when the page is hidden, on unmount and before leaving for the review). While it is open
 * the app's update prompt can ask whether input is unsaved, so a reload never drops it.
 *
 * Only the tab holding the draft's lock writes (draft-access.ts). A reader tab loads the draft
 * read-only and ignores changes; when it is granted the lock it reloads from storage (load goes
 * back to 'loading', so the screens remount their forms on the fresh data) before any edit.
 */
import { startTransition, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { registerUnsavedCheck } from '../app/pwa/unsaved-input';
import { getInstrument, type Instrument } from '../instrument';
import { attachLifecycleFlush, keySession, drafts, type AutosaveState, type Draft, type DraftData } from '../storage';
import { draftAccess, type DraftAccess } from './draft-access';
import { createDraftSaver, type DraftSaver } from './draft-saver';
import { signedOffDrafts } from './signed-off';
import { todayIso } from './today';

export type SessionLoad =
  | { phase: 'loading' }
  | { phase: 'missing' }
  | { phase: 'error' }
  | { phase: 'ready'; draft: Draft; instrument: Instrument; now: string };

export interface UpdateOptions {
  /**
   * Re-render the screen with the new data in a React transition, which the next keystroke can
   * interrupt, instead of inside the input event. Only for changes from inputs that hold their
   * own value (react-hook-form fields): a control whose value is read from `data` would jump
   * back until the transition commits.
   */
  background?: boolean;
}

export interface DraftSession {
  load: SessionLoad;
  data: DraftData | null;
  save: AutosaveState;
  /** True while another tab writes this draft, or once it is signed off: nothing here may change it. */
  readOnly: boolean;
  /**
   * Applies a change to the draft's data and schedules its autosave (ignored when read-only).
   * The save is scheduled at once either way; `background` only decides how soon the screen
   * re-renders with the new data (see UpdateOptions).
   */
  update: (change: (data: DraftData) => DraftData, options?: UpdateOptions) => void;
  /** Saves now; rejects if the write failed (the value is kept and retried). */
  flush: () => Promise<void>;
}

/** The tab's access to the open draft (writer, reader, checking), as a React value. */
export function useDraftAccess(): DraftAccess {
  return useSyncExternalStore(draftAccess.subscribe, draftAccess.get, draftAccess.get);
}

/**
 * True while another tab writes the open draft (or this tab is still asking), or when the open
 * draft is signed off; for `<fieldset disabled>` around inputs. With no draft open ('none')
 * nothing is held back.
 */
export function useDraftReadOnly(): boolean {
  const access = useDraftAccess();
  const signedOff = useDraftSignedOff(access.mode === 'none' ? null : access.draftId);
  return access.mode === 'reader' || access.mode === 'checking' || signedOff;
}

/** True when this draft was loaded as signed off (read only until a new version is started). */
export function useDraftSignedOff(draftId: string | null): boolean {
  const get = () => draftId !== null && signedOffDrafts.has(draftId);
  return useSyncExternalStore(signedOffDrafts.subscribe, get, get);
}

type Role = { kind: 'wait' } | { kind: 'reader' } | { kind: 'writer'; generation: number };

function roleOf(access: DraftAccess, draftId: string): Role {
  if (access.mode === 'none' || access.draftId !== draftId || access.mode === 'checking') return { kind: 'wait' };
  return access.mode === 'writer' ? { kind: 'writer', generation: access.generation } : { kind: 'reader' };
}

export function useDraftSession(draftId: string): DraftSession {
  const [load, setLoad] = useState<SessionLoad>({ phase: 'loading' });
  const [data, setData] = useState<DraftData | null>(null);
  const [save, setSave] = useState<AutosaveState>({ status: 'idle' });
  // Refs, not state: several changes can arrive before React re-renders, and each must build
  // on the one before.
  const dataRef = useRef<DraftData | null>(null);
  const saverRef = useRef<DraftSaver | null>(null);
  const access = useDraftAccess();
  const signedOff = useDraftSignedOff(draftId);
  const role = roleOf(access, draftId);
  const roleKey = role.kind === 'writer' ? `writer:${String(role.generation)}` : role.kind;

  useEffect(() => draftAccess.retain(draftId), [draftId]);

  useEffect(() => {
    let active = true;
    dataRef.current = null;
    setData(null);
    setLoad({ phase: 'loading' });
    setSave({ status: 'idle' });
    if (roleKey === 'wait') return undefined;
    const writer = roleKey.startsWith('writer');
    let saver: DraftSaver | null = null;
    let detach = (): void => undefined;
    let unregister = (): void => undefined;
    if (writer) {
      const current = createDraftSaver({
        repository: drafts,
        draftId,
        onStatus: (state) => {
          if (active) setSave(state);
        },
      });
      saver = current;
      detach = attachLifecycleFlush(current);
      unregister = registerUnsavedCheck(() => ({ hasUnsaved: current.hasPending(), flush: () => current.flush() }));
      draftAccess.setFlusher(draftId, () => current.flush());
    }

    drafts
      .get(draftId)
      .then((draft) => {
        if (!active) return;
        if (!draft) {
          setLoad({ phase: 'missing' });
          return;
        }
        saver?.loaded(draft.updatedAt);
        signedOffDrafts.mark(draftId, draft.status === 'signed_off');
        const instrument = getInstrument(draft.instrumentId, draft.instrumentVersion);
        dataRef.current = draft.data;
        saverRef.current = saver;
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
      if (!saver) return;
      const closing = saver;
      draftAccess.setFlusher(draftId, null);
      const flushed = closing.flush();
      // The lock is not handed to another tab before this last save has landed.
      draftAccess.holdUntil(draftId, flushed);
      flushed.then(
        () => {
          unregister();
          detach();
          closing.dispose();
        },
        () => {
          // Still unsaved: leave the retrying saver and its unsaved check in place, so the
          // input is written when storage recovers and no reload happens before that.
        },
      );
    };
  }, [draftId, roleKey]);

  const update = useCallback((change: (data: DraftData) => DraftData, options?: UpdateOptions) => {
    const current = dataRef.current;
    // No saver: a reader (another tab writes this draft) or still loading; nothing may change.
    // A signed-off draft is what was approved: nothing may change it either.
    if (!current || !saverRef.current || signedOffDrafts.has(draftId)) return;
    const next = change(current);
    dataRef.current = next;
    if (options?.background) startTransition(() => setData(next));
    else setData(next);
    saverRef.current.schedule(next);
  }, [draftId]);

  const flush = useCallback(() => saverRef.current?.flush() ?? Promise.resolve(), []);

  return { load, data, save, readOnly: role.kind !== 'writer' || signedOff, update, flush };
}
