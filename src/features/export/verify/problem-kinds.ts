/**
 * Turns the verifier's technical problem lines (src/export/verify, English, for logs and experts)
 * into a few kinds a person understands, each with a translated sentence (export:verify.problem.*).
 * Pure, so the mapping is unit-tested against the verifier's real messages.
 */
export type ProblemKind =
  | 'notPdf'
  | 'truncated'
  | 'damaged'
  | 'unsupported'
  | 'noSignatures'
  | 'modified'
  | 'unsignedChanges'
  | 'laterSignature'
  | 'selfDeclared'
  | 'untrusted'
  | 'badSignature'
  | 'unreadable';

const RULES: readonly (readonly [RegExp, ProblemKind])[] = [
  [/not a PDF file/i, 'notPdf'],
  [/incomplete|truncated|outside the file/i, 'truncated'],
  [/no signatures/i, 'noSignatures'],
  [/changed after its last signature/i, 'unsignedChanges'],
  [/changed after this signature/i, 'laterSignature'],
  [/modified|digest/i, 'modified'],
  [/self-declared/i, 'selfDeclared'],
  [/does not chain/i, 'untrusted'],
  [/unsupported|hybrid cross-reference|Encrypted/i, 'unsupported'],
  [/cryptographic signature does not match|different certificate|does not name its certificate|exactly one signer|does not verify|unsigned gap|signed ranges|ByteRange|no \/Contents/i, 'badSignature'],
  [/cannot be read|damaged|cross-reference|trailer|startxref|object|dictionary|loops/i, 'damaged'],
];

export function classifyProblem(problem: string): ProblemKind {
  return RULES.find(([pattern]) => pattern.test(problem))?.[1] ?? 'unreadable';
}

/** Distinct kinds of a list of problems, in first-seen order. */
export function problemKinds(problems: readonly string[]): ProblemKind[] {
  return [...new Set(problems.map(classifyProblem))];
}

/** Kinds that make the whole file unusable (it is refused, nothing else is shown). */
const REFUSING: ReadonlySet<ProblemKind> = new Set(['notPdf', 'truncated', 'damaged', 'unsupported', 'noSignatures', 'unreadable']);

export type FileVerdict =
  | { readonly kind: 'refused'; readonly reasons: ProblemKind[] }
  | { readonly kind: 'modified' }
  | { readonly kind: 'valid'; readonly allTrusted: boolean }
  | { readonly kind: 'invalid' };

export interface VerdictInput {
  readonly problems: readonly string[];
  readonly signatures: readonly { readonly valid: boolean; readonly chain: string; readonly problems: readonly string[] }[];
}

/**
 * One sentence for the whole file: refused (not a PDF, truncated, damaged, unsigned), modified
 * (a digest mismatch anywhere, or content added after the last signature), valid, or invalid.
 */
export function fileVerdict(report: VerdictInput): FileVerdict {
  const fileKinds = problemKinds(report.problems);
  if (report.signatures.length === 0) return { kind: 'refused', reasons: fileKinds.length > 0 ? fileKinds : ['noSignatures'] };
  const refusing = fileKinds.filter((kind) => REFUSING.has(kind));
  if (refusing.length > 0) return { kind: 'refused', reasons: refusing };
  const signatureKinds = report.signatures.flatMap((s) => problemKinds(s.problems));
  if (fileKinds.includes('unsignedChanges') || signatureKinds.includes('modified')) return { kind: 'modified' };
  if (report.signatures.every((s) => s.valid)) return { kind: 'valid', allTrusted: report.signatures.every((s) => s.chain === 'trusted') };
  return { kind: 'invalid' };
}
