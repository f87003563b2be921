// WARNING: signing API. Keys, certificates and signatures made through here are checked by pdfsig,
// Acrobat and the in-app verifier; see each module's header before changing behaviour.
export { generateSigningKeyPair, isUsableSigningKey, SIGNING_KEY_ALGORITHM } from './keys';
export {
  createCertificationRequest,
  createRootCertificate,
  createSelfSignedCertificate,
  isCertificateAuthority,
  isSelfDeclared,
  isSelfSigned,
  issueCertificate,
  NOT_ORGANISATION_VERIFIED,
  readPartyName,
} from './certificates';
export type { IssueOptions, PartyName, ValidityOptions } from './certificates';
export {
  CertificateFormatError,
  certificateToDer,
  certificateToPem,
  derToPem,
  parseCertificate,
  parseCertificationRequest,
  pemToDer,
  requestToPem,
} from './pem';
export { countersignPdf, signPdf } from './sign';
export type { SignPdfOptions } from './sign';
export { PdfStructureError } from './pdf-syntax';
