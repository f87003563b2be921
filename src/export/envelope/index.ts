/**
 * Files encrypted to a recipient (issue 16, item 3): CMS AuthEnvelopedData, AES-256-GCM, ECDH on
 * P-256 to the recipient's encryption certificate. See docs/encrypted-files.md. Loads pkijs:
 * import it lazily from screens.
 */
export { encryptForRecipient } from './make';
export { openEnvelope, looksEncrypted, names, type DecryptionKey, type OpenedEnvelope } from './open';
export { parseEnvelope, type ParsedEnvelope } from './parse';
export { EnvelopeError, type EnvelopeReason, type IntendedRecipient } from './errors';
export { ENVELOPE_LIMITS } from './limits';
export {
  checkRecipientCertificate,
  describeRecipient,
  isKeyAgreementOnly,
  issuedBy,
  profileProblem,
  type RecipientCheck,
  type RecipientDescription,
  type RecipientProblem,
} from './recipient-certificate';
export { agreementKeyAttribute, issueEncryptionCertificate, requestedAgreementKey } from './encryption-certificates';
export { ECDH_P256 } from './kari';
export { HOMEWARD_OID, OID, oidAsRead } from './oids';
