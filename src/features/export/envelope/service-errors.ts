import type { RecipientProblem } from '../../../export/envelope/recipient-certificate';

/** Why the address book or an encryption refused; each has a sentence in envelope.json (problem.*). Kept apart from the service so screens can tell it without loading pkijs. */
export type EncryptionServiceReason = 'too-large' | 'unreadable' | 'no-certificate' | RecipientProblem;

export class EncryptionServiceError extends Error {
  override name = 'EncryptionServiceError';
  constructor(
    readonly reason: EncryptionServiceReason,
    detail?: string,
  ) {
    super(detail ?? reason);
  }
}
