import { describe, expect, it } from 'vitest';
import { groupedFingerprint } from './fingerprint';

describe('groupedFingerprint', () => {
  it('groups hex by four in upper case, the last group shorter if need be', () => {
    expect(groupedFingerprint('ab12cd34ef')).toBe('AB12 CD34 EF');
    expect(groupedFingerprint('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef').split(' ')).toHaveLength(16);
  });
});
