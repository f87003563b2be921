/**
 * Remembers the caseworker's UI language on this device. A language code is not personal,
 * and it must be known before storage is unlocked (to render the first screen), so it lives
 * in localStorage rather than the encrypted database.
 */
const key = 'homeward.uiLanguage';

export function readLanguagePreference(): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked (private mode, policy): fall back to the browser's languages
  }
}

export function writeLanguagePreference(code: string): void {
  try {
    localStorage.setItem(key, code);
  } catch {
    // Not remembering the choice is harmless; the switcher still works for this session.
  }
}
