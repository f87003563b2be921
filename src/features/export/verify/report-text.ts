/**
 * Which sentence (export:verify.*) says what the verifier found. Pure, so every report shape is
 * unit-tested against real files (tests/unit/export/report-text.test.ts). The sentences say
 * exactly what was checked: "valid" only for a valid verdict, "vouched for" only for a trusted
 * path, "changed after this signature" with what changed.
 */
import type { TFunction } from 'i18next';
import type { Decision } from '../../../case/decision';
import type { AfterSignature, DocumentChange, SignatureReport, TrustReport, VerifyReport } from '../../../export/verify';

export interface Sentence {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export function verdictSentences(report: VerifyReport): Sentence[] {
  switch (report.verdict) {
    case 'refused':
      return [{ key: 'verify.verdict.refused' }];
    case 'modified':
      return [{ key: 'verify.verdict.modified' }];
    case 'invalid':
      return [{ key: 'verify.verdict.invalid' }];
    case 'valid': {
      const later = report.signatures.length - 1;
      return [
        { key: report.allTrusted ? 'verify.verdict.validTrusted' : 'verify.verdict.validUntrusted' },
        later === 0 ? { key: 'verify.verdict.unchanged' } : { key: 'verify.verdict.onlySignatures', params: { count: later } },
      ];
    }
  }
}

/** File-level problems worth a sentence (refusals and unsigned changes), without repeats. */
export function fileProblemKeys(report: VerifyReport): string[] {
  return [...new Set(report.problems.map((problem) => `verify.problem.${problem.code}`))];
}

export function signatureProblemKeys(signature: SignatureReport): string[] {
  return [...new Set(signature.problems.map((problem) => `verify.problem.${problem.code}`))];
}

export function changeSentence(change: DocumentChange): Sentence {
  return change.page === undefined ? { key: `verify.change.${change.kind}` } : { key: `verify.change.${change.kind}.page`, params: { page: change.page } };
}

export function afterSentences(after: AfterSignature): { head: Sentence; changes: Sentence[] } {
  switch (after.kind) {
    case 'unchanged':
      return { head: { key: 'verify.after.unchanged' }, changes: [] };
    case 'signatures-only':
      return { head: { key: 'verify.after.signaturesOnly', params: { count: after.count } }, changes: [] };
    case 'unknown':
      return { head: { key: 'verify.after.unknown' }, changes: [] };
    case 'changed': {
      const seen = new Set<string>();
      const changes = after.changes.map(changeSentence).filter((s) => {
        const id = `${s.key}|${String(s.params?.page ?? '')}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      return { head: { key: 'verify.after.changed' }, changes };
    }
  }
}

export function trustSentences(trust: TrustReport): { head: Sentence; problems: Sentence[] } {
  if (trust.status === 'trusted') return { head: { key: 'verify.trust.trusted', params: { organisation: trust.root.organisation } }, problems: [] };
  const problems = trust.problems.filter((p) => p !== 'self-signed').map((p) => ({ key: `verify.trustProblem.${p}` }));
  return { head: { key: trust.status === 'self-signed' ? 'verify.trust.selfSigned' : 'verify.trust.untrusted' }, problems };
}

/** A signed decision in words (export:decision.*). */
export function decisionLabel(t: TFunction<'export'>, decision: Decision): string {
  switch (decision.kind) {
    case 'approve':
      return t('decision.approved');
    case 'return':
      return t('decision.returned');
    case 'override':
      return t('decision.override', { rules: decision.rules.join(', ') });
    case 'accept':
      return t('decision.accepted');
    case 'decline':
      return t('decision.declined');
  }
}
