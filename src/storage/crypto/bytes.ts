/**
 * WARNING: byte helpers for the stored crypto records. A regression can make keys or
 * envelopes unreadable.
 *
 * Stored bytes are kept as Uint8Array (IndexedDB structured clone; no base64 overhead).
 * What comes back from storage is untrusted: `bytes()` checks type and length, and
 * `copy()` returns a fresh ArrayBuffer-backed array that WebCrypto accepts as BufferSource.
 */
import { z } from '../../instrument/schema/zod';

export function bytes(length?: { min?: number; exact?: number }) {
  return z.custom<Uint8Array>((value) => {
    if (!(value instanceof Uint8Array)) return false;
    if (length?.exact !== undefined && value.byteLength !== length.exact) return false;
    if (length?.min !== undefined && value.byteLength < length.min) return false;
    return true;
  });
}

export function copy(source: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(source);
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Bytes as base64 text, for binary kept inside a sealed JSON record. */
export function toBase64(data: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
