import { describe, expect, it } from 'vitest';
import { defaultLanguage, directionOf, findLanguage, languages, pickLanguage } from './languages';
import { contentNamespace } from '../instrument';
import { contentNamespaceOf, parseContentPath, parseLocalePath } from './resource-paths';

describe('languages', () => {
  it('declares each language once, with its own name, a direction and a review state', () => {
    const codes = languages.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain(defaultLanguage);
    for (const l of languages) {
      expect(l.label.trim()).not.toBe('');
      expect(['ltr', 'rtl']).toContain(l.dir);
      expect(typeof l.reviewed).toBe('boolean');
    }
  });

  it('gives the declared direction, or the script direction for a code not yet declared', () => {
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('EN')).toBe('ltr');
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('fa-IR')).toBe('rtl');
    expect(directionOf('ur_PK')).toBe('rtl');
    expect(directionOf('vi')).toBe('ltr');
  });

  it('picks a saved choice, then a browser language, matching on the primary subtag', () => {
    expect(pickLanguage(['en'])).toBe('en');
    expect(pickLanguage([null, 'en-GB'])).toBe('en');
    expect(pickLanguage(['xx', undefined, 'en-US'])).toBe('en');
    expect(pickLanguage([])).toBe(defaultLanguage);
    expect(pickLanguage(['zz'])).toBe(defaultLanguage);
    expect(findLanguage('EN')?.code).toBe('en');
  });
});

describe('resource paths', () => {
  it('reads the language and namespace of a UI locale file', () => {
    expect(parseLocalePath('/locales/en/ui.json')).toEqual({ lang: 'en', namespace: 'ui' });
    expect(parseLocalePath('/locales/pt-BR/wizard.json')).toEqual({ lang: 'pt-BR', namespace: 'wizard' });
    expect(parseLocalePath('/locales/en/readme.md')).toBeNull();
  });

  it('reads the instrument, version and language of a content file', () => {
    expect(parseContentPath('/src/instrument/definitions/homeward-return/v1/content/en.json')).toEqual({
      instrumentId: 'homeward-return',
      version: 1,
      lang: 'en',
    });
    expect(parseContentPath('/src/instrument/definitions/homeward-return/v12/content/ar.json')?.version).toBe(12);
    expect(parseContentPath('/src/instrument/definitions/homeward-return/v1/instrument.json')).toBeNull();
  });

  it('names instrument wording exactly as the instrument registry does', () => {
    expect(contentNamespaceOf({ instrumentId: 'homeward-return', version: 1 })).toBe(contentNamespace('homeward-return', 1));
    expect(contentNamespaceOf({ instrumentId: 'x-y', version: 12 })).toBe(contentNamespace('x-y', 12));
  });
});
