/** Backup feature: "Back up assessments" and "Restore from a backup" sections for Settings. */
export { BackupSection } from './backup-section';
export { RestoreSection } from './restore-section';
export { makeBackup, restoreFromFile, saveFile, type MadeBackup } from './backup-actions';
