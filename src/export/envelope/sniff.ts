/**
 * A cheap first look, without pkijs: does this file start like a DER structure (a CMS file) rather
 * than a PDF? It decides only which reader gets the file; each reader checks everything itself.
 */
export function looksEncrypted(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x30 && (bytes[1] ?? 0) >= 0x80;
}
