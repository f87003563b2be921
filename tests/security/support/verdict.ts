// THE ONE ADAPTER between the security suite and the app's verifier. Every test in tests/security
// asks `verdictOf` and nothing else, so re-pointing the suite at a new verifier API is a change to
// this file only. It reports what the verify screen would tell a reviewer, not internals.
//
// It drives checkSummary (src/export/verify/summary-check.ts: the very function the app's verify
// worker runs) and mirrors verify-screen.tsx / signature-report-view.tsx: the embedded assessment
// is shown only when the verdict is 'valid'; names and /Reason are shown as the screen shows them.
import { cleanName } from '../../../src/export/verify/names';
import type { AfterSignature } from '../../../src/export/verify/report';
import { checkSummary } from '../../../src/export/verify/summary-check';

export type ChangedAfter = 'no' | 'signatures-only' | 'yes';

export interface SecuritySignature {
  readonly valid: boolean;
  readonly trusted: boolean;
  /** What the app says happened after this signature. */
  readonly changedAfter: ChangedAfter;
  /** Signer's names exactly as the app hands them to the screen. */
  readonly signer: { readonly cn: string; readonly o: string };
  /** The /Reason as the screen shows it (decisions and comments are shown from it). */
  readonly reason: string;
}

export interface SecurityVerdict {
  readonly verdict: 'valid' | 'modified' | 'invalid' | 'refused';
  readonly signatures: readonly SecuritySignature[];
  /** The embedded assessment the app would show (null when it shows none). */
  readonly assessment: unknown;
  /** Every problem the app reports (file-level first), as "code: detail", for failure messages and "refused with a reason". */
  readonly reasons: readonly string[];
}

function changedAfter(after: AfterSignature): ChangedAfter {
  switch (after.kind) {
    case 'unchanged':
      return 'no';
    case 'signatures-only':
      return 'signatures-only';
    case 'changed':
    case 'unknown':
      return 'yes';
  }
}

/** The app's verdict on `bytes` for a reviewer who trusts `trustedRootsPem`, verifying at `now`. */
export async function verdictOf(bytes: Uint8Array, trustedRootsPem: readonly string[], now?: Date): Promise<SecurityVerdict> {
  const { report, assessment } = await checkSummary(bytes, trustedRootsPem, now);
  return {
    verdict: report.verdict,
    signatures: report.signatures.map((signature) => ({
      valid: signature.valid,
      trusted: signature.trust.status === 'trusted',
      changedAfter: changedAfter(signature.after),
      signer: { cn: signature.signer.cn, o: signature.signer.o },
      reason: cleanName(signature.reason).text,
    })),
    assessment: report.verdict === 'valid' ? assessment : null,
    reasons: [...report.problems, ...report.signatures.flatMap((signature) => [...signature.problems, ...(signature.trust.status === 'trusted' ? [] : signature.trust.problems.map((p) => ({ code: p, detail: 'trust' })))])].map(
      (problem) => `${problem.code}: ${problem.detail}`,
    ),
  };
}
