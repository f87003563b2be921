/** Which sentence an export/countersign failure gets (export:error.*). Nothing of the case is logged. */
export type ExportErrorKind = 'offline' | 'notSignable' | 'locked' | 'failed';

export function exportErrorKind(error: unknown): ExportErrorKind {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'LockedError') return 'locked';
  // A lazy chunk or font that could not be fetched: the precache was not complete yet.
  if (/dynamically imported module|Importing a module script failed|Failed to fetch|NetworkError|font.*could not be loaded/i.test(message)) return 'offline';
  if (name === 'PdfStructureError' || name === 'DecisionError') return 'notSignable';
  return 'failed';
}
