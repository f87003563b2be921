import { IdentityImportError, MAX_CERTIFICATE_FILE_BYTES } from './identity-service';

/** The text of a chosen certificate file; refuses anything too large to be one before reading it. */
export async function readCertificateFile(file: File): Promise<string> {
  if (file.size > MAX_CERTIFICATE_FILE_BYTES) throw new IdentityImportError('too-large');
  return file.text();
}
