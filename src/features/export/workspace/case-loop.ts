/**
 * The loop closes on the caseworker's device (issue 14, item 5). A received file whose version this
 * device exported (its fingerprint is in the draft's case links) carries the reviewers' decisions
 * back to that draft, as src/case judges them:
 * - approved, or accepted / declined by the receiving partner after approval: the draft is signed
 *   off, read-only; it changes only by starting a new version;
 * - returned for changes: the comments are kept with the draft and shown on its card and in the
 *   wizard; the draft stays editable, and its next export names this version as superseded;
 * - awaiting review, or an override granted with approval still to come: recorded and shown.
 * A decision on an older version than the draft's latest export changes nothing (it is about a
 * version that has been replaced); an older copy of a version (fewer signatures) never replaces
 * what a later copy said.
 */
import { caseState, type CaseState, type CaseStateKind, type DecisionEntry } from '../../../case';
import { caseLinks, drafts, type CaseOutcome } from '../../../storage';
import type { CheckedFile } from './received-checks';
import { caseFileOf } from './received-checks';

export type LoopOutcome =
  | { readonly kind: 'recorded'; readonly draftId: string; readonly state: CaseStateKind; readonly signedOff: boolean }
  | { readonly kind: 'older-version'; readonly draftId: string }
  | { readonly kind: 'older-copy'; readonly draftId: string };

/** States that sign a draft off. A declined hand-over does not (the caseworker re-arranges reception in a new version). */
const SIGNED_OFF: readonly CaseStateKind[] = ['approved', 'accepted'];

function counted(entry: DecisionEntry): boolean {
  return entry.ignored === null && entry.decision !== null;
}

export function outcomeOf(state: CaseState, signatures: number, importedAt: Date): CaseOutcome {
  return {
    state: state.kind,
    fingerprint: state.fingerprint,
    decisions: state.decisions.filter(counted).map((d) => ({
      kind: d.decision?.kind ?? '',
      by: [d.signer.name, d.signer.organisation].filter((part) => part !== '').join(', '),
      // The hand-over's facts travel with the acceptance's comments, in the signed /Reason's own words.
      comments: [d.decision?.kind === 'accept' ? `Met by: ${d.decision.handover.metBy}. First night: ${d.decision.handover.firstNight}. First contact: ${d.decision.handover.firstContact}.` : '', d.decision?.comments ?? '']
        .filter((part) => part !== '')
        .join(' '),
    })),
    importedAt: importedAt.toISOString(),
    signatures,
  };
}

/** Applies a checked file's decisions to the draft that exported its version, if this device made it. */
export async function closeLoop(checked: CheckedFile, now = new Date()): Promise<LoopOutcome | null> {
  const { report } = checked.check;
  if (report.verdict !== 'valid' || report.fingerprint === null) return null;
  const draftId = await caseLinks.findByFingerprint(report.fingerprint);
  if (draftId === undefined) return null;
  const link = await caseLinks.get(draftId);
  const latest = link?.exports[link.exports.length - 1]?.fingerprint;
  if (latest !== report.fingerprint) return { kind: 'older-version', draftId };
  const signatures = report.signatures.length;
  if (link?.outcome?.fingerprint === report.fingerprint && (link.outcome.signatures ?? 0) > signatures) return { kind: 'older-copy', draftId };

  const state = caseState(caseFileOf(checked));
  if (state.kind === 'unusable') return null;
  await caseLinks.recordOutcome(draftId, outcomeOf(state, signatures, now));
  const signedOff = SIGNED_OFF.includes(state.kind);
  if (signedOff) {
    const draft = await drafts.get(draftId);
    if (draft !== undefined && draft.status !== 'signed_off') await drafts.setStatus(draftId, 'signed_off');
  }
  return { kind: 'recorded', draftId, state: state.kind, signedOff };
}
