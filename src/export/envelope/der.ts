// WARNING: the first look at a hostile file. It walks every tag and length of the DER without
// building anything, so that a file whose lengths lie (declared sizes past its end, a shorter
// outer length than its contents, indefinite or non-minimal lengths) or whose nesting or element
// count is absurd is refused before any parser or any cryptography sees it. asn1js alone accepts
// some of these (a sequence whose declared length is shorter than its contents).
import { EnvelopeError } from './errors';

export interface DerLimits {
  /** Deepest nesting of constructed elements. */
  readonly depth: number;
  /** Elements counted outside primitive contents. */
  readonly nodes: number;
}

/** Reads one tag and length at `at`; returns where the contents start and end. */
function header(bytes: Uint8Array, at: number, limit: number): { constructed: boolean; start: number; end: number } {
  const first = bytes[at];
  if (first === undefined) throw new EnvelopeError('malformed', 'cut short inside a tag');
  let pos = at + 1;
  if ((first & 0x1f) === 0x1f) {
    // High tag number: base-128, at most 4 bytes, no leading zero group.
    let count = 0;
    for (;;) {
      const byte = bytes[pos++];
      count += 1;
      if (byte === undefined || count > 4 || (count === 1 && byte === 0x80)) throw new EnvelopeError('malformed', 'a tag number is not DER');
      if ((byte & 0x80) === 0) break;
    }
  }
  const lengthByte = bytes[pos++];
  if (lengthByte === undefined) throw new EnvelopeError('malformed', 'cut short inside a length');
  let length = lengthByte;
  if (lengthByte === 0x80) throw new EnvelopeError('malformed', 'an indefinite length is not DER');
  if (lengthByte > 0x80) {
    const count = lengthByte & 0x7f;
    if (count > 4) throw new EnvelopeError('malformed', 'a declared size past any file');
    length = 0;
    for (let i = 0; i < count; i += 1) {
      const byte = bytes[pos++];
      if (byte === undefined) throw new EnvelopeError('malformed', 'cut short inside a length');
      if (i === 0 && byte === 0) throw new EnvelopeError('malformed', 'a length is not minimal');
      length = length * 256 + byte;
    }
    if (length < 0x80) throw new EnvelopeError('malformed', 'a length is not minimal');
  }
  const end = pos + length;
  if (end > limit) throw new EnvelopeError('malformed', `a declared size (${String(length)} bytes) runs past its container`);
  return { constructed: (first & 0x20) !== 0, start: pos, end };
}

/**
 * Checks that `bytes` is exactly one DER element whose every length fits its container, within
 * `limits`. Linear in the number of elements, which `limits.nodes` bounds. Throws EnvelopeError
 * ('malformed' or 'too-complex').
 */
export function checkDer(bytes: Uint8Array, limits: DerLimits): void {
  const ends: number[] = [bytes.length];
  let pos = 0;
  let nodes = 0;
  let top = 0;
  for (;;) {
    // Close every container that ends here.
    while (ends.length > 1 && pos === ends[ends.length - 1]) ends.pop();
    if (ends.length === 1 && pos === bytes.length) break;
    if (ends.length === 1 && (top += 1) > 1) throw new EnvelopeError('malformed', 'bytes after the end');
    nodes += 1;
    if (nodes > limits.nodes) throw new EnvelopeError('too-complex', `more than ${String(limits.nodes)} elements`);
    const { constructed, start, end } = header(bytes, pos, ends[ends.length - 1] ?? bytes.length);
    if (constructed && end > start) {
      if (ends.length > limits.depth) throw new EnvelopeError('too-complex', `nested deeper than ${String(limits.depth)}`);
      ends.push(end);
      pos = start;
    } else {
      pos = end;
    }
  }
}
