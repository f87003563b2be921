// WARNING: signing code. These helpers compute the byte offsets that a PDF signature covers; an
// off-by-one here makes every signature invalid (or, worse, leaves bytes unsigned). Keep them tested.

const encoder = new TextEncoder();

/** Latin-1 / ASCII bytes of a string made only of code points below 256 (PDF syntax, not text). */
export function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0xff) throw new RangeError('PDF syntax must be 8-bit; encode text as a hex string.');
    out[i] = code;
  }
  return out;
}

/** Bytes → string, one char per byte (lossless for PDF syntax). */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  for (let i = start; i < end; i += 0x2000) {
    out += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 0x2000)));
  }
  return out;
}

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** First index of `needle` in `haystack` at or after `from`, or -1. */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  if (first === undefined) return -1;
  const last = haystack.length - needle.length;
  outer: for (let i = Math.max(0, from); i <= last; i += 1) {
    if (haystack[i] !== first) continue;
    for (let j = 1; j < needle.length; j += 1) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/** Last index of `needle` starting at or before `before`, or -1. */
export function lastIndexOfBytes(haystack: Uint8Array, needle: Uint8Array, before = haystack.length - needle.length): number {
  outer: for (let i = Math.min(before, haystack.length - needle.length); i >= 0; i -= 1) {
    for (let j = 0; j < needle.length; j += 1) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

const HEX = '0123456789abcdef';

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += (HEX[byte >> 4] ?? '') + (HEX[byte & 15] ?? '');
  return out;
}

/** Strict hex → bytes (even length, [0-9a-fA-F] only); returns null on anything else. */
export function fromHex(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** A fresh ArrayBuffer holding exactly these bytes (WebCrypto, asn1js and pkijs want ArrayBuffer). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', toArrayBuffer(data)));
}
