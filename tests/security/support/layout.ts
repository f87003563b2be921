// Where a signature's pieces sit in the file, for attacks that edit bytes in place (same length,
// so every offset stays right) rather than append an update.
import * as asn1js from 'asn1js';
import { ascii, fromHex, latin1, toArrayBuffer } from '../../../src/export/signing/bytes';

export interface SignatureLayout {
  /** Offsets of "[" and one past "]" of /ByteRange. */
  readonly byteRange: { readonly start: number; readonly end: number; readonly values: readonly number[] };
  /** Offsets of "<" and one past ">" of /Contents (the unsigned gap). */
  readonly contents: { readonly start: number; readonly end: number };
  /** The DER CMS in /Contents (without its zero padding). */
  readonly der: Uint8Array;
  /** Offset of "/SubFilter", or -1. */
  readonly subFilter: number;
}

/** The `nth` signature in file order (negative counts from the end). */
export function signatureLayout(bytes: Uint8Array, nth = -1): SignatureLayout {
  const text = latin1(bytes);
  const starts = [...text.matchAll(/\/ByteRange\s*\[/g)].map((match) => match.index);
  const at = starts.at(nth);
  if (at === undefined) throw new Error('no /ByteRange');
  const start = text.indexOf('[', at);
  const end = text.indexOf(']', start) + 1;
  const values = text.slice(start + 1, end - 1).trim().split(/\s+/).map(Number);
  const key = text.indexOf('/Contents', end);
  const cStart = text.indexOf('<', key);
  const cEnd = text.indexOf('>', cStart) + 1;
  const hex = fromHex(text.slice(cStart + 1, cEnd - 1)) ?? new Uint8Array();
  const { offset } = asn1js.fromBER(toArrayBuffer(hex));
  const subFilter = text.indexOf('/SubFilter', text.lastIndexOf('<<', at));
  return {
    byteRange: { start, end, values },
    contents: { start: cStart, end: cEnd },
    der: hex.subarray(0, Math.max(0, offset)),
    subFilter: subFilter !== -1 && subFilter < cEnd ? subFilter : -1,
  };
}

/** A copy of `bytes` with `replacement` written at `at`, padded with spaces to `width`. */
export function overwrite(bytes: Uint8Array, at: number, width: number, replacement: string): Uint8Array {
  if (replacement.length > width) throw new Error(`"${replacement.slice(0, 40)}…" does not fit ${width} bytes`);
  const out = bytes.slice();
  out.set(ascii(replacement.padEnd(width, ' ')), at);
  return out;
}

/** Rewrites the numbers of /ByteRange in place (same width, so offsets do not move). */
export function rewriteByteRange(bytes: Uint8Array, layout: SignatureLayout, values: readonly (number | string)[]): Uint8Array {
  const width = layout.byteRange.end - layout.byteRange.start;
  const body = `[${values.join(' ')}`;
  return overwrite(bytes, layout.byteRange.start, width, `${body.padEnd(width - 1, ' ')}]`);
}
