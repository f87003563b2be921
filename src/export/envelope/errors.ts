/**
 * Why an encrypted file was not opened. Each reason has its own sentence in
 * locales/<lang>/envelope.json (open.refused.<reason>); `detail` is for developers, never shown.
 */
export type EnvelopeReason =
  /** Bigger than any file Homeward would encrypt. */
  | 'too-large'
  /** Not readable as an encrypted file at all (damaged, cut short, or another kind of file). */
  | 'malformed'
  /** A readable CMS structure, but not an encrypted one (e.g. a signature). */
  | 'not-envelope'
  /** Encrypted with a method Homeward does not accept (unauthenticated, other algorithms or curves). */
  | 'unsupported'
  /** More recipients, keys or nesting than any genuine file: refused before any work. */
  | 'too-complex'
  /** Encrypted for certificates this device holds no key for. */
  | 'not-for-you'
  /** This device has no encryption key with a certificate yet. */
  | 'no-key'
  /** Addressed to this device, but it does not decrypt: changed or damaged after encryption. */
  | 'damaged'
  /** Decrypted and authentic, but what is inside is not a PDF. */
  | 'not-a-pdf';

/** A certificate an encrypted file names as its recipient (issuer and serial, or key identifier). */
export interface IntendedRecipient {
  /** DER of the issuer's name, when the file names the recipient by issuer and serial number. */
  readonly issuer: Uint8Array | null;
  readonly serial: Uint8Array | null;
  /** The subject key identifier, when the file names the recipient by it. */
  readonly keyId: Uint8Array | null;
}

export class EnvelopeError extends Error {
  override name = 'EnvelopeError';
  constructor(
    readonly reason: EnvelopeReason,
    detail?: string,
    /** For 'not-for-you': whom the file is for, to name them if this device knows them. */
    readonly intendedFor: readonly IntendedRecipient[] = [],
  ) {
    super(detail ?? reason);
  }
}
