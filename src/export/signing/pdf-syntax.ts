// WARNING: signing code. This minimal PDF object reader/writer is used to append countersignatures
// and to verify signatures. A bug here can corrupt a signed file or make the verifier misread which
// bytes a signature covers. It deliberately supports only what Homeward needs and refuses the rest.
import { ascii, latin1, toHex } from './bytes';

/** The file is not a PDF this module can safely read or extend. `message` is human-readable. */
export class PdfStructureError extends Error {
  override name = 'PdfStructureError';
}

interface Span {
  /** Byte offsets in the source file; -1 for values built in code. */
  readonly start: number;
  readonly end: number;
}

export type PdfValue =
  | (Span & { readonly kind: 'null' })
  | (Span & { readonly kind: 'bool'; readonly value: boolean })
  | (Span & { readonly kind: 'num'; readonly value: number; readonly raw: string })
  | (Span & { readonly kind: 'name'; readonly value: string })
  | (Span & { readonly kind: 'string'; readonly bytes: Uint8Array })
  | (Span & { readonly kind: 'array'; readonly items: PdfValue[] })
  | (Span & { readonly kind: 'dict'; readonly entries: Map<string, PdfValue> })
  | (Span & { readonly kind: 'ref'; readonly num: number; readonly gen: number });

export type PdfDict = Extract<PdfValue, { kind: 'dict' }>;
export type PdfRef = Extract<PdfValue, { kind: 'ref' }>;

const BUILT = { start: -1, end: -1 } as const;
export const pdf = {
  num: (value: number): PdfValue => ({ ...BUILT, kind: 'num', value, raw: String(value) }),
  name: (value: string): PdfValue => ({ ...BUILT, kind: 'name', value }),
  ref: (num: number, gen = 0): PdfRef => ({ ...BUILT, kind: 'ref', num, gen }),
  array: (items: PdfValue[]): PdfValue => ({ ...BUILT, kind: 'array', items }),
  dict: (entries: Record<string, PdfValue>): PdfDict => ({ ...BUILT, kind: 'dict', entries: new Map(Object.entries(entries)) }),
  bytes: (bytes: Uint8Array): PdfValue => ({ ...BUILT, kind: 'string', bytes }),
  /** A text string (UTF-16BE with BOM), right for names and reasons in any language. */
  text: (text: string): PdfValue => {
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xfe;
    bytes[1] = 0xff;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      bytes[2 + i * 2] = code >> 8;
      bytes[3 + i * 2] = code & 0xff;
    }
    return { ...BUILT, kind: 'string', bytes };
  },
};

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const MAX_DEPTH = 64;

export function isWhitespace(byte: number | undefined): boolean {
  return byte !== undefined && WHITESPACE.has(byte);
}

function isRegular(byte: number | undefined): byte is number {
  return byte !== undefined && !WHITESPACE.has(byte) && !DELIMITERS.has(byte);
}

/** A cursor over PDF bytes that reads tokens and objects. Throws PdfStructureError on bad syntax. */
export class PdfReader {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
  ) {
    this.pos = start;
  }

  fail(what: string): never {
    throw new PdfStructureError(`${what} (at byte ${this.pos}).`);
  }

  skipSpace(): void {
    const { bytes } = this;
    while (this.pos < bytes.length) {
      const byte = bytes[this.pos];
      if (isWhitespace(byte)) this.pos += 1;
      else if (byte === 0x25) {
        while (this.pos < bytes.length && bytes[this.pos] !== 0x0a && bytes[this.pos] !== 0x0d) this.pos += 1;
      } else break;
    }
  }

  /** Reads a bare keyword or number token without consuming it unless `consume`. */
  peekWord(): string {
    this.skipSpace();
    let end = this.pos;
    while (isRegular(this.bytes[end])) end += 1;
    return latin1(this.bytes, this.pos, end);
  }

  expectWord(word: string): void {
    if (this.peekWord() !== word) this.fail(`Expected "${word}"`);
    this.pos += word.length;
  }

  readInteger(): number {
    const word = this.peekWord();
    if (!/^\d{1,12}$/.test(word)) this.fail('Expected a non-negative integer');
    this.pos += word.length;
    return Number(word);
  }

  readValue(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) this.fail('Objects are nested too deeply');
    this.skipSpace();
    const start = this.pos;
    const { bytes } = this;
    const byte = bytes[start];
    if (byte === undefined) this.fail('Unexpected end of file');
    if (byte === 0x2f) return this.readName();
    if (byte === 0x28) return this.readLiteralString();
    if (byte === 0x3c && bytes[start + 1] === 0x3c) return this.readDict(depth);
    if (byte === 0x3c) return this.readHexString();
    if (byte === 0x5b) {
      this.pos += 1;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (bytes[this.pos] === 0x5d) break;
        items.push(this.readValue(depth + 1));
      }
      this.pos += 1;
      return { kind: 'array', items, start, end: this.pos };
    }
    const word = this.peekWord();
    if (word === '') this.fail(`Unexpected character "${String.fromCharCode(byte)}"`);
    this.pos += word.length;
    if (word === 'true' || word === 'false') return { kind: 'bool', value: word === 'true', start, end: this.pos };
    if (word === 'null') return { kind: 'null', start, end: this.pos };
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) this.fail(`Unexpected token "${word.slice(0, 20)}"`);
    const number: PdfValue = { kind: 'num', value: Number(word), raw: word, start, end: this.pos };
    // `num gen R` is a reference.
    if (/^\d+$/.test(word)) {
      const save = this.pos;
      const gen = this.peekWord();
      if (/^\d+$/.test(gen)) {
        this.pos += gen.length;
        if (this.peekWord() === 'R') {
          this.pos += 1;
          return { kind: 'ref', num: Number(word), gen: Number(gen), start, end: this.pos };
        }
      }
      this.pos = save;
    }
    return number;
  }

  private readDict(depth: number): PdfDict {
    const start = this.pos;
    this.pos += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.pos] === 0x3e && this.bytes[this.pos + 1] === 0x3e) break;
      const key = this.readValue(depth + 1);
      if (key.kind !== 'name') this.fail('A dictionary key must be a name');
      entries.set(key.value, this.readValue(depth + 1));
    }
    this.pos += 2;
    return { kind: 'dict', entries, start, end: this.pos };
  }

  private readName(): PdfValue {
    const start = this.pos;
    this.pos += 1;
    let end = this.pos;
    while (isRegular(this.bytes[end])) end += 1;
    const raw = latin1(this.bytes, this.pos, end);
    this.pos = end;
    const value = raw.replace(/#([0-9a-fA-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return { kind: 'name', value, start, end };
  }

  private readHexString(): PdfValue {
    const start = this.pos;
    const close = this.bytes.indexOf(0x3e, start);
    if (close === -1) this.fail('Unterminated hex string');
    const digits = latin1(this.bytes, start + 1, close).replace(/[\0\t\n\f\r ]/g, '');
    if (!/^[0-9a-fA-F]*$/.test(digits)) this.fail('Invalid hex string');
    const even = digits.length % 2 === 0 ? digits : `${digits}0`;
    const out = new Uint8Array(even.length / 2);
    for (let i = 0; i < out.length; i += 1) out[i] = parseInt(even.slice(i * 2, i * 2 + 2), 16);
    this.pos = close + 1;
    return { kind: 'string', bytes: out, start, end: this.pos };
  }

  private readLiteralString(): PdfValue {
    const start = this.pos;
    const { bytes } = this;
    const out: number[] = [];
    let depth = 0;
    this.pos += 1;
    for (;;) {
      const byte = bytes[this.pos];
      if (byte === undefined) this.fail('Unterminated string');
      this.pos += 1;
      if (byte === 0x29 && depth === 0) break;
      if (byte === 0x28) depth += 1;
      if (byte === 0x29) depth -= 1;
      if (byte !== 0x5c) {
        out.push(byte);
        continue;
      }
      const next = bytes[this.pos];
      if (next === undefined) this.fail('Unterminated string');
      this.pos += 1;
      const simple: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
      const mapped = simple[next];
      if (mapped !== undefined) out.push(mapped);
      else if (next >= 0x30 && next <= 0x37) {
        let value = next - 0x30;
        for (let i = 0; i < 2 && (bytes[this.pos] ?? 0) >= 0x30 && (bytes[this.pos] ?? 0) <= 0x37; i += 1) {
          value = value * 8 + (bytes[this.pos] ?? 0) - 0x30;
          this.pos += 1;
        }
        out.push(value & 0xff);
      } else if (next === 0x0d) {
        if (bytes[this.pos] === 0x0a) this.pos += 1;
      } else if (next !== 0x0a) out.push(next);
    }
    return { kind: 'string', bytes: new Uint8Array(out), start, end: this.pos };
  }
}

export interface IndirectObject {
  readonly num: number;
  readonly gen: number;
  readonly value: PdfValue;
  /** Offset of the "N G obj" header. */
  readonly offset: number;
  readonly isStream: boolean;
  /** For a stream: offset of its first data byte (after "stream" and its end-of-line); else -1. */
  readonly dataStart: number;
}

/** Reads "N G obj value [stream] ..." at `offset`. */
export function readIndirectObject(bytes: Uint8Array, offset: number): IndirectObject {
  if (offset < 0 || offset >= bytes.length) throw new PdfStructureError(`An object offset (${offset}) points outside the file.`);
  const reader = new PdfReader(bytes, offset);
  const num = reader.readInteger();
  const gen = reader.readInteger();
  reader.expectWord('obj');
  const value = reader.readValue();
  const after = reader.peekWord();
  if (after !== 'endobj' && after !== 'stream') reader.fail('Expected "endobj"');
  let dataStart = -1;
  if (after === 'stream') {
    // The keyword is followed by CRLF or LF (ISO 32000-1, 7.3.8.1), then the data.
    dataStart = reader.pos + 'stream'.length;
    if (bytes[dataStart] === 0x0d && bytes[dataStart + 1] === 0x0a) dataStart += 2;
    else if (bytes[dataStart] === 0x0a) dataStart += 1;
    else reader.fail('Expected an end of line after "stream"');
  }
  return { num, gen, value, offset, isStream: after === 'stream', dataStart };
}

function serializeName(name: string): string {
  let out = '/';
  for (const char of name) {
    const code = char.charCodeAt(0);
    out += code > 0x20 && code < 0x7f && isRegular(code) && char !== '#' ? char : `#${code.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** Serializes a value. Strings are always written as hex: lossless and free of escaping bugs. */
export function serialize(value: PdfValue): string {
  switch (value.kind) {
    case 'null':
      return 'null';
    case 'bool':
      return value.value ? 'true' : 'false';
    case 'num':
      return value.raw;
    case 'name':
      return serializeName(value.value);
    case 'string':
      return `<${toHex(value.bytes)}>`;
    case 'ref':
      return `${value.num} ${value.gen} R`;
    case 'array':
      return `[${value.items.map(serialize).join(' ')}]`;
    case 'dict':
      return `<<${[...value.entries].map(([key, item]) => `${serializeName(key)} ${serialize(item)}`).join(' ')}>>`;
  }
}

export function serializeObject(num: number, gen: number, value: PdfValue): Uint8Array {
  return ascii(`${num} ${gen} obj\n${serialize(value)}\nendobj\n`);
}

/** A stream object: `dict` gets the exact /Length of `data`, which is written as it is. */
export function serializeStreamObject(num: number, gen: number, dict: PdfDict, data: Uint8Array): Uint8Array {
  const entries = new Map(dict.entries);
  entries.set('Length', pdf.num(data.length));
  const head = ascii(`${num} ${gen} obj\n${serialize({ kind: 'dict', entries, start: -1, end: -1 })}\nstream\n`);
  const tail = ascii('\nendstream\nendobj\n');
  const out = new Uint8Array(head.length + data.length + tail.length);
  out.set(head, 0);
  out.set(data, head.length);
  out.set(tail, head.length + data.length);
  return out;
}

/** Decodes a PDF text string (UTF-16BE with BOM, UTF-8 with BOM, or PDFDocEncoding ≈ Latin-1). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
    return out;
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder().decode(bytes.subarray(3));
  return latin1(bytes);
}
