/**
 * Encrypted hand-over (issue 16, item 3) on the screens: the address book in Settings, "Send
 * encrypted" on the export screen, opening encrypted files on the verify screen. The components
 * load their code (pkijs) on first use, so mounting them adds little to a screen's JavaScript.
 */
export { AddressBookSection, EncryptForRecipient, OrgKitSection } from './lazy-sections';
export { useEncryptedFile } from './use-encrypted-file';

/** The verify screen's file input accepts signed PDFs and encrypted files. */
export const VERIFY_ACCEPT = 'application/pdf,.pdf,application/pkcs7-mime,.p7m';
