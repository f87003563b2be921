import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, isUsableSigningKey } from './keys';

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
});
