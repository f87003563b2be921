// Byte-level PDF editing for attack files: read a signed file through the app's own reader
// (src/export/signing/xref.ts, pdf-syntax.ts) and append incremental updates, well-formed or
// deliberately broken. The original bytes are never changed unless a generator says so.
import { deflateSync, inflateSync } from 'node:zlib';
import { ascii, concatBytes, indexOfBytes, latin1 } from '../../../src/export/signing/bytes';
import { PdfStructureError, pdf, readIndirectObject, serialize } from '../../../src/export/signing/pdf-syntax';
import type { PdfDict, PdfRef, PdfValue } from '../../../src/export/signing/pdf-syntax';
import { getObject, readPdfIndex, resolve } from '../../../src/export/signing/xref';
import type { PdfIndex } from '../../../src/export/signing/xref';

export { pdf, readPdfIndex, resolve, serialize };
export type { PdfDict, PdfIndex, PdfRef, PdfValue };

/** One object to write: a value, or a stream (dictionary without /Length, plus its raw data). */
export type PdfObject = { readonly num: number; readonly gen?: number } & (
  | { readonly value: PdfValue }
  | { readonly stream: { readonly dict: PdfDict; readonly data: Uint8Array } }
);

export function objectBytes(object: PdfObject): Uint8Array {
  const head = `${object.num} ${object.gen ?? 0} obj\n`;
  if ('value' in object) return ascii(`${head}${serialize(object.value)}\nendobj\n`);
  const dict = withEntries(object.stream.dict, { Length: pdf.num(object.stream.data.length) });
  return concatBytes([ascii(`${head}${serialize(dict)}\nstream\n`), object.stream.data, ascii('\nendstream\nendobj\n')]);
}

/** A copy of `dict` with entries set (a null value deletes the key). */
export function withEntries(dict: PdfDict, entries: Record<string, PdfValue | null>): PdfDict {
  const map = new Map(dict.entries);
  for (const [key, value] of Object.entries(entries)) {
    if (value === null) map.delete(key);
    else map.set(key, value);
  }
  return { kind: 'dict', entries: map, start: -1, end: -1 };
}

export function classicXref(entries: readonly { num: number; gen: number; offset: number }[]): string {
  const sorted = [...entries].sort((a, b) => a.num - b.num);
  let out = 'xref\n';
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]?.num === (sorted[j]?.num ?? -2) + 1) j += 1;
    out += `${sorted[i]?.num ?? 0} ${j - i + 1}\n`;
    for (let k = i; k <= j; k += 1) out += `${String(sorted[k]?.offset ?? 0).padStart(10, '0')} ${String(sorted[k]?.gen ?? 0).padStart(5, '0')} n\r\n`;
    i = j + 1;
  }
  return out;
}

export interface UpdateOptions {
  /** Entries to set in (or, with null, delete from) the new trailer; /Prev and /Size are set. */
  readonly trailer?: Record<string, PdfValue | null>;
  /**
   * How the update ends: 'xref' (a classic section, the normal case); 'none' (objects only, the
   * old startxref and %%EOF copied after them); 'broken' (an xref section whose offsets are
   * wrong); 'trailer-only' (a trailer and a startxref pointing back at the previous section).
   */
  readonly ending?: 'xref' | 'none' | 'broken' | 'trailer-only';
  /** Extra xref entries pointing at offsets already in the file (shadow reveals). */
  readonly remap?: readonly { num: number; gen?: number; offset: number }[];
}

/** `objects` written one after the other from file offset `at`: their bytes, where each begins, and where they end. */
export function layOut(objects: readonly PdfObject[], at: number): { parts: Uint8Array[]; written: { num: number; gen: number; offset: number }[]; end: number } {
  const parts: Uint8Array[] = [];
  const written: { num: number; gen: number; offset: number }[] = [];
  let offset = at;
  for (const object of objects) {
    const body = objectBytes(object);
    written.push({ num: object.num, gen: object.gen ?? 0, offset });
    parts.push(body);
    offset += body.length;
  }
  return { parts, written, end: offset };
}

/** Appends one incremental update holding `objects`. */
export function appendUpdate(bytes: Uint8Array, objects: readonly PdfObject[], options: UpdateOptions = {}): Uint8Array {
  const index = readPdfIndex(bytes);
  const last = bytes[bytes.length - 1];
  const separator = last !== 0x0a && last !== 0x0d ? [ascii('\n')] : [];
  const laid = layOut(objects, bytes.length + separator.length);
  const parts: Uint8Array[] = [bytes, ...separator, ...laid.parts];
  const offset = laid.end;
  const written = laid.written;
  for (const entry of options.remap ?? []) written.push({ num: entry.num, gen: entry.gen ?? 0, offset: entry.offset });
  const trailer = new Map(index.trailer.entries);
  const size = Math.max(index.size, ...written.map((item) => item.num + 1));
  trailer.set('Size', pdf.num(size));
  trailer.set('Prev', pdf.num(index.startxref));
  for (const [key, value] of Object.entries(options.trailer ?? {})) {
    if (value === null) trailer.delete(key);
    else trailer.set(key, value);
  }
  const trailerText = `trailer\n${serialize({ kind: 'dict', entries: trailer, start: -1, end: -1 })}\n`;
  const ending = options.ending ?? 'xref';
  let tail: string;
  if (ending === 'none') tail = `startxref\n${index.startxref}\n%%EOF\n`;
  else if (ending === 'trailer-only') tail = `${trailerText}startxref\n${index.startxref}\n%%EOF\n`;
  else {
    const entries = ending === 'broken' ? written.map((item) => ({ ...item, offset: item.offset + 7 })) : written;
    tail = `${classicXref(entries)}${trailerText}startxref\n${offset}\n%%EOF\n`;
  }
  parts.push(ascii(tail));
  return concatBytes(parts);
}

/** The value of object `num` as the newest revision's xref sees it. */
export function valueOf(index: PdfIndex, num: number): PdfValue {
  return getObject(index, num).value;
}

export function dictOf(index: PdfIndex, value: PdfValue | undefined, what: string): PdfDict {
  const resolved = resolve(index, value);
  if (resolved?.kind !== 'dict') throw new PdfStructureError(`${what} is not a dictionary`);
  return resolved;
}

export function refOf(value: PdfValue | undefined, what: string): PdfRef {
  if (value?.kind !== 'ref') throw new PdfStructureError(`${what} is not a reference`);
  return value;
}

export function catalog(index: PdfIndex): { ref: PdfRef; dict: PdfDict } {
  const ref = refOf(index.trailer.entries.get('Root'), '/Root');
  return { ref, dict: dictOf(index, ref, 'the catalog') };
}

export function firstPage(index: PdfIndex): { ref: PdfRef; dict: PdfDict } {
  const pages = dictOf(index, catalog(index).dict.entries.get('Pages'), '/Pages');
  const kids = resolve(index, pages.entries.get('Kids'));
  const ref = refOf(kids?.kind === 'array' ? kids.items[0] : undefined, 'the first page');
  return { ref, dict: dictOf(index, ref, 'the first page') };
}

/** The objects of the embedded assessment.json: its file specification and its stream. */
export function attachment(index: PdfIndex): { spec: PdfRef; stream: PdfRef } {
  const names = dictOf(index, catalog(index).dict.entries.get('Names'), '/Names');
  const files = dictOf(index, names.entries.get('EmbeddedFiles'), '/EmbeddedFiles');
  const list = resolve(index, files.entries.get('Names'));
  const spec = refOf(list?.kind === 'array' ? list.items[1] : undefined, 'the file specification');
  const ef = dictOf(index, dictOf(index, spec, 'the file specification').entries.get('EF'), '/EF');
  return { spec, stream: refOf(ef.entries.get('F'), '/EF /F') };
}

/** Raw bytes of a stream object (still encoded), read at its offset with its /Length. */
export function streamData(bytes: Uint8Array, offset: number): { dict: PdfDict; data: Uint8Array } {
  const object = readIndirectObject(bytes, offset);
  if (object.value.kind !== 'dict' || !object.isStream) throw new PdfStructureError('not a stream');
  const length = object.value.entries.get('Length');
  if (length?.kind !== 'num') throw new PdfStructureError('stream without a direct /Length');
  let start = indexOfBytes(bytes, ascii('stream'), object.value.end) + 'stream'.length;
  if (bytes[start] === 0x0d) start += 1;
  if (bytes[start] === 0x0a) start += 1;
  return { dict: object.value, data: bytes.subarray(start, start + length.value) };
}

/** A FlateDecode stream object holding `data`. */
export function flateStream(num: number, data: Uint8Array, entries: Record<string, PdfValue> = {}): PdfObject {
  return { num, stream: { dict: pdf.dict({ ...entries, Filter: pdf.name('FlateDecode') }), data: new Uint8Array(deflateSync(data)) } };
}

export function inflate(data: Uint8Array): Uint8Array {
  return new Uint8Array(inflateSync(data));
}

/** Object numbers of the dictionaries holding a /ByteRange (signature values), in xref order. */
export function signatureObjects(index: PdfIndex): number[] {
  const found: number[] = [];
  for (const [n, entry] of index.objects) {
    try {
      const value = readIndirectObject(index.bytes, entry.offset).value;
      if (value.kind === 'dict' && value.entries.has('ByteRange')) found.push(n);
    } catch {
      // not readable: not a signature this helper can use
    }
  }
  return found;
}

/** Offset of "N 0 obj" for the newest definition the xref gives. */
export function offsetOf(index: PdfIndex, num: number): number {
  const entry = index.objects.get(num);
  if (entry === undefined) throw new PdfStructureError(`object ${num} is not in the xref`);
  return entry.offset;
}

/** Every offset at which "num gen obj" starts, in file order (duplicates included). */
export function definitionsOf(bytes: Uint8Array, num: number): number[] {
  const text = latin1(bytes);
  return [...text.matchAll(new RegExp(`(?<![0-9])${num} 0 obj\\b`, 'g'))].map((match) => match.index);
}

export const text = (value: string): PdfValue => pdf.text(value);
export const str = (value: string): PdfValue => pdf.bytes(ascii(value));
export const name = (value: string): PdfValue => pdf.name(value);
export const num = (value: number): PdfValue => pdf.num(value);
export const arr = (...items: PdfValue[]): PdfValue => pdf.array(items);
export const ref = (n: number): PdfRef => pdf.ref(n);
