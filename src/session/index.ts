/**
 * An open draft, shared by the wizard and the review screen (features never import each
 * other): loading, one writer per draft across tabs, autosave with its status line, and the
 * assessment date.
 */
export { CaseNotice } from './case-notice';
export { useDraftSession, useDraftAccess, useDraftReadOnly, useDraftSignedOff, type DraftSession, type SessionLoad, type UpdateOptions } from './use-draft-session';
export { draftAccess, type DraftAccess } from './draft-access';
export { SaveStatus } from './save-status';
export { todayIso } from './today';
export { UpgradeNote } from './upgrade-note';
