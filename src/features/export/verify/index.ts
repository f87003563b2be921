/** The verify screen (`#/verify`): check a signed summary, read its assessment, countersign it. */
export { VerifyScreen } from './verify-screen';
