/**
 * The languages this copy of Homeward offers. Adding a language is: its files under
 * locales/<code>/ and src/instrument/definitions/<id>/v<N>/content/<code>.json, plus one
 * entry here. `reviewed` says whether a native speaker has checked the translation; an
 * unreviewed one is marked as such on screen (and in the PDF), because caseworkers
 * interview through interpreters and must know how far to trust the wording.
 */
export type TextDirection = 'ltr' | 'rtl';

export interface Language {
  /** BCP 47 tag, also the folder name under locales/ */
  code: string;
  /** The language's name in that language, so a reader can find their own. */
  label: string;
  dir: TextDirection;
  reviewed: boolean;
}

export const languages = [
  { code: 'en', label: 'English', dir: 'ltr', reviewed: true },
  // Machine-assisted translations, not yet checked by a native speaker: marked on screen.
  { code: 'vi', label: 'Tiếng Việt', dir: 'ltr', reviewed: false },
  { code: 'ro', label: 'Română', dir: 'ltr', reviewed: false },
  { code: 'sq', label: 'Shqip', dir: 'ltr', reviewed: false },
  { code: 'ti', label: 'ትግርኛ', dir: 'ltr', reviewed: false },
  { code: 'ar', label: 'العربية', dir: 'rtl', reviewed: false },
] as const satisfies readonly Language[];

export const defaultLanguage = 'en';

// Scripts written right to left, by primary subtag. Only consulted for a code that is not
// (yet) in `languages`, e.g. while a translator previews files before the entry is added.
const rtlPrimary = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

export function findLanguage(code: string): Language | undefined {
  const lower = code.toLowerCase();
  return languages.find((l) => l.code.toLowerCase() === lower);
}

export function isSupportedLanguage(code: string): boolean {
  return findLanguage(code) !== undefined;
}

/** Text direction of a language code; declared direction first, then the script's. */
export function directionOf(code: string): TextDirection {
  const declared = findLanguage(code);
  if (declared) return declared.dir;
  const primary = code.toLowerCase().split(/[-_]/)[0] ?? '';
  return rtlPrimary.has(primary) ? 'rtl' : 'ltr';
}

/**
 * The best offered language for a list of preferences (a saved choice, then the
 * browser's languages): an exact match, else a match on the primary subtag, else the default.
 */
export function pickLanguage(preferred: readonly (string | null | undefined)[]): string {
  for (const candidate of preferred) {
    if (!candidate) continue;
    const exact = findLanguage(candidate);
    if (exact) return exact.code;
    const primary = candidate.toLowerCase().split(/[-_]/)[0];
    const loose = languages.find((l) => l.code.toLowerCase().split('-')[0] === primary);
    if (loose) return loose.code;
  }
  return defaultLanguage;
}
