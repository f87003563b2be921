/** Offline use: the kit saved after the precache, and the status that says what is saved. */
export { OfflineStatus } from './offline-status';
