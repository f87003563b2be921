import { describe, expect, it } from 'vitest';
import {
  createCertificationRequest,
  createRootCertificate,
  createSelfSignedCertificate,
  isSelfDeclared,
  isSelfSigned,
  issueCertificate,
  readPartyName,
} from './certificates';
import { generateSigningKeyPair } from './keys';
import { CertificateFormatError, certificateToDer, certificateToPem, parseCertificate, parseCertificationRequest, requestToPem } from './pem';

const org = 'Homeward Test Org';

describe('certificates', () => {
  it('self-signed caseworker identity names CN and O and is marked as not organisation-verified', async () => {
    const keys = await generateSigningKeyPair();
    const cert = await createSelfSignedCertificate(keys, { cn: 'Amara Okafor', o: org });
    const parsed = parseCertificate(certificateToPem(cert));
    expect(readPartyName(parsed.subject)).toMatchObject({ cn: 'Amara Okafor', o: org });
    expect(isSelfDeclared(parsed)).toBe(true);
    expect(await isSelfSigned(parsed)).toBe(true);
  });

  it('a root issues a caseworker certificate from a PKCS#10 request exchanged as PEM', async () => {
    const rootKeys = await generateSigningKeyPair();
    const root = await createRootCertificate(rootKeys, { cn: 'Homeward Test Root CA', o: org });
    const workerKeys = await generateSigningKeyPair();
    const requestPem = requestToPem(await createCertificationRequest(workerKeys, { cn: 'Lê Thị Hoa', o: org }));
    const issued = await issueCertificate(parseCertificationRequest(requestPem), { issuerCertificate: root, issuerKey: rootKeys.privateKey, validityDays: 30 });
    const parsed = parseCertificate(certificateToDer(issued));
    expect(readPartyName(parsed.subject)).toMatchObject({ cn: 'Lê Thị Hoa', o: org, ou: '' });
    expect(isSelfDeclared(parsed)).toBe(false);
    expect(await parsed.verify(root)).toBe(true);
    expect(parsed.issuer.isEqual(root.subject)).toBe(true);
    expect(parsed.notAfter.value.getTime() - parsed.notBefore.value.getTime()).toBeLessThan(31 * 86_400_000);
  });

  it('refuses a request changed after it was signed', async () => {
    const rootKeys = await generateSigningKeyPair();
    const root = await createRootCertificate(rootKeys, { cn: 'Root', o: org });
    const request = await createCertificationRequest(await generateSigningKeyPair(), { cn: 'Mallory', o: org });
    const der = certificateToDer(request);
    const at = new TextDecoder('latin1').decode(der).indexOf('Mallory');
    der[at] = 'N'.charCodeAt(0); // the name was changed after the requester signed it
    const tampered = parseCertificationRequest(der);
    await expect(issueCertificate(tampered, { issuerCertificate: root, issuerKey: rootKeys.privateKey })).rejects.toThrow(CertificateFormatError);
  });

  it('refuses to issue with a non-CA certificate', async () => {
    const keys = await generateSigningKeyPair();
    const notCa = await createSelfSignedCertificate(keys, { cn: 'Not a CA', o: org });
    const request = await createCertificationRequest(await generateSigningKeyPair(), { cn: 'X', o: org });
    await expect(issueCertificate(request, { issuerCertificate: notCa, issuerKey: keys.privateKey })).rejects.toThrow(/not a certificate authority/);
  });

  it.each([
    ['empty bytes', new Uint8Array()],
    ['random text', 'hello'],
    ['wrong PEM label', '-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----\n'],
    ['bad base64', '-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n'],
    ['valid DER, not a certificate', new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01])],
    ['truncated DER', new Uint8Array([0x30, 0x82, 0x01, 0x00, 0x02])],
  ] as const)('refuses %s with a CertificateFormatError', (_label, input) => {
    expect(() => parseCertificate(input)).toThrow(CertificateFormatError);
  });

  it('refuses trailing bytes after a certificate', async () => {
    const cert = await createSelfSignedCertificate(await generateSigningKeyPair(), { cn: 'A', o: org });
    const der = certificateToDer(cert);
    const padded = new Uint8Array(der.length + 1);
    padded.set(der);
    expect(() => parseCertificate(padded)).toThrow(/unexpected bytes/);
  });
});
