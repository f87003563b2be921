// WARNING: verification API. It decides what a reviewer is told about a signed summary.
export { verifyPdf } from './verify';
export type { ChainStatus, SignatureReport, VerifyOptions, VerifyReport } from './verify';
