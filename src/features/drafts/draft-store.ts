/**
 * The one place this feature talks to src/storage. The screen works with these few shapes,
 * so a change in the storage API is absorbed here.
 */
export interface DraftRow {
  id: string;
  caseRef: string;
  status: string;
  /** epoch ms of the last save */
  updatedAt: number;
}

export interface DraftListing {
  drafts: DraftRow[];
  /** ids of records this copy of the app cannot read; reported, never hidden or deleted */
  unreadable: string[];
}

export type PersistenceOutcome = 'persisted' | 'not-persisted' | 'unsupported';

export interface DraftStore {
  list(): Promise<DraftListing>;
  /** Creates a draft of the current instrument; resolves to its id. */
  create(caseRef: string, workingLanguage: string, personLanguage?: string | null): Promise<string>;
  /** Copies a draft's answers under a new case reference; resolves to the new id. */
  duplicate(id: string, caseRef: string): Promise<string>;
  remove(id: string): Promise<void>;
  requestPersistence(): Promise<PersistenceOutcome>;
}
