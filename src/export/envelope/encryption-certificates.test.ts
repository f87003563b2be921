import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { createCertificationRequest, issueCertificate } from '../signing/certificates';
import { generateSigningKeyPair } from '../signing/keys';
import { CertificateFormatError } from '../signing/pem';
import { agreementKeyAttribute, issueEncryptionCertificate } from './encryption-certificates';
import { ECDH_P256 } from './kari';
import { HOMEWARD_OID } from './oids';
import { checkRecipientCertificate, isKeyAgreementOnly } from './recipient-certificate';
import { testRoot } from './test-pki';

const person = { cn: 'Dara Fictional', o: 'Fictional Shelter Network', role: 'caseworker' };

describe('encryption certificates issued beside signing certificates', () => {
  it('certify exactly the key the signed request names, for key agreement only, under the same name', async () => {
    const org = await testRoot(person.o);
    const signing = await generateSigningKeyPair();
    const agreement = await crypto.subtle.generateKey(ECDH_P256, false, ['deriveBits']);
    const request = await createCertificationRequest(signing, person, [await agreementKeyAttribute(agreement.publicKey)]);
    const options = { issuerCertificate: org.certificate, issuerKey: org.key };
    const signingCertificate = await issueCertificate(request, options);
    const encryption = await issueEncryptionCertificate(pkijs.CertificationRequest.fromBER(request.toSchema().toBER(false)), options);
    expect(encryption).not.toBeNull();
    if (encryption === null) return;
    expect(new Uint8Array(encryption.subjectPublicKeyInfo.toSchema().toBER(false))).toEqual(new Uint8Array(await crypto.subtle.exportKey('spki', agreement.publicKey)));
    expect(encryption.subject.isEqual(signingCertificate.subject)).toBe(true);
    expect(isKeyAgreementOnly(encryption)).toBe(true);
    expect(isKeyAgreementOnly(signingCertificate)).toBe(false);
    expect(await checkRecipientCertificate(encryption, [org.certificate], new Date())).toMatchObject({ ok: true });
    // The signing certificate is never a recipient.
    expect(await checkRecipientCertificate(signingCertificate, [org.certificate], new Date())).toEqual({ ok: false, problem: 'not-key-agreement' });
  });

  it('issues none for a request that names no key, and refuses the signing key named as the encryption key or a second key', async () => {
    const org = await testRoot(person.o);
    const signing = await generateSigningKeyPair();
    const options = { issuerCertificate: org.certificate, issuerKey: org.key };
    expect(await issueEncryptionCertificate(await createCertificationRequest(signing, person), options)).toBeNull();
    const same = await createCertificationRequest(signing, person, [new pkijs.Attribute({ type: HOMEWARD_OID.agreementKeyAttribute, values: [asn1js.fromBER(await crypto.subtle.exportKey('spki', signing.publicKey)).result] })]);
    await expect(issueEncryptionCertificate(same, options)).rejects.toBeInstanceOf(CertificateFormatError);
    const two = await crypto.subtle.generateKey(ECDH_P256, false, ['deriveBits']);
    const attribute = await agreementKeyAttribute(two.publicKey);
    const doubled = await createCertificationRequest(signing, person, [attribute, attribute]);
    await expect(issueEncryptionCertificate(doubled, options)).rejects.toBeInstanceOf(CertificateFormatError);
  });

  it('the recipient check refuses an expired certificate, an untrusted root and a root that has expired', async () => {
    const org = await testRoot(person.o);
    const other = await testRoot('Another Fictional Network');
    const recipient = await org.issueEncryption({ cn: 'Sam' });
    const later = new Date(Date.now() + 3 * 365 * 86_400_000);
    expect(await checkRecipientCertificate(recipient.certificate, [org.certificate], later)).toEqual({ ok: false, problem: 'expired' });
    expect(await checkRecipientCertificate(recipient.certificate, [other.certificate], new Date())).toEqual({ ok: false, problem: 'not-trusted' });
    const old = await testRoot(person.o, new Date(Date.now() - 3650 * 86_400_000 - 86_400_000));
    const late = await old.issueEncryption({ cn: 'Sam' }, { now: new Date() });
    expect(await checkRecipientCertificate(late.certificate, [old.certificate], new Date())).toEqual({ ok: false, problem: 'root-expired' });
  });
});
