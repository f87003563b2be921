// WARNING: verifier limits. They keep a hostile file from freezing the screen (and Quick exit with
// it); raising one lets a smaller file do more work. A Homeward summary is far inside every limit.

export const LIMITS = {
  /** Bigger than any summary; a bigger file is refused before it is parsed. */
  fileBytes: 30 * 1024 * 1024,
  /** Revisions (xref sections): the assessor's, one per countersignature, and room to spare. */
  sections: 64,
  /** Cross-reference entries over all sections. A summary has under a hundred objects. */
  xrefEntries: 10_000,
  /** Objects read while walking a revision's object graph or comparing two revisions. */
  objectsVisited: 50_000,
  /** Signatures in one file. */
  signatures: 16,
  /** Certificates carried in one signature's CMS. */
  certificatesPerSignature: 10,
  /** Certificates in a path, signer and root included. */
  pathLength: 6,
  /** Inflated size of the embedded assessment. */
  attachmentBytes: 8 * 1024 * 1024,
  /** Wall-clock budget for one file. */
  milliseconds: 8_000,
} as const;

/** A hostile or oversized file went past a limit; `message` says which, for people. */
export class VerifyLimitError extends Error {
  override name = 'VerifyLimitError';
  constructor(
    readonly code: 'too-complex' | 'too-slow',
    message: string,
  ) {
    super(message);
  }
}

/** A deadline checked cooperatively inside every loop that a file's size can drive. */
export class Budget {
  private readonly deadline: number;
  private visited = 0;

  constructor(
    milliseconds: number = LIMITS.milliseconds,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.deadline = clock() + milliseconds;
  }

  /** Throws when the time budget is spent. Cheap enough to call per object. */
  readonly check = (): void => {
    if (this.clock() > this.deadline) throw new VerifyLimitError('too-slow', 'Checking this file took longer than the time allowed; it was stopped.');
  };

  /** Counts one visited object against the object budget, and checks the time. */
  visit(): void {
    this.visited += 1;
    if (this.visited > LIMITS.objectsVisited) throw new VerifyLimitError('too-complex', `The file has more than ${String(LIMITS.objectsVisited)} objects to check.`);
    if ((this.visited & 0xff) === 0) this.check();
  }
}
