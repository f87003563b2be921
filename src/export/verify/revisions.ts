// WARNING: part of the verifier. Finds every revision of a file and every signature any revision
// lists. Signatures are looked for in EVERY revision, not only in the newest: a later update that
// swaps the catalog (or rewrites the cross-reference chain) could otherwise hide an earlier
// signature, and with it the fact that the document was changed after that signature.
import { ascii, indexOfBytes, latin1 } from '../signing/bytes';
import { PdfStructureError, decodeText } from '../signing/pdf-syntax';
import type { PdfValue } from '../signing/pdf-syntax';
import { getObject, readPdfIndex, resolve, trailerRef } from '../signing/xref';
import type { PdfIndex } from '../signing/xref';
import { LIMITS, VerifyLimitError } from './limits';
import type { Budget } from './limits';

const EOF = ascii('%%EOF');
const MAX_FIELD_DEPTH = 4;

export interface Revision {
  /** Offset just after this revision's %%EOF (and its end-of-line). */
  readonly end: number;
  /** Read from the bytes up to `end` only. */
  readonly index: PdfIndex;
}

export interface FoundSignature {
  /** Object number of the /Sig dictionary. */
  readonly num: number;
  /** Where the revision that first lists it read it from. */
  readonly offset: number;
  readonly fieldName: string;
  readonly dict: PdfValue;
  /** The revision that first lists it. */
  readonly listedIn: Revision;
}

/** A revision index for `bytes`, with the verifier's limits. */
export function readIndex(bytes: Uint8Array, budget: Budget): PdfIndex {
  const index = readPdfIndex(bytes, { maxSections: LIMITS.sections, maxEntries: LIMITS.xrefEntries, check: budget.check });
  if (index.size > LIMITS.xrefEntries) throw new VerifyLimitError('too-complex', `The file claims more than ${String(LIMITS.xrefEntries)} objects (/Size).`);
  return index;
}

function endAfterEof(bytes: Uint8Array, at: number): number {
  let end = at + EOF.length;
  if (bytes[end] === 0x0d) end += 1;
  if (bytes[end] === 0x0a) end += 1;
  return end;
}

/**
 * Every prefix of the file that ends with %%EOF and reads as a PDF, oldest first; the last is the
 * whole file. A %%EOF that does not end a readable revision (inside a stream, say) is skipped.
 */
export function readRevisions(bytes: Uint8Array, budget: Budget): Revision[] {
  const ends: number[] = [];
  for (let at = indexOfBytes(bytes, EOF); at !== -1; at = indexOfBytes(bytes, EOF, at + 1)) {
    budget.check();
    const end = endAfterEof(bytes, at);
    if (end < bytes.length) ends.push(end);
    if (ends.length > LIMITS.sections * 2) throw new VerifyLimitError('too-complex', `The file has more than ${String(LIMITS.sections * 2)} end-of-file markers.`);
  }
  const revisions: Revision[] = [];
  for (const end of ends) {
    try {
      revisions.push({ end, index: readIndex(bytes.subarray(0, end), budget) });
    } catch (error) {
      if (!(error instanceof PdfStructureError)) throw error;
    }
  }
  revisions.push({ end: bytes.length, index: readIndex(bytes, budget) });
  return revisions;
}

/** Signature fields reachable from a revision's form (what PDF readers list), with the /Sig they hold. */
function listedSignatures(index: PdfIndex, budget: Budget): { num: number; fieldName: string }[] {
  const catalog = resolve(index, trailerRef(index, 'Root'));
  const form = catalog?.kind === 'dict' ? resolve(index, catalog.entries.get('AcroForm')) : undefined;
  const fields = form?.kind === 'dict' ? resolve(index, form.entries.get('Fields')) : undefined;
  const found: { num: number; fieldName: string }[] = [];
  const seen = new Set<number>();
  const walk = (items: readonly PdfValue[], prefix: string, depth: number) => {
    for (const item of items) {
      budget.visit();
      if (item.kind !== 'ref' || seen.has(item.num) || depth > MAX_FIELD_DEPTH) continue;
      seen.add(item.num);
      const field = resolve(index, item);
      if (field?.kind !== 'dict') continue;
      const title = field.entries.get('T');
      const name = `${prefix}${title?.kind === 'string' ? decodeText(title.bytes) : ''}`;
      const kids = resolve(index, field.entries.get('Kids'));
      if (kids?.kind === 'array') walk(kids.items, `${name}.`, depth + 1);
      const type = field.entries.get('FT');
      const value = field.entries.get('V');
      if (type?.kind === 'name' && type.value === 'Sig' && value?.kind === 'ref' && !found.some((f) => f.num === value.num)) found.push({ num: value.num, fieldName: name });
    }
  };
  if (fields?.kind === 'array') walk(fields.items, '', 0);
  return found;
}

/** Every signature any revision lists (each /Sig object once, where it is first listed). */
export function findSignatures(revisions: readonly Revision[], budget: Budget): FoundSignature[] {
  const found: FoundSignature[] = [];
  for (const revision of revisions) {
    for (const { num, fieldName } of listedSignatures(revision.index, budget)) {
      const offset = revision.index.objects.get(num)?.offset ?? -1;
      if (found.some((f) => f.num === num && f.offset === offset)) continue;
      let dict: PdfValue;
      try {
        dict = getObject(revision.index, num).value;
      } catch {
        dict = { kind: 'null', start: -1, end: -1 };
      }
      found.push({ num, offset, fieldName, dict, listedIn: revision });
      if (found.length > LIMITS.signatures) throw new VerifyLimitError('too-complex', `The file has more than ${String(LIMITS.signatures)} signatures.`);
    }
  }
  return found;
}

/**
 * What a reader that rebuilds a damaged cross-reference would see must be what the index says.
 * Such readers (poppler, pdf.js) scan the whole file, streams included, and take the LAST
 * "N G obj" of each number; an update can write objects its own table does not list and make
 * those readers rebuild. So every in-use object's last definition in the file must be the one the
 * newest table points at, and no object stream may hide further definitions. Returns the problem,
 * or null.
 */
export function recoveryViewProblem(final: PdfIndex, budget: Budget): string | null {
  const text = latin1(final.bytes);
  budget.check();
  // Names may be written with #xx escapes (/Obj#53tm is /ObjStm): compare them decoded.
  const names = text.replace(/#([0-9A-Fa-f]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  if (/\/(ObjStm|XRef)(?![A-Za-z0-9])/.test(names)) return 'The file holds an object or cross-reference stream, which Homeward files never have; other readers could show objects it hides.';
  const last = new Map<number, number>();
  // Any number of digits: readers take "0000000000012 0 obj" as object 12 (leading zeros, any generation).
  for (const match of text.matchAll(/(?<![0-9])(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj(?![A-Za-z0-9])/g)) {
    last.set(Number(match[1]), match.index);
  }
  budget.check();
  for (const [num, entry] of final.objects) {
    const at = last.get(num);
    if (at !== entry.offset) return `Object ${String(num)} is defined again after the place its cross-reference names; other PDF readers would show that other definition.`;
  }
  return null;
}

/** The revision that ends exactly at `end`, if the file has one. */
export function revisionEndingAt(revisions: readonly Revision[], end: number): Revision | undefined {
  return revisions.find((revision) => revision.end === end);
}

