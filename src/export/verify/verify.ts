// WARNING: signature verification. A regression here can present an altered or forged summary as
// valid. Every input, however malformed or hostile, must produce a report with human-readable
// problems; no exception may escape verifyPdf. The model is docs/adr/0006-verification-model.md:
// each signature is checked over its own revision (the file up to its %%EOF), read through that
// revision's own cross-reference index; what each later revision changed is compared object by
// object (changes.ts); trust is a path from exactly the signer's certificate (path.ts).
import type * as pkijs from 'pkijs';
import { concatBytes, latin1, sha256, toHex } from '../signing/bytes';
import { PdfStructureError, decodeText } from '../signing/pdf-syntax';
import type { PdfDict, PdfValue } from '../signing/pdf-syntax';
import { getObject, resolve, trailerRef } from '../signing/xref';
import type { PdfIndex } from '../signing/xref';
import { activeContent } from './active-content';
import { readAttachment } from './attachment';
import { revisionChanges } from './changes';
import { Budget, LIMITS, VerifyLimitError } from './limits';
import { cleanName } from './names';
import { checkTrust, trustAnchors } from './path';
import type { TrustAnchor } from './path';
import type { AfterSignature, DocumentChange, FileVerdict, ProblemCode, SignatureReport, TrustReport, VerifyProblem, VerifyReport } from './report';
import { findSignatures, readIndex, readRevisions, recoveryViewProblem, revisionEndingAt } from './revisions';
import type { Revision } from './revisions';
import { checkSigner, derOf } from './signer';
import { readPartyName } from '../signing/certificates';

export interface VerifyOptions {
  /** Organisation roots this device trusts. */
  readonly trustedRoots: readonly pkijs.Certificate[];
  /** The verifying device's clock (tests pass one). */
  readonly now?: Date;
  /** Time budget; a fresh one per file by default. */
  readonly budget?: Budget;
  /** Read this embedded file from the first signed revision when the file verifies. */
  readonly attachmentName?: string;
}

export interface VerifyResult extends VerifyReport {
  /** The attachment's decoded bytes, from the first signed revision; null when not asked, or not verified. */
  readonly attachment: Uint8Array | null;
}

const SUB_FILTERS = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached']);
/** Claimed times in /M and in the CMS may differ by clock rounding only. */
const TIME_AGREEMENT_MS = 5 * 60_000;

interface Placed {
  readonly num: number;
  /** Where the /Sig object was when first listed. */
  readonly offset: number;
  readonly fieldName: string;
  readonly range: [number, number, number, number];
  readonly end: number;
}

const problem = (code: ProblemCode, detail: string): VerifyProblem => ({ code, detail });

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

/** A PDF date (D:YYYYMMDDHHmmSS with Z, +hh'mm' or -hh'mm'; none = UTC). */
export function pdfDateToDate(value: string): Date | null {
  const match = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:(Z)|([+-])(\d{2})'?(\d{2})'?)?/.exec(value);
  if (match === null) return null;
  if (Number(match[9] ?? 0) > 14 || Number(match[10] ?? 0) > 59) return null;
  const [, y, mo, d, h, mi, s] = match.slice(0, 7).map(Number);
  const sign = match[8] === '-' ? -1 : 1;
  const offset = match[8] === undefined ? 0 : sign * (Number(match[9]) * 60 + Number(match[10])) * 60_000;
  const date = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s) - offset);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** ByteRange, /Contents gap and revision end of one signature dictionary; problems otherwise. */
function placement(bytes: Uint8Array, dict: PdfDict, problems: VerifyProblem[]): { range: [number, number, number, number]; end: number } | null {
  const structure = (detail: string) => problems.push(problem('signature-structure', detail));
  const subFilter = dict.entries.get('SubFilter');
  if (subFilter?.kind !== 'name' || !SUB_FILTERS.has(subFilter.value)) structure('The signature uses an unsupported format (SubFilter).');
  const range = readByteRange(dict.entries.get('ByteRange'));
  const contents = dict.entries.get('Contents');
  if (range === null) return (structure('The signature’s /ByteRange is malformed.'), null);
  if (contents?.kind !== 'string') return (structure('The signature has no /Contents.'), null);
  const [start, gapStart, gapEnd, tailLength] = range;
  const end = gapEnd + tailLength;
  if (start !== 0) structure('The signed ranges do not start at the beginning of the file.');
  if (gapStart >= gapEnd || end > bytes.length) {
    problems.push(problem('truncated', 'The signed ranges point outside the file (was it truncated?).'));
    return null;
  }
  if (gapStart !== contents.start || gapEnd !== contents.end || bytes[gapStart] !== 0x3c || bytes[gapEnd - 1] !== 0x3e) {
    structure('The unsigned gap is not exactly this signature’s /Contents: bytes outside the signature are unsigned.');
  }
  if (!/%%EOF(\r\n|\r|\n)?$/.test(latin1(bytes, Math.max(0, end - 7), end))) structure('The signed ranges do not end at the end of a file revision (%%EOF).');
  return problems.length === 0 ? { range, end } : null;
}

/** DocMDP permissions when this (first) signature certifies the document, else null. */
function certification(index: PdfIndex, sigNum: number, sig: PdfDict): 1 | 2 | 3 | null {
  const rootRef = trailerRef(index, 'Root');
  const catalog = rootRef === undefined ? undefined : resolve(index, rootRef);
  const perms = catalog?.kind === 'dict' ? resolve(index, catalog.entries.get('Perms')) : undefined;
  const docMdp = perms?.kind === 'dict' ? perms.entries.get('DocMDP') : undefined;
  if (docMdp?.kind !== 'ref' || docMdp.num !== sigNum) return null;
  const references = resolve(index, sig.entries.get('Reference'));
  for (const item of references?.kind === 'array' ? references.items : []) {
    const reference = resolve(index, item);
    const method = reference?.kind === 'dict' ? reference.entries.get('TransformMethod') : undefined;
    if (reference?.kind !== 'dict' || method?.kind !== 'name' || method.value !== 'DocMDP') continue;
    const params = resolve(index, reference.entries.get('TransformParams'));
    const p = params?.kind === 'dict' ? params.entries.get('P') : undefined;
    // P defaults to 2 (ISO 32000-1, table 254).
    if (p === undefined) return 2;
    if (p.kind === 'num' && (p.value === 1 || p.value === 2 || p.value === 3)) return p.value;
  }
  return null;
}

function classify(error: unknown): VerifyProblem {
  if (error instanceof VerifyLimitError) return problem(error.code, error.message);
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof PdfStructureError)) return problem('damaged', `The file could not be checked (${message}).`);
  if (/not a PDF/i.test(message)) return problem('not-pdf', message);
  if (/incomplete|truncated|outside the file|runs past/i.test(message)) return problem('truncated', message);
  if (/cross-reference stream|hybrid|Encrypted/i.test(message)) return problem('unsupported', message);
  if (/more than \d+ (revisions|entries)|entries than the file/i.test(message)) return problem('too-complex', message);
  return problem('damaged', message);
}

interface Checked {
  readonly report: Omit<SignatureReport, 'after' | 'revision'>;
  readonly placed: Placed;
  readonly index: PdfIndex;
}

/** Checks that the /Sig object was added by the revision it signs and not replaced since. */
function ownRevisionProblem(index: PdfIndex, final: PdfIndex, placed: Placed, previousEnd: number): string | null {
  const own = index.objects.get(placed.num);
  if (own?.offset !== placed.offset) return 'The signature’s dictionary is not part of the revision it signs.';
  if (own.offset < previousEnd) return 'The signature’s dictionary belongs to an earlier revision than the one it signs.';
  const now = final.objects.get(placed.num);
  // Absent from the newest revision: the comparison of revisions reports the removal.
  if (now !== undefined && (now.offset !== own.offset || now.gen !== own.gen)) return 'The signature’s dictionary was replaced after it was signed.';
  return null;
}

async function checkOne(bytes: Uint8Array, placed: Placed, previousEnd: number, revisions: readonly Revision[], anchors: readonly TrustAnchor[], options: VerifyOptions, budget: Budget): Promise<Checked> {
  const final = revisions.at(-1)?.index;
  const index = revisionEndingAt(revisions, placed.end)?.index ?? readIndex(bytes.subarray(0, placed.end), budget);
  if (final === undefined) throw new PdfStructureError('The file has no revision.');
  const problems: VerifyProblem[] = [];
  const misplaced = ownRevisionProblem(index, final, placed, previousEnd);
  const sig = misplaced === null ? getObject(index, placed.num).value : undefined;
  if (misplaced !== null) problems.push(problem('signature-structure', misplaced));
  const [, gapStart, gapEnd] = placed.range;
  const contents = sig?.kind === 'dict' ? sig.entries.get('Contents') : undefined;
  const cms = await checkSigner(contents?.kind === 'string' ? contents.bytes : new Uint8Array(), concatBytes([bytes.subarray(0, gapStart), bytes.subarray(gapEnd, placed.end)]));
  problems.push(...cms.problems);
  const fromM = sig?.kind === 'dict' ? pdfDateToDate(text(sig, 'M')) : null;
  if (fromM !== null && cms.signingTime !== null && Math.abs(fromM.getTime() - cms.signingTime.getTime()) > TIME_AGREEMENT_MS) {
    problems.push(problem('claimed-time', 'The signing time in the signature dictionary and the one inside the signature disagree.'));
  }
  const claimed = cms.signingTime ?? fromM;
  const now = options.now ?? new Date();
  let trust: TrustReport = { status: 'untrusted', problems: ['no-path'] };
  let signer = { cn: '', o: '', role: '', hadControlCharacters: false };
  let signerKey = '';
  if (cms.certificate !== null) {
    signerKey = toHex(await sha256(derOf(cms.certificate.subjectPublicKeyInfo)));
    // Who vouches for a signer is asked only of a signature that holds: a CMS copied from another
    // file names a genuine, trusted signer who never signed this one.
    trust = cms.valid ? await checkTrust(cms.certificate, cms.others, anchors, { now, claimed }, budget.check) : { status: 'untrusted', problems: [] };
    const name = readPartyName(cms.certificate.subject);
    const cn = cleanName(name.cn);
    const o = cleanName(name.o);
    const role = cleanName(name.role);
    signer = { cn: cn.text, o: o.text, role: role.text, hadControlCharacters: cn.hadControls || o.hadControls || role.hadControls };
  }
  return {
    index,
    placed,
    report: {
      fieldName: cleanName(placed.fieldName).text,
      signerKey,
      signer,
      claimedSigningTime: claimed,
      reason: sig?.kind === 'dict' ? text(sig, 'Reason') : '',
      certification: null,
      valid: cms.valid && misplaced === null && !problems.some((item) => item.code === 'claimed-time'),
      trust,
      problems,
    },
  };
}

function afterOf(i: number, total: number, coversFile: boolean, changes: readonly (readonly DocumentChange[])[]): AfterSignature {
  if (i === total - 1 && coversFile) return { kind: 'unchanged' };
  const later = changes.slice(i + 1).flat();
  if (later.length > 0) return { kind: 'changed', changes: later };
  return { kind: 'signatures-only', count: total - 1 - i };
}

function verdictOf(signatures: readonly SignatureReport[], problems: readonly VerifyProblem[]): FileVerdict {
  if (signatures.length === 0) return 'refused';
  const codes = new Set(signatures.flatMap((s) => s.problems.map((p) => p.code)));
  if (codes.has('digest-mismatch')) return 'modified';
  if (signatures.some((s) => !s.valid)) return 'invalid';
  if (problems.some((p) => p.code === 'unsigned-changes') || signatures.some((s) => s.after.kind === 'changed')) return 'modified';
  return 'valid';
}

function refused(problems: VerifyProblem[]): VerifyResult {
  return { verdict: 'refused', allTrusted: false, fingerprint: null, signatures: [], problems, attachment: null };
}

/** Places each signature in its revision; problems of unusable signatures go to `invalid`. */
function placeAll(bytes: Uint8Array, revisions: readonly Revision[], budget: Budget, invalid: SignatureReport[]): Placed[] {
  const placed: Placed[] = [];
  for (const found of findSignatures(revisions, budget)) {
    const problems: VerifyProblem[] = [];
    const sig = found.dict;
    const where = sig.kind === 'dict' ? placement(bytes, sig, problems) : null;
    if (where === null || placed.some((p) => p.end === where.end)) {
      if (where !== null) problems.push(problem('signature-structure', 'Two signatures claim the same revision.'));
      invalid.push({
        fieldName: cleanName(found.fieldName).text,
        signerKey: '',
        revision: 0,
        signer: { cn: '', o: '', role: '', hadControlCharacters: false },
        claimedSigningTime: sig.kind === 'dict' ? pdfDateToDate(text(sig, 'M')) : null,
        reason: sig.kind === 'dict' ? text(sig, 'Reason') : '',
        certification: null,
        valid: false,
        after: { kind: 'unknown' },
        trust: { status: 'untrusted', problems: ['no-path'] },
        problems: problems.length > 0 ? problems : [problem('signature-structure', 'The signature dictionary is not a dictionary.')],
      });
      continue;
    }
    placed.push({ num: found.num, offset: found.offset, fieldName: found.fieldName, ...where });
  }
  return placed.sort((a, b) => a.end - b.end);
}

async function verifyRevisions(bytes: Uint8Array, options: VerifyOptions, budget: Budget): Promise<VerifyResult> {
  const revisions = readRevisions(bytes, budget);
  const final = revisions[revisions.length - 1]?.index;
  if (final === undefined) throw new PdfStructureError('The file has no revision.');
  const ambiguous = recoveryViewProblem(final, budget);
  if (ambiguous !== null) return refused([problem('damaged', ambiguous)]);
  const active = activeContent(final, budget);
  if (active !== null) return refused([problem('unsupported', active)]);
  const invalid: SignatureReport[] = [];
  const placed = placeAll(bytes, revisions, budget, invalid);
  if (placed.length === 0 && invalid.length === 0) return refused([problem('no-signatures', 'This PDF has no signatures.')]);
  const anchors = await trustAnchors(options.trustedRoots);
  const checked: Checked[] = [];
  for (const item of placed) checked.push(await checkOne(bytes, item, checked.at(-1)?.placed.end ?? 0, revisions, anchors, options, budget));

  const first = checked[0];
  const firstSig = first === undefined ? undefined : getObject(first.index, first.placed.num).value;
  const certified = first !== undefined && firstSig?.kind === 'dict' ? certification(first.index, first.placed.num, firstSig) : null;
  // changes[i]: what revision i changed beyond its own countersignature (changes[0] is always empty).
  const changes: DocumentChange[][] = checked.map((item, i) => {
    const previous = checked[i - 1];
    if (previous === undefined) return [];
    return revisionChanges({ older: previous.index, newer: item.index, signature: item.placed.num, certification: certified, budget }, previous.placed.end);
  });
  const problems: VerifyProblem[] = [];
  const last = checked.at(-1);
  const coversFile = last !== undefined && last.placed.end === bytes.length;
  if (last !== undefined && !coversFile) {
    const tail = revisionChanges({ older: last.index, newer: final, signature: null, certification: certified, budget }, last.placed.end);
    changes.push(tail.length > 0 ? tail : [{ kind: 'structure', detail: 'Bytes were added after the last signature.' }]);
    problems.push(problem('unsigned-changes', 'The file was changed after its last signature: the newest content is not signed by anyone.'));
  }
  const signatures: SignatureReport[] = [
    ...checked.map((item, i) => ({ ...item.report, revision: i + 1, certification: i === 0 && certified !== null ? { permissions: certified } : null, after: afterOf(i, checked.length, coversFile, changes) })),
    ...invalid,
  ];
  const verdict = verdictOf(signatures, problems);
  const fingerprint = first === undefined ? null : toHex(await sha256(bytes.subarray(0, first.placed.end)));
  let attachment: Uint8Array | null = null;
  if (verdict === 'valid' && options.attachmentName !== undefined && first !== undefined) {
    try {
      attachment = await readAttachment(first.index, options.attachmentName, budget);
    } catch (error) {
      if (error instanceof VerifyLimitError) throw error;
      // A summary whose assessment cannot be read is no summary: refused, with the signatures shown.
      problems.push(problem('attachment-unreadable', error instanceof Error ? error.message : String(error)));
      return { verdict: 'refused', allTrusted: false, fingerprint, signatures, problems, attachment: null };
    }
  }
  return { verdict, allTrusted: verdict === 'valid' && signatures.every((s) => s.trust.status === 'trusted'), fingerprint, signatures, problems, attachment };
}

/** Verifies every signature in a PDF and what each later revision changed. Never throws. */
export async function verifyPdf(bytes: Uint8Array, options: VerifyOptions): Promise<VerifyResult> {
  if (bytes.length > LIMITS.fileBytes) return refused([problem('too-complex', 'The file is larger than any summary Homeward makes.')]);
  const budget = options.budget ?? new Budget();
  try {
    return await verifyRevisions(bytes, options, budget);
  } catch (error) {
    return refused([classify(error)]);
  }
}
