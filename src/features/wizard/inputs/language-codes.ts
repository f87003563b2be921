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

export const isCommonLanguage = (code: string): boolean => (commonLanguageCodes as readonly string[]).includes(code);
