import { describe, expect, it } from 'vitest';
import { matchesConfirmWord } from './confirm-word';

describe('the erase confirmation word', () => {
  it('accepts the word whatever its case and surrounding spaces', () => {
    expect(matchesConfirmWord('ERASE', 'ERASE')).toBe(true);
    expect(matchesConfirmWord(' erase ', 'ERASE')).toBe(true);
    expect(matchesConfirmWord('Xóa'.normalize('NFD'), 'XÓA')).toBe(true);
  });

  it('refuses anything else, and never an empty word', () => {
    expect(matchesConfirmWord('ERAS', 'ERASE')).toBe(false);
    expect(matchesConfirmWord('ERASE!', 'ERASE')).toBe(false);
    expect(matchesConfirmWord('', '')).toBe(false);
    expect(matchesConfirmWord('  ', ' ')).toBe(false);
  });
});
