// WARNING: verification API. It decides what a reviewer is told about a signed file
// (docs/adr/0006-verification-model.md).
export { verifyPdf, pdfDateToDate } from './verify';
export type { VerifyOptions, VerifyResult } from './verify';
export { Budget, LIMITS, VerifyLimitError } from './limits';
export { cleanName, hasBidiControls, BIDI_CONTROLS } from './names';
export type {
  AfterSignature,
  ChangeKind,
  DocumentChange,
  FileVerdict,
  ProblemCode,
  SignatureReport,
  SignerName,
  TrustedRootInfo,
  TrustProblem,
  TrustReport,
  VerifyProblem,
  VerifyReport,
} from './report';
