/**
 * The word typed to confirm an erase. Compared after Unicode normalisation (NFC), trimming and
 * lower-casing, so the on-screen keyboard's auto-capitalisation or a trailing space never blocks
 * a caseworker in a hurry, while a wrong or half-typed word never enables the button.
 */
function normalise(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase();
}

export function matchesConfirmWord(typed: string, word: string): boolean {
  const expected = normalise(word);
  return expected !== '' && normalise(typed) === expected;
}
