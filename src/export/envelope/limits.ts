// WARNING: limits of the encrypted-file reader. Raising one lets a hostile file cost more time
// or memory before it is refused; lowering one refuses genuine files.
import { LIMITS } from '../verify/limits';

export const ENVELOPE_LIMITS = {
  /** A signed file (the verifier's own limit) plus room for the envelope around it. */
  fileBytes: LIMITS.fileBytes + 64 * 1024,
  /** Nesting of the envelope's structure: a genuine one is 11 deep. */
  depth: 20,
  /** ASN.1 elements read outside the encrypted content: a genuine one has about 40. */
  nodes: 400,
  /** Recipient entries (RecipientInfo) in one file; Homeward makes one, OpenSSL one per -recip. */
  recipients: 8,
  /** Encrypted keys across all key-agreement recipients. */
  recipientKeys: 8,
  /** A user keying material longer than this is not a key agreement we made or accept. */
  ukmBytes: 256,
} as const;
