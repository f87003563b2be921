import { describe, expect, it } from 'vitest';
import { commonLanguageCodes, commonLanguageOptions, languageName } from './language-codes';

describe('commonLanguageOptions', () => {
  it('names every common language in the UI language and sorts them by that name', () => {
    const options = commonLanguageOptions('en');
    expect(options.map((o) => o.code).sort()).toEqual([...commonLanguageCodes].sort());
    expect(options.find((o) => o.code === 'ti')?.name).toBe(languageName('ti', 'en'));
    const names = options.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('computes each UI language once (the picker re-renders on every keystroke)', () => {
    expect(commonLanguageOptions('ro')).toBe(commonLanguageOptions('ro'));
    expect(commonLanguageOptions('ro')).not.toBe(commonLanguageOptions('en'));
    const romanian = commonLanguageOptions('ro').map((o) => o.name);
    expect(romanian).toContain(languageName('sq', 'ro'));
    expect(romanian).toEqual([...romanian].sort((a, b) => a.localeCompare(b, 'ro')));
  });
});
