import { describe, expect, it } from 'vitest';
import { passphraseStrength, retryDelayMs } from './passphrase-rules';

describe('passphrase rules', () => {
  it('refuses under 8 characters and recommends at least 12, counting characters not bytes', () => {
    expect(passphraseStrength('')).toBe('empty');
    expect(passphraseStrength('1234567')).toBe('tooShort');
    expect(passphraseStrength('12345678')).toBe('short');
    expect(passphraseStrength('12345678901')).toBe('short');
    expect(passphraseStrength('123456789012')).toBe('good');
    expect(passphraseStrength('ሰላም ሰላም ሰላም ሰላም')).toBe('good');
    expect(passphraseStrength('𝒜𝒜𝒜𝒜𝒜𝒜𝒜')).toBe('tooShort');
  });

  it('doubles the wait after each wrong passphrase, never beyond 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50].map(retryDelayMs)).toEqual([0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });
});
