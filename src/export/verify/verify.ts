// WARNING: signature verification. A regression here can present an altered or forged summary as
// valid. Every input, however malformed, must produce a result with human-readable problems; no
// exception may escape verifyPdf.
import type * as pkijs from 'pkijs';
import { latin1 } from '../signing/bytes';
import { PdfStructureError, decodeText, readIndirectObject } from '../signing/pdf-syntax';
import type { PdfDict, PdfValue } from '../signing/pdf-syntax';
import { readPdfIndex } from '../signing/xref';
import type { PdfIndex } from '../signing/xref';
import { checkChain, checkCms } from './cms-check';
import type { ChainStatus } from './cms-check';

export type { ChainStatus } from './cms-check';

export interface SignatureReport {
  readonly fieldName: string;
  /** From the signer's certificate (empty strings if it cannot be read). */
  readonly signer: { readonly cn: string; readonly o: string };
  /** The signing time the signer claims (CMS signingTime, else /M); not a trusted timestamp. */
  readonly signedAt: Date | null;
  readonly reason: string;
  /** Structure, digest over the signed ranges and signature over the signed attributes all check out. */
  readonly valid: boolean;
  readonly coversWholeFile: boolean;
  /** Bytes were added after this signature (later countersignatures count: see `problems`). */
  readonly modifiedAfter: boolean;
  readonly chain: ChainStatus;
  readonly problems: string[];
}

export interface VerifyReport {
  readonly signatures: SignatureReport[];
  /** Problems with the file as a whole (not a PDF, truncated, changed after the last signature…). */
  readonly problems: string[];
}

export interface VerifyOptions {
  /** Organisation roots the reviewer trusts. */
  readonly trustedRoots: readonly pkijs.Certificate[];
  /** Used to check the chain when the signature carries no signing time. */
  readonly now?: Date;
}

interface FoundSignature {
  readonly num: number;
  readonly dict: PdfDict;
}

const SUB_FILTERS = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached']);

function findSignatures(index: PdfIndex, problems: string[]): { found: FoundSignature[]; names: Map<number, string> } {
  const found: FoundSignature[] = [];
  const names = new Map<number, string>();
  for (const [num, entry] of index.objects) {
    let value: PdfValue;
    try {
      const object = readIndirectObject(index.bytes, entry.offset);
      if (object.num !== num) throw new PdfStructureError('wrong object number');
      value = object.value;
    } catch {
      problems.push(`Object ${num} cannot be read; the file may be damaged.`);
      continue;
    }
    if (value.kind !== 'dict') continue;
    const { entries } = value;
    if (entries.has('ByteRange') && entries.has('Contents')) found.push({ num, dict: value });
    const v = entries.get('V');
    const t = entries.get('T');
    if (v?.kind === 'ref' && t?.kind === 'string') names.set(v.num, decodeText(t.bytes));
  }
  return { found, names };
}

/** Byte ranges as 4 non-negative integers, or null. */
function readByteRange(value: PdfValue | undefined): [number, number, number, number] | null {
  if (value?.kind !== 'array' || value.items.length !== 4) return null;
  const numbers = value.items.map((item) => (item.kind === 'num' && Number.isSafeInteger(item.value) && item.value >= 0 ? item.value : -1));
  const [a, b, c, d] = numbers;
  if (a === undefined || b === undefined || c === undefined || d === undefined || numbers.includes(-1)) return null;
  return [a, b, c, d];
}

function text(dict: PdfDict, key: string): string {
  const value = dict.entries.get(key);
  return value?.kind === 'string' ? decodeText(value.bytes) : '';
}

function pdfDateToDate(value: string): Date | null {
  const match = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(value);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const date = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Structural checks of one signature; returns the ranges to hash or null when unusable. */
function checkStructure(bytes: Uint8Array, dict: PdfDict, problems: string[]): { range: [number, number, number, number]; contents: Uint8Array } | null {
  const subFilter = dict.entries.get('SubFilter');
  if (subFilter?.kind !== 'name' || !SUB_FILTERS.has(subFilter.value)) problems.push('The signature uses an unsupported format (SubFilter).');
  const range = readByteRange(dict.entries.get('ByteRange'));
  const contents = dict.entries.get('Contents');
  if (range === null) {
    problems.push('The signature’s /ByteRange is malformed.');
    return null;
  }
  if (contents?.kind !== 'string') {
    problems.push('The signature has no /Contents.');
    return null;
  }
  const [start, gapStart, gapEnd, tailLength] = range;
  if (start !== 0) problems.push('The signed ranges do not start at the beginning of the file.');
  if (gapStart >= gapEnd || gapEnd + tailLength > bytes.length) {
    problems.push('The signed ranges point outside the file (was it truncated?).');
    return null;
  }
  if (gapStart !== contents.start || gapEnd !== contents.end || bytes[gapStart] !== 0x3c || bytes[gapEnd - 1] !== 0x3e) {
    problems.push('The unsigned gap is not exactly this signature’s /Contents: bytes outside the signature are unsigned.');
  }
  const end = gapEnd + tailLength;
  if (!/%%EOF(\r\n|\r|\n)?$/.test(latin1(bytes, Math.max(0, end - 7), end))) problems.push('The signed ranges do not end at the end of a file revision (%%EOF).');
  return problems.length === 0 ? { range, contents: contents.bytes } : null;
}

async function verifySignature(bytes: Uint8Array, found: FoundSignature, fieldName: string, options: VerifyOptions): Promise<SignatureReport & { end: number }> {
  const problems: string[] = [];
  const { dict } = found;
  const structure = checkStructure(bytes, dict, problems);
  const range = readByteRange(dict.entries.get('ByteRange'));
  const end = range === null ? 0 : range[2] + range[3];
  const coversWholeFile = range !== null && end === bytes.length;
  const base = {
    fieldName,
    reason: text(dict, 'Reason'),
    coversWholeFile,
    modifiedAfter: !coversWholeFile,
    end,
  };
  if (structure === null) {
    return { ...base, signer: { cn: '', o: '' }, signedAt: pdfDateToDate(text(dict, 'M')), valid: false, chain: 'untrusted', problems };
  }
  const [, gapStart, gapEnd] = structure.range;
  const cms = await checkCms(structure.contents, [bytes.subarray(0, gapStart), bytes.subarray(gapEnd, end)]);
  problems.push(...cms.problems);
  const signedAt = cms.signingTime ?? pdfDateToDate(text(dict, 'M'));
  let chain: ChainStatus = 'untrusted';
  if (cms.certificate !== null) {
    const result = await checkChain(cms.certificate, cms.certificates, options.trustedRoots, signedAt ?? options.now ?? new Date());
    chain = result.chain;
    problems.push(...result.problems);
  }
  if (!coversWholeFile) problems.push('The file was changed after this signature (for example by a later countersignature).');
  return { ...base, signer: cms.signer ?? { cn: '', o: '' }, signedAt, valid: cms.valid && structure !== null, chain, problems };
}

function withoutEnd(report: SignatureReport & { end: number }): SignatureReport {
  const { fieldName, signer, signedAt, reason, valid, coversWholeFile, modifiedAfter, chain, problems } = report;
  return { fieldName, signer, signedAt, reason, valid, coversWholeFile, modifiedAfter, chain, problems };
}

/** Verifies every signature in a PDF. Never throws: unreadable input gives `problems`. */
export async function verifyPdf(bytes: Uint8Array, options: VerifyOptions): Promise<VerifyReport> {
  const problems: string[] = [];
  try {
    const index = readPdfIndex(bytes);
    const { found, names } = findSignatures(index, problems);
    const reports = await Promise.all(found.map((item) => verifySignature(bytes, item, names.get(item.num) ?? '', options)));
    reports.sort((a, b) => a.end - b.end);
    if (reports.length === 0) problems.push('This PDF has no signatures.');
    const newest = reports.at(-1);
    if (newest !== undefined && !newest.coversWholeFile) problems.push('The file was changed after its last signature: the newest content is not signed by anyone.');
    return { signatures: reports.map(withoutEnd), problems };
  } catch (error) {
    const reason = error instanceof PdfStructureError ? error.message : `The file could not be checked (${error instanceof Error ? error.message : String(error)}).`;
    return { signatures: [], problems: [reason] };
  }
}
