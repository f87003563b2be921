/**
 * Languages a person being returned commonly speaks (instrument outline §5: source and
 * transit countries of the seed report). Any other language can be typed in.
 */
export const commonLanguageCodes = [
  'en', 'fr', 'es', 'pt', 'ar', 'fa', 'prs', 'ps', 'ur', 'hi', 'bn', 'pa', 'ne', 'ti', 'am', 'om', 'so', 'sw',
  'ha', 'yo', 'ig', 'tw', 'vi', 'th', 'tl', 'zh', 'ro', 'bg', 'sq', 'uk', 'ru', 'pl', 'tr', 'ku', 'ckb',
] as const;

/** A language's name in the UI language, from the browser; the code itself if it has none. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export interface LanguageOption {
  code: string;
  name: string;
}

const optionsByUiLanguage = new Map<string, readonly LanguageOption[]>();

/**
 * The common languages named and sorted in the UI language, computed once per UI language:
 * naming 35 languages and sorting them by name is slow enough on a cheap phone to delay every
 * keystroke of the verbatim answer that shows the picker.
 */
export function commonLanguageOptions(uiLanguage: string): readonly LanguageOption[] {
  const known = optionsByUiLanguage.get(uiLanguage);
  if (known) return known;
  const collator = new Intl.Collator(uiLanguage);
  const options = commonLanguageCodes
    .map((code) => ({ code, name: languageName(code, uiLanguage) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  optionsByUiLanguage.set(uiLanguage, options);
  return options;
}

export const isCommonLanguage = (code: string): boolean => (commonLanguageCodes as readonly string[]).includes(code);
