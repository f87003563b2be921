/** Drafts feature: the home screen listing assessments kept on this device. */
export { DraftListScreen, type DraftListScreenProps } from './draft-list-screen';
export type { DraftStore, DraftRow, DraftListing, PersistenceOutcome } from './draft-store';
