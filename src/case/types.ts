/**
 * What the case module reads of a verified file: the shape of the verifier's report
 * (src/export/verify/report.ts) that it needs, restated here so this module imports nothing from
 * the export chunk. A VerifyReport fits it as it is.
 */
import type { AssessmentResult, Reason } from '../engine';
import type { Decision } from './decision';
import type { Role } from './roles';

export interface CaseSignature {
  readonly valid: boolean;
  readonly signerKey: string;
  readonly signer: { readonly cn: string; readonly o: string; readonly role: string };
  readonly claimedSigningTime: Date | null;
  readonly reason: string;
  readonly trust: { readonly status: 'trusted' | 'self-signed' | 'untrusted' };
}

export interface CaseReport {
  readonly verdict: 'valid' | 'modified' | 'invalid' | 'refused';
  readonly signatures: readonly CaseSignature[];
}

/** One received (or exported) file of a case, as verified on this device. */
export interface CaseFile {
  /** SHA-256 (hex) of the assessor's signed revision: the same for every countersigned copy of one version. */
  readonly fingerprint: string;
  readonly report: CaseReport;
  /** The embedded assessment of the first signed revision (null unless the file verified). */
  readonly assessment: unknown;
}

export type CaseStateKind =
  /** Not a valid file, or an assessment this copy of Homeward cannot judge. */
  | 'unusable'
  | 'awaiting-review'
  | 'returned'
  /** A reviewer lifted named STOP rules; approval still to come. */
  | 'override-granted'
  | 'approved'
  /** Approved, and the receiving organisation accepted the hand-over. */
  | 'accepted'
  /** Approved, but the receiving organisation declined the hand-over (its acknowledgement is withdrawn). */
  | 'declined'
  /** A later version of this case is known on this device. */
  | 'superseded';

/** Why a signed decision does not change the case's state. */
export type IgnoredBecause =
  | 'not-a-decision'
  | 'signature-not-valid'
  | 'not-vouched-for'
  | 'assessor'
  | 'role'
  | 'blocked'
  | 'hard-rule'
  | 'not-a-stop';

export interface DecisionEntry {
  /** 1-based position of the signature in the file (1 is the assessor's). */
  readonly signature: number;
  readonly decision: Decision | null;
  readonly signer: { readonly name: string; readonly organisation: string; readonly role: Role | null };
  readonly at: Date | null;
  readonly trusted: boolean;
  /** Null when the decision counts. */
  readonly ignored: IgnoredBecause | null;
  /** For an approval that does not count: what still blocked sign-off when it was signed. */
  readonly blockers: readonly Reason[];
}

export interface CaseState {
  readonly kind: CaseStateKind;
  /** Why a case is unusable (a verdict or an assessment problem), else null. */
  readonly unusable: string | null;
  readonly fingerprint: string;
  readonly caseReference: string | null;
  readonly instrument: { readonly id: string; readonly version: number } | null;
  readonly isChild: boolean;
  readonly isYoungAdult: boolean;
  /** The engine's result for the embedded answers, with the decisions that count applied. */
  readonly result: AssessmentResult | null;
  /** What still blocks sign-off of the chosen recommendation (empty once approved). */
  readonly blockers: readonly Reason[];
  readonly decisions: readonly DecisionEntry[];
  /** STOP rules a counted override lifts. */
  readonly overridden: readonly string[];
  /** The fingerprint of the later version that supersedes this one, when known. */
  readonly supersededBy: string | null;
}
