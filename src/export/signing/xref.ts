// WARNING: signing code. Reads the cross-reference chain to append countersignatures and to verify.
// Misreading it would append an update that points at the wrong objects. Only classic xref tables
// are supported; xref streams (and hybrid files) are refused rather than guessed at.
import { ascii, latin1, lastIndexOfBytes } from './bytes';
import { PdfReader, PdfStructureError, isWhitespace, readIndirectObject } from './pdf-syntax';
import type { IndirectObject, PdfDict, PdfRef, PdfValue } from './pdf-syntax';

export interface XrefEntry {
  readonly offset: number;
  readonly gen: number;
}

export interface PdfIndex {
  readonly bytes: Uint8Array;
  /** Offset of the newest xref section (the value after the last `startxref`). */
  readonly startxref: number;
  /** The newest trailer. */
  readonly trailer: PdfDict;
  /** In-use objects of the newest revision. */
  readonly objects: ReadonlyMap<number, XrefEntry>;
  /** Highest /Size seen. */
  readonly size: number;
}

const STARTXREF = ascii('startxref');
const EOF_MARKER = ascii('%%EOF');

/** Offset of the last `startxref` and the number it holds; the file must end with %%EOF. */
export function readStartxref(bytes: Uint8Array): number {
  if (bytes.length < 20 || latin1(bytes, 0, 5) !== '%PDF-') throw new PdfStructureError('This is not a PDF file (it does not start with "%PDF-").');
  const eof = lastIndexOfBytes(bytes, EOF_MARKER);
  if (eof === -1 || eof < bytes.length - 1024) throw new PdfStructureError('The file is incomplete: it does not end with "%%EOF" (was it truncated?).');
  const at = lastIndexOfBytes(bytes, STARTXREF, eof);
  if (at === -1) throw new PdfStructureError('The file is incomplete: no "startxref" before the final "%%EOF".');
  const reader = new PdfReader(bytes, at + STARTXREF.length);
  const offset = reader.readInteger();
  while (isWhitespace(bytes[reader.pos])) reader.pos += 1; // not skipSpace: that would eat %%EOF as a comment
  if (reader.pos !== eof) throw new PdfStructureError('Unexpected data between "startxref" and "%%EOF".');
  return offset;
}

function readClassicSection(bytes: Uint8Array, offset: number, into: Map<number, XrefEntry>): PdfDict {
  const reader = new PdfReader(bytes, offset);
  if (reader.peekWord() !== 'xref') {
    throw new PdfStructureError(
      'This PDF uses a cross-reference stream (or a damaged cross-reference), which Homeward cannot extend safely. Re-export it from Homeward, or sign it with another tool.',
    );
  }
  reader.pos += 4;
  while (reader.peekWord() !== 'trailer') {
    const first = reader.readInteger();
    const count = reader.readInteger();
    if (count > bytes.length / 18) reader.fail('The cross-reference table claims more entries than the file can hold');
    for (let i = 0; i < count; i += 1) {
      const entryOffset = reader.readInteger();
      const gen = reader.readInteger();
      const type = reader.peekWord();
      if (type !== 'n' && type !== 'f') reader.fail('Damaged cross-reference entry');
      reader.pos += 1;
      const num = first + i;
      // Newer sections are read first; the first entry seen for a number wins.
      if (!into.has(num)) into.set(num, { offset: type === 'n' ? entryOffset : -1, gen });
    }
  }
  reader.pos += 'trailer'.length;
  const trailer = reader.readValue();
  if (trailer.kind !== 'dict') throw new PdfStructureError('The trailer is not a dictionary.');
  return trailer;
}

/** Reads every classic xref section through the /Prev chain. */
export function readPdfIndex(bytes: Uint8Array): PdfIndex {
  const startxref = readStartxref(bytes);
  const entries = new Map<number, XrefEntry>();
  const seen = new Set<number>();
  let newest: PdfDict | undefined;
  let size = 0;
  let next: number | undefined = startxref;
  while (next !== undefined) {
    if (seen.has(next) || seen.size > 1000) throw new PdfStructureError('The cross-reference chain loops.');
    seen.add(next);
    if (next < 0 || next >= bytes.length) throw new PdfStructureError('A cross-reference offset points outside the file (was it truncated?).');
    const trailer = readClassicSection(bytes, next, entries);
    if (trailer.entries.has('XRefStm')) throw new PdfStructureError('This PDF has a hybrid cross-reference (XRefStm), which Homeward cannot extend safely.');
    newest ??= trailer;
    const sizeValue = trailer.entries.get('Size');
    if (sizeValue?.kind === 'num') size = Math.max(size, sizeValue.value);
    const prev = trailer.entries.get('Prev');
    next = prev?.kind === 'num' ? prev.value : undefined;
  }
  if (newest === undefined) throw new PdfStructureError('No trailer found.');
  const objects = new Map<number, XrefEntry>();
  for (const [num, entry] of entries) {
    if (entry.offset >= 0) objects.set(num, entry);
    size = Math.max(size, num + 1); // never reuse a number, even if /Size understates it
  }
  return { bytes, startxref, trailer: newest, objects, size };
}

export function getObject(index: PdfIndex, num: number): IndirectObject {
  const entry = index.objects.get(num);
  if (entry === undefined) throw new PdfStructureError(`Object ${num} is missing from the cross-reference table.`);
  const object = readIndirectObject(index.bytes, entry.offset);
  if (object.num !== num || object.gen !== entry.gen) throw new PdfStructureError(`The cross-reference entry for object ${num} points at the wrong place.`);
  return object;
}

/** Follows a reference (once) to a value; direct values are returned as they are. */
export function resolve(index: PdfIndex, value: PdfValue | undefined): PdfValue | undefined {
  if (value?.kind !== 'ref') return value;
  return getObject(index, value.num).value;
}

export function resolveDict(index: PdfIndex, value: PdfValue | undefined, what: string): PdfDict {
  const resolved = resolve(index, value);
  if (resolved?.kind !== 'dict') throw new PdfStructureError(`${what} is missing or not a dictionary.`);
  return resolved;
}

export function trailerRef(index: PdfIndex, key: 'Root' | 'Info'): PdfRef | undefined {
  const value = index.trailer.entries.get(key);
  return value?.kind === 'ref' ? value : undefined;
}
