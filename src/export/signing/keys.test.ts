import { describe, expect, it } from 'vitest';
import { generateSealableSigningKeyPair, generateSigningKeyPair, isUsableSigningKey } from './keys';

describe('signing keys', () => {
  it('makes an ECDSA P-256 pair whose private key cannot be exported in any format', async () => {
    const { privateKey, publicKey } = await generateSigningKeyPair();
    expect(privateKey.extractable).toBe(false);
    expect(privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(isUsableSigningKey(privateKey)).toBe(true);
    for (const format of ['pkcs8', 'jwk'] as const) {
      await expect(crypto.subtle.exportKey(format, privateKey)).rejects.toThrow();
    }
    // The public key must stay exportable: certificates and requests embed it.
    await expect(crypto.subtle.exportKey('spki', publicKey)).resolves.toBeInstanceOf(ArrayBuffer);
  });

  it('makes a pair to be sealed: exportable as PKCS#8 once, and not accepted as a usable key until re-imported', async () => {
    const { privateKey, publicKey } = await generateSealableSigningKeyPair();
    expect(privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(privateKey.usages).toEqual(['sign']);
    expect(isUsableSigningKey(privateKey)).toBe(false);
    const pkcs8 = await crypto.subtle.exportKey('pkcs8', privateKey);
    const imported = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    expect(isUsableSigningKey(imported)).toBe(true);
    const message = new TextEncoder().encode('sealed and reopened');
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, imported, message);
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, signature, message)).toBe(true);
  });
});
