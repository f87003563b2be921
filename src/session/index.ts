/**
 * An open draft, shared by the wizard and the review screen (features never import each
 * other): loading, autosave with its status line, and the assessment date.
 */
export { useDraftSession, type DraftSession, type SessionLoad } from './use-draft-session';
export { SaveStatus } from './save-status';
export { todayIso } from './today';
