/**
 * The autosaver of one open draft, bound to the part of the drafts repository it needs. Every
 * save passes the updatedAt this tab last read or wrote, so a stale writer is refused
 * (DraftConflictError) instead of overwriting a newer save. A failure of any kind (storage full,
 * conflict) keeps the value in memory, shows in the status and is retried with backoff until it
 * succeeds; a write still unsettled after 30 s is shown as not saved while it keeps running.
 * Nothing is ever dropped.
 */
import { createAutosaver, type Autosaver, type AutosaveState, type DraftData } from '../storage';

export interface DraftWriter {
  saveData(id: string, data: DraftData, options: { expectedUpdatedAt?: number }): Promise<number>;
}

export interface DraftSaverOptions {
  repository: DraftWriter;
  draftId: string;
  onStatus: (state: AutosaveState) => void;
  delayMs?: number;
  maxWaitMs?: number;
  retryBaseMs?: number;
  saveTimeoutMs?: number;
}

export interface DraftSaver extends Autosaver<DraftData> {
  /** The draft as loaded: later saves expect this version, or the one they wrote last. */
  loaded(updatedAt: number): void;
}

/** The app's figures: debounce 500 ms, at most 2 s of typing unsaved (reliability §3.2). */
export function createDraftSaver(options: DraftSaverOptions): DraftSaver {
  const { repository, draftId, onStatus, delayMs = 500, maxWaitMs = 2000, retryBaseMs = 1000, saveTimeoutMs = 30_000 } = options;
  let updatedAt: number | undefined;
  const saver = createAutosaver<DraftData>({
    save: async (next) => {
      updatedAt = await repository.saveData(draftId, next, updatedAt === undefined ? {} : { expectedUpdatedAt: updatedAt });
    },
    delayMs,
    maxWaitMs,
    retryBaseMs,
    saveTimeoutMs,
    onStatus,
  });
  return {
    ...saver,
    loaded(at) {
      updatedAt = at;
    },
  };
}
