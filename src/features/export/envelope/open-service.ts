/** What the verify screen loads when an encrypted file comes (pkijs with it). */
import type * as pkijs from 'pkijs';
import { readPartyName } from '../../../export/signing/certificates';
import { cleanName } from '../../../export/verify/names';

export { encryptionService } from './encryption-service';

/** The person an opened file was encrypted for (this device's certificate), direction controls removed. */
export function describeRecipientName(certificate: pkijs.Certificate): string {
  return cleanName(readPartyName(certificate.subject).cn).text;
}
