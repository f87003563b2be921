/** "AB12 CD34 EF56 …": a hex fingerprint in groups of four, upper case, for reading aloud and comparing. */
export function groupedFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
