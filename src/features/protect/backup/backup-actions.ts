/**
 * What the backup and restore sections do, with storage imported on demand (as the lock and the
 * panic wipe do) so Dexie and the backup code stay out of the first screen's bundle. Both need
 * the app to be unlocked (the settings screen only shows then): drafts are decrypted in memory
 * with the session's data key, and restored drafts are sealed with it.
 */
import type { RestoreResult } from '../../../storage';

export interface MadeBackup {
  fileName: string;
  count: number;
  /** Stored drafts that could not be read and are therefore not in the file. */
  unreadable: number;
}

/** Hands the bytes to the browser as a download under a neutral name; nothing leaves the device. */
export function saveFile(bytes: Uint8Array<ArrayBuffer>, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Late enough for the download to have started; the object URL then stops holding the bytes.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 30_000);
}

/** Encrypts every readable draft into one file and saves it; throws BackupError or storage errors. */
export async function makeBackup(passphrase: string, save: typeof saveFile = saveFile): Promise<MadeBackup> {
  const storage = await import('../../../storage');
  const result = await storage.createBackup({
    db: storage.openDb,
    codec: storage.createEncryptedCodec(storage.keySession),
    passphrase,
  });
  save(result.bytes, result.fileName);
  return { fileName: result.fileName, count: result.count, unreadable: result.unreadable.length };
}

/** Reads, checks and restores a backup file; throws BackupError (nothing changed) or storage errors. */
export async function restoreFromFile(file: Blob, passphrase: string): Promise<RestoreResult> {
  const storage = await import('../../../storage');
  if (file.size > storage.MAX_BACKUP_BYTES) throw new storage.BackupError('too-large');
  const bytes = new Uint8Array(await file.arrayBuffer());
  return storage.restoreBackup({
    db: storage.openDb,
    codec: storage.createEncryptedCodec(storage.keySession),
    file: bytes,
    passphrase,
  });
}

/** The BackupError problem of `error`, or undefined for anything else. */
export function backupProblem(error: unknown): string | undefined {
  if (error instanceof Error && error.name === 'BackupError') {
    const problem = (error as { problem?: unknown }).problem;
    return typeof problem === 'string' ? problem : undefined;
  }
  return undefined;
}
