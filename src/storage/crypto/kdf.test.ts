import { describe, expect, it } from 'vitest';
import { KdfParamsError } from './errors';
import { checkKdfParams, deriveKek, newKdfParams, DEFAULT_ITERATIONS, MAX_ITERATIONS, MIN_ITERATIONS, type KdfParams } from './kdf';

const salt = () => new Uint8Array(16).fill(7);
const good = (): KdfParams => ({ alg: 'PBKDF2-SHA256', iterations: 600_000, salt: salt(), v: 1 });

function problem(raw: unknown): string {
  try {
    checkKdfParams(raw);
  } catch (error) {
    if (error instanceof KdfParamsError) return error.problem;
    throw error;
  }
  return 'accepted';
}

describe('KDF parameters', () => {
  it('defaults to OWASP PBKDF2-SHA256 600,000 with a fresh random 16-byte salt', () => {
    const a = newKdfParams();
    const b = newKdfParams();
    expect([DEFAULT_ITERATIONS, MIN_ITERATIONS, MAX_ITERATIONS]).toEqual([600_000, 600_000, 2_000_000]);
    expect(a).toMatchObject({ alg: 'PBKDF2-SHA256', iterations: 600_000, v: 1 });
    expect(a.salt).toBeInstanceOf(Uint8Array);
    expect(a.salt.byteLength).toBe(16);
    expect(a.salt).not.toEqual(b.salt);
  });

  it('accepts the minimum, the maximum and anything between', () => {
    expect(problem(good())).toBe('accepted');
    expect(problem({ ...good(), iterations: 2_000_000 })).toBe('accepted');
    expect(newKdfParams(1_000_000).iterations).toBe(1_000_000);
  });

  it('refuses weaker parameters (downgrade protection)', () => {
    expect(problem({ ...good(), iterations: 599_999 })).toBe('too-weak');
    expect(problem({ ...good(), iterations: 310_000 })).toBe('too-weak');
    expect(problem({ ...good(), iterations: 1 })).toBe('too-weak');
    expect(problem({ ...good(), salt: new Uint8Array(8) })).toBe('too-weak');
    expect(() => newKdfParams(100_000)).toThrow(KdfParamsError);
  });

  it('refuses absurd iteration counts', () => {
    expect(problem({ ...good(), iterations: 2_000_001 })).toBe('too-costly');
    expect(problem({ ...good(), iterations: Number.MAX_SAFE_INTEGER })).toBe('too-costly');
  });

  it('refuses unknown algorithms and versions', () => {
    expect(problem({ ...good(), alg: 'PBKDF2-SHA1' })).toBe('unknown');
    expect(problem({ ...good(), alg: 'ARGON2ID' })).toBe('unknown');
    expect(problem({ ...good(), v: 2 })).toBe('unknown');
  });

  it('refuses malformed parameters', () => {
    for (const raw of [
      null,
      'PBKDF2',
      { ...good(), iterations: '600000' },
      { ...good(), iterations: 600_000.5 },
      { ...good(), iterations: Number.NaN },
      { ...good(), salt: Array.from(salt()) },
      { ...good(), salt: new Uint8Array(32) },
      { ...good(), extra: true },
      { alg: 'PBKDF2-SHA256', iterations: 600_000, v: 1 },
    ]) {
      expect(problem(raw), JSON.stringify(raw)).toBe('malformed');
    }
  });

  it('derives a non-extractable wrapping key, the same for the same passphrase in any Unicode form', async () => {
    const params = good();
    const composed = await deriveKek('Parolă-ș', params); // NFC
    const decomposed = await deriveKek('Parolă-ș'.normalize('NFD'), params);
    const other = await deriveKek('Parolă-s', params);
    expect(composed.extractable).toBe(false);
    expect(composed.usages.sort()).toEqual(['unwrapKey', 'wrapKey']);
    await expect(crypto.subtle.exportKey('raw', composed)).rejects.toThrow();

    const dek = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
    const iv = new Uint8Array(12);
    const wrapped = await crypto.subtle.wrapKey('raw', dek, composed, { name: 'AES-GCM', iv });
    const unwrap = (kek: CryptoKey) =>
      crypto.subtle.unwrapKey('raw', wrapped, kek, { name: 'AES-GCM', iv }, 'AES-GCM', false, ['encrypt']);
    await expect(unwrap(decomposed)).resolves.toBeDefined();
    await expect(unwrap(other)).rejects.toThrow();
  });

  it('refuses to derive with weak parameters even when handed them directly', async () => {
    await expect(deriveKek('x', { ...good(), iterations: 1_000 })).rejects.toBeInstanceOf(KdfParamsError);
  });
});
