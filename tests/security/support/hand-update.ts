// A countersignature update written by hand, byte by byte, for attacks on how readers REBUILD a
// damaged cross-reference table: the update fills the next prepared signature field exactly as
// the app's countersign does (the field gets /V, the /Sig dictionary follows), and its table lists
// only that, while the attacker chooses what else is written (objects no table lists, inside the
// update or inside an appearance stream) and how the table and trailer are written (extra
// subsections, entries of the wrong length, a /Prev that is not a whole number). The signature is
// then made over the whole file, unlisted bytes included, by any CMS.
import { ascii, concatBytes, latin1 } from '../../../src/export/signing/bytes';
import { locatePlaceholder } from '../../../src/export/signing/placeholder';
import { getObject } from '../../../src/export/signing/xref';
import { layOut, num, objectBytes, readPdfIndex, ref, resolve, serialize, withEntries } from './pdf-update';
import type { PdfDict, PdfIndex, PdfObject, PdfValue } from './pdf-update';
import { fillPlaceholder, signatureDictionary } from './sign';
import type { CmsMaker, Fields } from './sign';

export interface HandUpdate {
  /** Objects the update writes AND lists (after the field and the signature), e.g. an appearance stream. */
  readonly listed?: readonly PdfObject[];
  /** Bytes written after the listed objects, before the table, that no table lists. */
  readonly unlisted?: Uint8Array;
  /** The filled field, changed further (e.g. given an /AP). */
  readonly widget?: (field: PdfDict) => PdfDict;
  /** Raw subsections written first in the table (e.g. "0 1\n…"). */
  readonly extraXref?: string;
  /** Rewrites the entry line of object `num` (default: 20 bytes, "oooooooooo ggggg n\r\n"). */
  readonly entryLine?: (line: string, num: number) => string;
  /** Changes the trailer (which already holds /Size and /Prev). */
  readonly trailer?: (trailer: Map<string, PdfValue>, prev: number) => void;
  /** Extra entries of the countersignature's /Sig dictionary. */
  readonly signature?: Record<string, PdfValue>;
  /** The generation the /Sig object is written and listed with (the field's /V always says 0). */
  readonly signatureGen?: number;
}

/** The prepared signature fields of the newest revision that hold no signature yet, in /Fields order. */
export function emptySignatureFields(index: PdfIndex): { num: number; dict: PdfDict }[] {
  const root = resolve(index, index.trailer.entries.get('Root'));
  const form = root?.kind === 'dict' ? resolve(index, root.entries.get('AcroForm')) : undefined;
  const fields = form?.kind === 'dict' ? resolve(index, form.entries.get('Fields')) : undefined;
  const out: { num: number; dict: PdfDict }[] = [];
  for (const field of fields?.kind === 'array' ? fields.items : []) {
    if (field.kind !== 'ref') continue;
    const value = getObject(index, field.num).value;
    if (value.kind === 'dict' && value.entries.get('FT')?.kind === 'name' && !value.entries.has('V')) out.push({ num: field.num, dict: value });
  }
  return out;
}

const entry = (offset: number, gen: number): string => `${String(offset).padStart(10, '0')} ${String(gen).padStart(5, '0')} n\r\n`;

/** `base` plus one countersignature update written as `update` says, signed by `cms`. */
export async function handCountersignature(base: Uint8Array, fields: Fields, cms: CmsMaker, update: HandUpdate = {}): Promise<Uint8Array> {
  const index = readPdfIndex(base);
  const field = emptySignatureFields(index)[0];
  if (field === undefined) throw new Error('the file has no empty signature field left');
  const sigNum = index.size;
  const filled = withEntries(field.dict, { V: ref(sigNum) });
  const objects: PdfObject[] = [
    { num: field.num, value: update.widget === undefined ? filled : update.widget(filled) },
    { num: sigNum, gen: update.signatureGen ?? 0, value: signatureDictionary(fields, update.signature) },
    ...(update.listed ?? []),
  ];
  const { parts: laid, written, end } = layOut(objects, base.length);
  const parts: Uint8Array[] = [base, ...laid];
  let offset = end;
  if (update.unlisted !== undefined) {
    parts.push(update.unlisted);
    offset += update.unlisted.length;
  }
  // One subsection per object, so that an edited line stays inside its own subsection.
  let xref = `xref\n${update.extraXref ?? ''}`;
  for (const item of [...written].sort((a, b) => a.num - b.num)) {
    const line = entry(item.offset, item.gen);
    xref += `${item.num} 1\n${update.entryLine === undefined ? line : update.entryLine(line, item.num)}`;
  }
  const trailer = new Map(index.trailer.entries);
  trailer.set('Size', num(Math.max(index.size, ...written.map((item) => item.num + 1))));
  trailer.set('Prev', num(index.startxref));
  update.trailer?.(trailer, index.startxref);
  parts.push(ascii(`${xref}trailer\n${serialize({ kind: 'dict', entries: trailer, start: -1, end: -1 })}\nstartxref\n${offset}\n%%EOF\n`));
  const bytes = concatBytes(parts);
  return fillPlaceholder(bytes, locatePlaceholder(bytes, base.length), cms);
}

/**
 * Objects written one after the other, for `unlisted` or for the data of an appearance stream;
 * `header` rewrites each "N G obj" (e.g. with leading zeros that some scanners do not expect).
 */
export function objectsBytes(objects: readonly PdfObject[], header?: (num: number, gen: number) => string): Uint8Array {
  return concatBytes(
    objects.map((object) => {
      const bytes = objectBytes(object);
      if (header === undefined) return bytes;
      const standard = `${object.num} ${object.gen ?? 0} obj`;
      if (latin1(bytes, 0, standard.length) !== standard) throw new Error(`object ${object.num} does not start with "${standard}"`);
      return concatBytes([ascii(header(object.num, object.gen ?? 0)), bytes.subarray(standard.length)]);
    }),
  );
}

/** A number written as `raw` (e.g. "123.0" for 123), for trailers that readers disagree on. */
export function rawNumber(value: number, raw: string): PdfValue {
  return { kind: 'num', value, raw, start: -1, end: -1 };
}
