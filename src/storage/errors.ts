/**
 * Errors the storage layer throws. Each has its own `name` so the autosave status and the UI
 * can tell them apart without parsing messages. Messages carry record ids and field paths,
 * never field values: ids are random and paths are item codes, but values may be personal.
 */

/** Base class, so callers can catch "anything storage refused" in one place. */
export class StorageError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export class DraftNotFoundError extends StorageError {
  constructor(readonly id: string) {
    super('DraftNotFoundError', `Draft ${id} does not exist on this device (it may have been deleted in another tab).`);
  }
}

/** The stored record failed validation or could not be decoded; it is never overwritten. */
export class DraftUnreadableError extends StorageError {
  constructor(readonly id: string) {
    super('DraftUnreadableError', `Draft ${id} cannot be read by this copy of Homeward; update the app, and do not delete it.`);
  }
}

/**
 * Another writer (usually a stale tab) saved the draft after the caller last read it.
 * Reload the draft before saving again, so newer input is never silently overwritten.
 */
export class DraftConflictError extends StorageError {
  constructor(
    readonly id: string,
    readonly expectedUpdatedAt: number,
    readonly storedUpdatedAt: number,
  ) {
    super('DraftConflictError', `Draft ${id} was changed elsewhere (in another tab?); reload it before saving again.`);
  }
}

/** Signed-off answers are what was signed; reopen the draft (setStatus 'draft') to edit it. */
export class DraftSignedOffError extends StorageError {
  constructor(readonly id: string) {
    super('DraftSignedOffError', `Draft ${id} is signed off; reopen it before changing its answers.`);
  }
}

/** The data handed to a write does not match the stored format; nothing was written. */
export class InvalidDraftDataError extends StorageError {
  constructor(readonly paths: readonly string[]) {
    super('InvalidDraftDataError', `Draft data was not saved: invalid field(s) ${paths.join(', ')}; correct them and save again.`);
  }
}
