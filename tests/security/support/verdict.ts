// THE ONE ADAPTER between the security suite and the app's verifier. Every test in tests/security
// asks `verdictOf` and nothing else, so re-pointing the suite at a new verifier API is a change to
// this file only. It reports what the verify screen would tell a reviewer, not internals.
//
// Today it drives the export chunk's verifySummary (src/export/facade/export-chunk.ts) and the
// screen's fileVerdict (src/features/export/verify/problem-kinds.ts), and mirrors
// verify-screen.tsx: the embedded assessment is shown only when the file's verdict is 'valid'.
import { verifySummary } from '../../../src/export/facade/export-chunk';
import { fileVerdict } from '../../../src/features/export/verify/problem-kinds';

export type ChangedAfter = 'no' | 'signatures-only' | 'yes';

export interface SecuritySignature {
  readonly valid: boolean;
  readonly trusted: boolean;
  /** What the app says happened after this signature. */
  readonly changedAfter: ChangedAfter;
  /** Signer's names exactly as the app hands them to the screen. */
  readonly signer: { readonly cn: string; readonly o: string };
  /** The /Reason as the app hands it to the screen (decisions and comments are shown from it). */
  readonly reason: string;
}

export interface SecurityVerdict {
  readonly verdict: 'valid' | 'modified' | 'invalid' | 'refused';
  readonly signatures: readonly SecuritySignature[];
  /** The embedded assessment the app would show (null when it shows none). */
  readonly assessment: unknown;
  /** Every problem sentence the app gives (file-level first), for failure messages and "refused with a reason". */
  readonly reasons: readonly string[];
}

/**
 * The app's verdict on `bytes` for a reviewer who trusts `trustedRootsPem`.
 * `now` is the verification time; today's verifier has no such input and uses the clock (and,
 * for the chain, the time the signer claims), so it is accepted and ignored until the new API.
 */
export async function verdictOf(bytes: Uint8Array, trustedRootsPem: readonly string[], now?: Date): Promise<SecurityVerdict> {
  void now;
  const { report, assessment } = await verifySummary(bytes, trustedRootsPem);
  const verdict = fileVerdict(report).kind;
  const last = report.signatures.length - 1;
  const unsignedAtEnd = last >= 0 && report.signatures[last]?.coversWholeFile !== true;
  return {
    verdict,
    signatures: report.signatures.map((signature) => ({
      valid: signature.valid,
      trusted: signature.chain === 'trusted',
      // Today's screen says "a later signature was added after this one" for an earlier
      // signature and only flags unsigned content after the newest: that is its claim.
      changedAfter: signature.coversWholeFile ? 'no' : unsignedAtEnd ? 'yes' : 'signatures-only',
      signer: signature.signer,
      reason: signature.reason,
    })),
    assessment: verdict === 'valid' ? assessment : null,
    reasons: [...report.problems, ...report.signatures.flatMap((signature) => signature.problems)],
  };
}
