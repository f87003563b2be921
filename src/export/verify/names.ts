/**
 * Names from certificates are shown to reviewers. Bidirectional control characters (RLO, LRI, …)
 * would let "Supervisor\u202Efdp.exe" render as something the certificate does not say, so they
 * are removed before display and reported, and refused outright in certificate requests
 * (src/export/signing/certificates.ts uses BIDI_CONTROLS too). Other control characters, which
 * no name needs, are removed as well.
 */

/** LRM, RLM, ALM, LRE…RLO, LRI…PDI. */
export const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;
/**
 * Other invisible format characters no name needs: zero-width space, word joiner and invisible
 * operators, byte-order mark, soft hyphen, Mongolian vowel separator. (ZWJ and ZWNJ stay: some
 * scripts need them to write names correctly.)
 */
const INVISIBLE = /[\u200B\u2060-\u2064\uFEFF\u00AD\u180E]/gu;
/** C0 and C1 control characters (and DEL): never part of a name. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

export interface CleanName {
  readonly text: string;
  /** True when bidirectional controls or invisible format characters were removed (show a warning). */
  readonly hadControls: boolean;
}

export function cleanName(raw: string): CleanName {
  const withoutBidi = raw.replace(BIDI_CONTROLS, '').replace(INVISIBLE, '');
  const visible = [...withoutBidi].map((char) => (isControl(char) ? ' ' : char)).join('');
  return { text: visible.trim(), hadControls: withoutBidi.length !== raw.length };
}

export function hasBidiControls(text: string): boolean {
  return new RegExp(BIDI_CONTROLS.source, 'u').test(text);
}
