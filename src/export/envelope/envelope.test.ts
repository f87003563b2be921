/**
 * Encrypted files (issue 16, item 3): made by the app, opened by the app and by OpenSSL with a key
 * exported for this test only; OpenSSL's own files opened by the app; a file for someone else, a
 * flipped byte and a cut are refused with their reason. Hostile structures: envelope.hostile.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificateToPem } from '../signing/pem';
import { EnvelopeError } from './errors';
import { encryptForRecipient } from './make';
import { openEnvelope } from './open';
import { testRoot } from './test-pki';

const PDF = new TextEncoder().encode('%PDF-1.7\n% fictional signed file for the envelope tests\n%%EOF\n');

function pem(label: string, der: ArrayBuffer): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function openssl(args: readonly string[], cwd: string, input?: Buffer) {
  const result = spawnSync('openssl', args, { cwd, input });
  if (result.error) throw new Error(`openssl could not run: ${result.error.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EnvelopeError) return error.reason;
    throw error;
  }
  return 'opened';
}

describe('encrypted files', () => {
  it('the recipient opens what the app encrypted for them, and gets the same bytes', async () => {
    const org = await testRoot('Fictional Shelter Network');
    const recipient = await org.issueEncryption({ cn: 'Sam Supervisorfictional', role: 'supervisor' });
    const file = await encryptForRecipient(PDF, recipient.certificate);
    const opened = await openEnvelope(file, [{ certificate: recipient.certificate, privateKey: recipient.keys.privateKey }]);
    expect(opened.content).toEqual(PDF);
    expect(opened.recipient).toBe(recipient.certificate);
    // The plaintext is nowhere in the file.
    expect(Buffer.from(file).includes(Buffer.from('fictional signed file'))).toBe(false);
  });

  it('OpenSSL opens it with the recipient certificate and a key exported for this test only', async () => {
    const org = await testRoot('Fictional Shelter Network');
    // Extractable ONLY here: the app never exports an encryption key.
    const recipient = await org.issueEncryption({ cn: 'Ola Partnerfictional', role: 'partner' }, { extractable: true });
    const dir = mkdtempSync(join(tmpdir(), 'homeward-envelope-'));
    writeFileSync(join(dir, 'f'), await encryptForRecipient(PDF, recipient.certificate));
    writeFileSync(join(dir, 'cert.pem'), certificateToPem(recipient.certificate));
    writeFileSync(join(dir, 'key.pem'), pem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', recipient.keys.privateKey)));
    const result = openssl(['cms', '-decrypt', '-inform', 'DER', '-in', 'f', '-recip', 'cert.pem', '-inkey', 'key.pem'], dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(new Uint8Array(result.stdout)).toEqual(PDF);
    // What OpenSSL sees: AuthEnvelopedData, ECDH with the SHA-256 KDF, AES-256 key wrap and GCM.
    const structure = openssl(['asn1parse', '-inform', 'DER', '-in', 'f'], dir).stdout.toString('utf8');
    for (const name of ['id-smime-ct-authEnvelopedData', 'dhSinglePass-stdDH-sha256kdf-scheme', 'id-aes256-wrap', 'aes-256-gcm']) expect(structure).toContain(name);
    // The wrong key: OpenSSL refuses too.
    const other = await org.issueEncryption({ cn: 'Someone Else' }, { extractable: true });
    writeFileSync(join(dir, 'other.pem'), pem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', other.keys.privateKey)));
    expect(openssl(['cms', '-decrypt', '-inform', 'DER', '-in', 'f', '-recip', 'cert.pem', '-inkey', 'other.pem'], dir).status).not.toBe(0);
  });

  it('the app opens what `openssl cms -encrypt -aes-256-gcm` made for its certificate (SHA-1 and SHA-256 KDF)', async () => {
    const org = await testRoot('Fictional Shelter Network');
    const recipient = await org.issueEncryption({ cn: 'Sam Supervisorfictional' });
    const dir = mkdtempSync(join(tmpdir(), 'homeward-envelope-'));
    writeFileSync(join(dir, 'cert.pem'), certificateToPem(recipient.certificate));
    writeFileSync(join(dir, 'in.pdf'), PDF);
    const made = openssl(['cms', '-encrypt', '-aes-256-gcm', '-binary', '-in', 'in.pdf', '-outform', 'DER', '-out', 'sha256.p7m', '-recip', 'cert.pem', '-keyopt', 'ecdh_kdf_md:sha256'], dir);
    expect(made.stderr).toBe('');
    const opened = await openEnvelope(readFileSync(join(dir, 'sha256.p7m')), [{ certificate: recipient.certificate, privateKey: recipient.keys.privateKey }]);
    expect(opened.content).toEqual(PDF);
    // OpenSSL's default KDF hash is SHA-1: a method Homeward does not accept, said as such.
    openssl(['cms', '-encrypt', '-aes-256-gcm', '-binary', '-in', 'in.pdf', '-outform', 'DER', '-out', 'sha1.p7m', '-recip', 'cert.pem'], dir);
    expect(await reason(openEnvelope(readFileSync(join(dir, 'sha1.p7m')), [{ certificate: recipient.certificate, privateKey: recipient.keys.privateKey }]))).toBe('unsupported');
    // Unauthenticated EnvelopedData (AES-CBC): refused, whatever the key.
    openssl(['cms', '-encrypt', '-aes256', '-binary', '-in', 'in.pdf', '-outform', 'DER', '-out', 'cbc.p7m', '-recip', 'cert.pem', '-keyopt', 'ecdh_kdf_md:sha256'], dir);
    expect(await reason(openEnvelope(readFileSync(join(dir, 'cbc.p7m')), [{ certificate: recipient.certificate, privateKey: recipient.keys.privateKey }]))).toBe('unsupported');
  });

  it('a file for someone else is refused as such, and names whom it is for; no key at all is said too', async () => {
    const org = await testRoot('Fictional Shelter Network');
    const recipient = await org.issueEncryption({ cn: 'Sam Supervisorfictional' });
    const third = await org.issueEncryption({ cn: 'Tam Thirdfictional' });
    const file = await encryptForRecipient(PDF, recipient.certificate);
    const refusal = await openEnvelope(file, [{ certificate: third.certificate, privateKey: third.keys.privateKey }]).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(EnvelopeError);
    expect((refusal as EnvelopeError).reason).toBe('not-for-you');
    expect((refusal as EnvelopeError).intendedFor).toHaveLength(1);
    expect(Buffer.from((refusal as EnvelopeError).intendedFor[0]?.serial ?? []).equals(Buffer.from(recipient.certificate.serialNumber.valueBlock.valueHexView))).toBe(true);
    expect(await reason(openEnvelope(file, []))).toBe('no-key');
    // A third party's key under the recipient's certificate (a forged address book entry): the key does not unwrap.
    expect(await reason(openEnvelope(file, [{ certificate: recipient.certificate, privateKey: third.keys.privateKey }]))).toBe('damaged');
  });

  it('every flipped byte and every cut is refused with a reason, never opened', async () => {
    const org = await testRoot('Fictional Shelter Network');
    const recipient = await org.issueEncryption({ cn: 'Sam Supervisorfictional' });
    const file = await encryptForRecipient(PDF, recipient.certificate);
    const keys = [{ certificate: recipient.certificate, privateKey: recipient.keys.privateKey }];
    const seen = new Set<string>();
    for (let at = 0; at < file.length; at += 1) {
      const flipped = file.slice();
      flipped[at] = (flipped[at] ?? 0) ^ 0x01;
      const outcome = await reason(openEnvelope(flipped, keys));
      expect(outcome, `byte ${String(at)} flipped`).not.toBe('opened');
      seen.add(outcome);
    }
    for (let length = 0; length < file.length; length += 7) {
      expect(await reason(openEnvelope(file.slice(0, length), keys)), `cut to ${String(length)} bytes`).not.toBe('opened');
    }
    expect(await reason(openEnvelope(file.slice(0, -1), keys))).toBe('malformed');
    // The ciphertext and the tag are authenticated; the recipient's name decides the address.
    expect(seen).toContain('damaged');
    expect(seen).toContain('not-for-you');
  });

  it('refuses authentic content that is not a PDF', async () => {
    const org = await testRoot('Fictional Shelter Network');
    const recipient = await org.issueEncryption({ cn: 'Sam Supervisorfictional' });
    const file = await encryptForRecipient(new TextEncoder().encode('<html>not a signed file</html>'), recipient.certificate);
    expect(await reason(openEnvelope(file, [{ certificate: recipient.certificate, privateKey: recipient.keys.privateKey }]))).toBe('not-a-pdf');
  });
});
