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
  /** The bytes this index reads: the whole file, or the prefix up to one revision's %%EOF. */
  readonly bytes: Uint8Array;
  /** Offset of the newest xref section (the value after the last `startxref`). */
  readonly startxref: number;
  /** The newest trailer. */
  readonly trailer: PdfDict;
  /** In-use objects of the newest revision. */
  readonly objects: ReadonlyMap<number, XrefEntry>;
  /** Highest /Size seen. */
  readonly size: number;
  /** Offsets of the xref sections read through /Prev, newest first. */
  readonly sections: readonly number[];
  /** Objects already parsed, by offset: each offset is parsed once, however many entries name it. */
  readonly cache: Map<number, IndirectObject>;
}

export interface IndexOptions {
  /** At most this many xref sections (revisions) in the /Prev chain. */
  readonly maxSections?: number;
  /** At most this many xref entries over all sections. */
  readonly maxEntries?: number;
  /** Called every few thousand entries; throws to stop (a time budget). */
  readonly check?: () => void;
}

const DEFAULT_MAX_SECTIONS = 1000;

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

/** One entry: 10-digit offset, space, 5-digit generation, space, n or f, two-byte end of line. */
const ENTRY_BYTES = 20;
const ENTRY = /^(\d{10}) (\d{5}) ([nf])( \r| \n|\r\n)$/;

/**
 * One cross-reference entry, read strictly (ISO 32000-1, 7.5.4). Readers rebuild a damaged
 * table by scanning the file, so an entry they would call damaged (a generation past 65535, an
 * object 0 in use, a line of the wrong length) would let them show objects this index never
 * listed: it is refused instead of being read leniently.
 */
function readEntry(bytes: Uint8Array, at: number, num: number): XrefEntry {
  const match = ENTRY.exec(latin1(bytes, at, at + ENTRY_BYTES));
  if (match === null) throw new PdfStructureError(`A cross-reference entry is damaged (object ${String(num)}, at byte ${String(at)}).`);
  const offset = Number(match[1]);
  const gen = Number(match[2]);
  const inUse = match[3] === 'n';
  if (gen > 65535) throw new PdfStructureError(`A cross-reference entry has an impossible generation (object ${String(num)}).`);
  if (num === 0 && (inUse || gen !== 65535)) throw new PdfStructureError('The cross-reference table marks object 0 as in use.');
  return { offset: inUse ? offset : -1, gen };
}

interface SectionState {
  entries: number;
  readonly maxEntries: number;
  readonly check: () => void;
}

function readClassicSection(bytes: Uint8Array, offset: number, into: Map<number, XrefEntry>, state: SectionState): PdfDict {
  const reader = new PdfReader(bytes, offset);
  if (reader.peekWord() !== 'xref') {
    throw new PdfStructureError(
      'This PDF uses a cross-reference stream (or a damaged cross-reference), which Homeward cannot extend safely. Re-export it from Homeward, or sign it with another tool.',
    );
  }
  reader.pos += 4;
  const inSection = new Set<number>();
  while (reader.peekWord() !== 'trailer') {
    const first = reader.readInteger();
    const count = reader.readInteger();
    if (count > bytes.length / 18) reader.fail('The cross-reference table claims more entries than the file can hold');
    state.entries += count;
    if (state.entries > state.maxEntries) reader.fail(`The cross-reference tables hold more than ${String(state.maxEntries)} entries`);
    // Entries start on the line after the subsection header.
    reader.skipSpace();
    for (let i = 0; i < count; i += 1) {
      if ((i & 0xfff) === 0xfff) state.check();
      const entry = readEntry(bytes, reader.pos, first + i);
      reader.pos += ENTRY_BYTES;
      const num = first + i;
      // Two entries for one object in one section: readers would disagree on which one counts.
      if (inSection.has(num)) reader.fail(`The cross-reference table lists object ${String(num)} twice`);
      inSection.add(num);
      // Newer sections are read first; the first entry seen for a number wins.
      if (!into.has(num)) into.set(num, entry);
    }
  }
  reader.pos += 'trailer'.length;
  const trailer = reader.readValue();
  if (trailer.kind !== 'dict') throw new PdfStructureError('The trailer is not a dictionary.');
  return trailer;
}

/** Reads every classic xref section through the /Prev chain. */
export function readPdfIndex(bytes: Uint8Array, options: IndexOptions = {}): PdfIndex {
  const startxref = readStartxref(bytes);
  const entries = new Map<number, XrefEntry>();
  const seen: number[] = [];
  const maxSections = options.maxSections ?? DEFAULT_MAX_SECTIONS;
  const state: SectionState = { entries: 0, maxEntries: options.maxEntries ?? Number.MAX_SAFE_INTEGER, check: options.check ?? (() => undefined) };
  let newest: PdfDict | undefined;
  let size = 0;
  let next: number | undefined = startxref;
  while (next !== undefined) {
    if (seen.includes(next)) throw new PdfStructureError('The cross-reference chain loops.');
    if (seen.length >= maxSections) throw new PdfStructureError(`The file has more than ${String(maxSections)} revisions (cross-reference sections).`);
    seen.push(next);
    state.check();
    if (next < 0 || next >= bytes.length) throw new PdfStructureError('A cross-reference offset points outside the file (was it truncated?).');
    const trailer = readClassicSection(bytes, next, entries, state);
    if (trailer.entries.has('XRefStm')) throw new PdfStructureError('This PDF has a hybrid cross-reference (XRefStm), which Homeward cannot extend safely.');
    newest ??= trailer;
    const sizeValue = trailer.entries.get('Size');
    if (sizeValue !== undefined && (sizeValue.kind !== 'num' || !/^\d+$/.test(sizeValue.raw))) throw new PdfStructureError('The trailer\u2019s /Size is not a whole number.');
    if (sizeValue?.kind === 'num') size = Math.max(size, sizeValue.value);
    const prev = trailer.entries.get('Prev');
    // An offset written as "123.0" is read by some readers and rebuilt by others: refused.
    if (prev !== undefined && (prev.kind !== 'num' || !/^\d+$/.test(prev.raw))) throw new PdfStructureError('The trailer\u2019s /Prev is not a whole number.');
    next = prev?.kind === 'num' ? prev.value : undefined;
  }
  if (newest === undefined) throw new PdfStructureError('No trailer found.');
  const objects = new Map<number, XrefEntry>();
  for (const [num, entry] of entries) {
    if (entry.offset >= 0) objects.set(num, entry);
    size = Math.max(size, num + 1); // never reuse a number, even if /Size understates it
  }
  return { bytes, startxref, trailer: newest, objects, size, sections: seen, cache: new Map() };
}

/** The object at `offset`, parsed once per index. */
export function objectAt(index: PdfIndex, offset: number): IndirectObject {
  const cached = index.cache.get(offset);
  if (cached !== undefined) return cached;
  const object = readIndirectObject(index.bytes, offset);
  index.cache.set(offset, object);
  return object;
}

export function getObject(index: PdfIndex, num: number): IndirectObject {
  const entry = index.objects.get(num);
  if (entry === undefined) throw new PdfStructureError(`Object ${num} is missing from the cross-reference table.`);
  const object = objectAt(index, entry.offset);
  if (object.num !== num || object.gen !== entry.gen) throw new PdfStructureError(`The cross-reference entry for object ${num} points at the wrong place.`);
  return object;
}

/**
 * The raw (still encoded) data of a stream object: /Length bytes after "stream", which must be
 * followed by "endstream". /Length may be a reference to a plain integer object.
 */
export function streamData(index: PdfIndex, object: IndirectObject): Uint8Array {
  if (!object.isStream || object.value.kind !== 'dict') throw new PdfStructureError(`Object ${object.num} is not a stream.`);
  const lengthValue = object.value.entries.get('Length');
  const length = lengthValue?.kind === 'ref' ? getObject(index, lengthValue.num).value : lengthValue;
  if (length?.kind !== 'num' || !Number.isSafeInteger(length.value) || length.value < 0) throw new PdfStructureError(`Stream ${object.num} has no valid /Length.`);
  const end = object.dataStart + length.value;
  if (end > index.bytes.length) throw new PdfStructureError(`Stream ${object.num} runs past the end of the file (was it truncated?).`);
  const reader = new PdfReader(index.bytes, end);
  if (reader.peekWord() !== 'endstream') throw new PdfStructureError(`Stream ${object.num} does not end where its /Length says.`);
  return index.bytes.subarray(object.dataStart, end);
}

/** Follows a reference (once) to a value; direct values are returned as they are. */
export function resolve(index: PdfIndex, value: PdfValue | undefined): PdfValue | undefined {
  if (value?.kind !== 'ref') return value;
  // A reference to another generation than the table's is a reference to nothing (readers differ).
  const entry = index.objects.get(value.num);
  if (entry !== undefined && entry.gen !== value.gen) throw new PdfStructureError(`A reference names generation ${String(value.gen)} of object ${String(value.num)}, which the cross-reference lists as generation ${String(entry.gen)}.`);
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
