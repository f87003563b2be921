/**
 * The state of a case is its verified chain of signatures (issue 14; docs/adr/0007-case-state.md).
 *
 * From one verified file: the assessor's signed summary (signature 1) and every later signature,
 * each read as a decision (src/case/decision.ts) with its signer's name, organisation and role as
 * the signer's certificate names them. The engine's result is recomputed from the embedded answers
 * under the instrument version they name, with the in-draft decision items (supervisor's signature,
 * override, sign-off, receiving organisation's acknowledgement) removed: typed names in a draft
 * decide nothing. Each decision that counts is then applied as the engine's own record:
 * - it counts only from a valid signature vouched for by a trusted root, by a key other than the
 *   assessor's, in a role the decision allows;
 * - an approval counts only when the engine then finds nothing blocking sign-off of the chosen
 *   recommendation; an override only for STOP rules that are not hard. A receiving organisation's
 *   acceptance counts before or after the approval (before, it is the written acknowledgement the
 *   instrument may require for sign-off); its decline withdraws that acknowledgement, and what then
 *   blocks sign-off is shown again.
 * Pure: no DOM, no storage, no pdf-lib; time comes from the file.
 */
import { assess, overrideRecord, signOffRecord, type AssessmentResult, type Reason } from '../engine';
import type { Answers, Instrument, SignatureAnswer } from '../instrument';
import { readEmbedded, type EmbeddedAssessment } from './assessment';
import { parseDecisionReason, type Decision, type DecisionKind } from './decision';
import { isRole, type Role } from './roles';
import type { CaseFile, CaseSignature, CaseState, CaseStateKind, DecisionEntry, IgnoredBecause } from './types';

/** Who may sign each decision (the role in the signer's certificate). Overrides: the instrument's senior roles. */
const ALLOWED: Record<Exclude<DecisionKind, 'override'>, readonly Role[]> = {
  approve: ['supervisor', 'service_manager'],
  return: ['supervisor', 'service_manager', 'legal_adviser'],
  accept: ['partner'],
  decline: ['partner'],
};

export interface CaseOptions {
  /** Other versions of the same case known on this device: the one naming this file's fingerprint supersedes it. */
  readonly versions?: readonly { readonly fingerprint: string; readonly supersedes: string | null }[];
}

/** Items a draft holds that only signed decisions may fill: signatures, overrides, sign-off records. */
function decisionItems(instrument: Instrument): string[] {
  const codes = instrument.sections.flatMap((s) => s.items).filter((i) => i.type === 'signature' || i.type === 'override' || i.type === 'signoff').map((i) => i.code);
  const { override } = instrument.decision;
  if (!('record' in override)) codes.push(override.reason, override.by, override.role, override.date);
  return codes;
}

/** The answers without the items only signed decisions may fill (the draft's own typed decisions). */
export function withoutDecisions(instrument: Instrument, answers: Answers): Answers {
  const codes = decisionItems(instrument);
  return Object.fromEntries(Object.entries(answers).filter(([code]) => !codes.some((c) => code === c || code.startsWith(`${c}.`))));
}

function itemExists(instrument: Instrument, code: string): boolean {
  return instrument.sections.some((s) => s.items.some((i) => i.code === code));
}

function signature(entry: DecisionEntry, on: string): SignatureAnswer {
  return { name: entry.signer.name, role: entry.signer.role ?? '', date: on };
}

interface Progress {
  answers: Answers;
  overridden: string[];
  /** The reviewer's latest counted decision on sign-off. */
  review: 'none' | 'approved' | 'returned';
  partner: 'none' | 'accepted' | 'declined';
}

function kindOf(p: Progress): CaseStateKind {
  if (p.review === 'returned') return 'returned';
  if (p.review === 'approved') return p.partner === 'none' ? 'approved' : p.partner;
  return p.overridden.length > 0 ? 'override-granted' : 'awaiting-review';
}

function judge(e: EmbeddedAssessment, answers: Answers): AssessmentResult {
  return assess(e.instrument, answers, { now: e.assessedOn });
}

/** Applies an approval; it counts when nothing then blocks sign-off. */
function approve(e: EmbeddedAssessment, p: Progress, entry: DecisionEntry, comments: string): { ignored: IgnoredBecause | null; blockers: readonly Reason[] } {
  const { decision } = e.instrument;
  const next: Answers = { ...p.answers, [decision.supervisorReview]: signature(entry, e.assessedOn) };
  if (itemExists(e.instrument, `${decision.supervisorReview}.decision`)) next[`${decision.supervisorReview}.decision`] = 'approve';
  if (comments !== '' && itemExists(e.instrument, `${decision.supervisorReview}.comments`)) next[`${decision.supervisorReview}.comments`] = comments;
  if (decision.signOff !== undefined) {
    next[decision.signOff.record] = signOffRecord(e.instrument, next, { by: entry.signer.name, role: entry.signer.role ?? '', date: e.assessedOn }, { now: e.assessedOn });
  }
  const result = judge(e, next);
  if (!result.signOff.ready) return { ignored: 'blocked', blockers: result.signOff.blockers };
  p.answers = next;
  p.review = 'approved';
  return { ignored: null, blockers: [] };
}

/** Applies an override of named STOP rules as the instrument records one. */
function override(e: EmbeddedAssessment, p: Progress, entry: DecisionEntry, rules: readonly string[], reason: string): IgnoredBecause | null {
  const { instrument } = e;
  const role = entry.signer.role ?? '';
  if (!instrument.decision.seniorRoles.includes(role)) return 'role';
  const stops = new Set(instrument.rules.filter((r) => r.level === 'STOP').map((r) => r.id));
  if (rules.some((id) => !stops.has(id))) return 'not-a-stop';
  if (rules.some((id) => instrument.rules.some((r) => r.id === id && r.hard === true))) return 'hard-rule';
  const o = instrument.decision.override;
  const next: Answers = { ...p.answers };
  if ('record' in o) {
    next[o.record] = overrideRecord(instrument, p.answers, { rules: [...rules], reason, by: entry.signer.name, role, date: e.assessedOn }, { now: e.assessedOn });
  } else {
    // Version 1 lifts every standing STOP: it counts only when the decision names every one of them.
    const standing = judge(e, p.answers).flags.filter((f) => f.level === 'STOP').map((f) => f.ruleId);
    if (standing.some((id) => !rules.includes(id))) return 'not-a-stop';
    Object.assign(next, { [o.reason]: reason, [o.by]: entry.signer.name, [o.role]: role, [o.date]: e.assessedOn });
  }
  if (judge(e, next).override.state !== 'active') return 'not-a-stop';
  p.answers = next;
  p.overridden = [...new Set([...p.overridden, ...rules])];
  return null;
}

/** The receiving organisation's acknowledgement item: the decision section's other signature item. */
function partnerItem(instrument: Instrument): string | undefined {
  return instrument.sections.flatMap((s) => s.items).find((i) => i.type === 'signature' && i.code !== instrument.decision.supervisorReview)?.code;
}

function apply(e: EmbeddedAssessment, p: Progress, entry: DecisionEntry, decision: Decision): { ignored: IgnoredBecause | null; blockers: readonly Reason[] } {
  const none = { ignored: null, blockers: [] } as const;
  if (decision.kind === 'override') return { ignored: override(e, p, entry, decision.rules, decision.comments), blockers: [] };
  if (entry.signer.role === null || !ALLOWED[decision.kind].includes(entry.signer.role)) return { ignored: 'role', blockers: [] };
  switch (decision.kind) {
    case 'approve':
      return approve(e, p, entry, decision.comments ?? '');
    case 'return':
      p.review = 'returned';
      return none;
    case 'accept':
    case 'decline': {
      const item = partnerItem(e.instrument);
      if (item !== undefined) {
        const rest = Object.fromEntries(Object.entries(p.answers).filter(([code]) => code !== item));
        p.answers = decision.kind === 'accept' ? { ...rest, [item]: signature(entry, e.assessedOn) } : rest;
      }
      p.partner = decision.kind === 'accept' ? 'accepted' : 'declined';
      return none;
    }
  }
}

function entryOf(sig: CaseSignature, index: number, assessor: CaseSignature): DecisionEntry {
  const decision = parseDecisionReason(sig.reason);
  const role = isRole(sig.signer.role) ? sig.signer.role : null;
  const trusted = sig.trust.status === 'trusted';
  let ignored: IgnoredBecause | null = null;
  if (decision === null) ignored = 'not-a-decision';
  else if (!sig.valid) ignored = 'signature-not-valid';
  else if (!trusted) ignored = 'not-vouched-for';
  else if (sig.signerKey === '' || sig.signerKey === assessor.signerKey) ignored = 'assessor';
  return { signature: index + 1, decision, signer: { name: sig.signer.cn, organisation: sig.signer.o, role }, at: sig.claimedSigningTime, trusted, ignored, blockers: [] };
}

function unusable(file: CaseFile, why: string): CaseState {
  return { kind: 'unusable', unusable: why, fingerprint: file.fingerprint, caseReference: null, instrument: null, isChild: false, isYoungAdult: false, result: null, blockers: [], decisions: [], overridden: [], supersededBy: null };
}

/** The case's state from one verified file; see the module header. */
export function caseState(file: CaseFile, options: CaseOptions = {}): CaseState {
  const [assessor] = file.report.signatures;
  if (file.report.verdict !== 'valid' || assessor === undefined) return unusable(file, `verdict-${file.report.verdict}`);
  const embedded = readEmbedded(file.assessment);
  if ('problem' in embedded) return unusable(file, embedded.problem);

  const progress: Progress = { answers: withoutDecisions(embedded.instrument, embedded.answers), overridden: [], review: 'none', partner: 'none' };
  const decisions = file.report.signatures.slice(1).map((sig, i) => {
    const entry = entryOf(sig, i + 1, assessor);
    if (entry.ignored !== null || entry.decision === null) return entry;
    const applied = apply(embedded, progress, entry, entry.decision);
    return { ...entry, ignored: applied.ignored, blockers: applied.blockers };
  });
  const result = judge(embedded, progress.answers);
  const newer = options.versions?.find((v) => v.supersedes === file.fingerprint);
  const kind = kindOf(progress);
  // A declined hand-over is not settled: sign-off is blocked again (the acknowledgement is withdrawn) and says so.
  const settled = kind === 'approved' || kind === 'accepted';
  return {
    kind: newer === undefined ? kind : 'superseded',
    unusable: null,
    fingerprint: file.fingerprint,
    caseReference: embedded.caseReference,
    instrument: { id: embedded.instrument.id, version: embedded.instrument.version },
    isChild: result.profile.isChild,
    isYoungAdult: result.profile.isYoungAdult,
    result,
    blockers: settled ? [] : result.signOff.blockers,
    decisions,
    overridden: progress.overridden,
    supersededBy: newer?.fingerprint ?? null,
  };
}
