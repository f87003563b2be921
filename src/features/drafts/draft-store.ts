/**
 * The one place this feature talks to src/storage. The screen works with these few shapes,
 * so a change in the storage API is absorbed here.
 */
import type { CurrentReview } from '../../storage';
export interface DraftRow {
  id: string;
  caseRef: string;
  status: string;
  /** epoch ms of the last save */
  updatedAt: number;
  /** the questionnaire version the draft was started on (or moved to) */
  instrumentVersion: number;
  /** the newer version it may be moved to, or null */
  upgradeTo: number | null;
  /** What became of the summaries exported from it (src/storage case links), or null if none was. */
  review?: DraftReview | null;
}

/** The latest summary exported from a draft, and the decision that came back on it (if any). */
export type DraftReview = CurrentReview;

/** What moving a draft to a newer version would do: shown before the caseworker decides. */
export interface UpgradePreview {
  instrumentId: string;
  toVersion: number;
  note: ProvenanceAnswer;
}

export interface DraftListing {
  drafts: DraftRow[];
  /** ids of records this copy of the app cannot read; reported, never hidden or deleted */
  unreadable: string[];
}

export type PersistenceOutcome = 'persisted' | 'not-persisted' | 'unsupported';

import type { ProvenanceAnswer } from '../../instrument';

export interface DraftStore {
  list(): Promise<DraftListing>;
  /** Creates a draft of the current instrument; resolves to its id. */
  create(caseRef: string, workingLanguage: string, personLanguage?: string | null): Promise<string>;
  /** Copies a draft's answers under a new case reference; resolves to the new id. */
  duplicate(id: string, caseRef: string): Promise<string>;
  /**
   * A signed-off draft changes only as a new version: a copy with the same case reference whose
   * first export names the signed-off version as the one it supersedes. Resolves to the new id.
   */
  newVersion(id: string): Promise<string>;
  remove(id: string): Promise<void>;
  /** What moving the draft to the next version would carry, convert and leave out. */
  previewUpgrade(id: string, date: string): Promise<UpgradePreview>;
  /**
   * A new draft on the next version with the same case reference and languages, its answers moved
   * by the declared mapping and the note of what changed; the original draft is kept as it is.
   * Resolves to the new draft's id.
   */
  upgrade(id: string, date: string): Promise<string>;
  requestPersistence(): Promise<PersistenceOutcome>;
}
