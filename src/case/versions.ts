/**
 * The cases a device has received, from its verified files (issue 14, "the reviewer's workspace").
 *
 * A file is one signed copy of one version of a case. Copies of a version share its fingerprint
 * (the SHA-256 of the assessor's signed revision); they differ in the countersignatures added
 * later. Versions of one case are joined when one names another as the version it supersedes, or
 * when they carry the same case reference and were signed by the same assessor's key (a caseworker
 * who started afresh instead of making a new version): typed text alone never joins two cases.
 *
 * A version's state is the state of its copy that carries the most signatures (the latest in the
 * chain of countersignatures; on a tie, the one received last). Copies that branched (two
 * reviewers each countersigning the same original) are not merged: each copy's own state is kept
 * beside it, so nothing is claimed that no single signed file shows.
 * Pure: no DOM, no storage.
 */
import type { Answers } from '../instrument';
import { readEmbedded } from './assessment';
import { caseState, withoutDecisions } from './state';
import type { CaseFile, CaseState } from './types';

/** One stored file, verified on this device. */
export interface ReceivedInput {
  /** The stored file's id (random; safe in a URL). */
  readonly id: string;
  readonly file: CaseFile;
  readonly receivedAt: Date;
  /** When this device's reviewer last opened it; null: not yet. */
  readonly seenAt: Date | null;
}

export interface CaseCopy {
  readonly input: ReceivedInput;
  /** This copy's own state (the version's state is its representative copy's). */
  readonly state: CaseState;
}

export interface CaseVersion {
  readonly fingerprint: string;
  readonly supersedes: string | null;
  /** Representative first: the copy with the most signatures, then the latest received. */
  readonly copies: readonly CaseCopy[];
  readonly state: CaseState;
  /** The assessor's key (signature 1), for joining versions of one case. */
  readonly assessorKey: string;
  /** The assessor's claimed signing time, for ordering versions. */
  readonly signedAt: Date | null;
  /** The embedded answers without in-draft decision items; null when the file cannot be judged. */
  readonly answers: Answers | null;
  readonly seen: boolean;
}

export interface ReceivedCase {
  /** The representative file id of the latest version: what a URL names. */
  readonly id: string;
  /** Oldest first. */
  readonly versions: readonly CaseVersion[];
  readonly latest: CaseVersion;
  /** The newest version of which this device's reviewer opened a copy, if not the latest. */
  readonly lastSeen: CaseVersion | null;
}

function signaturesOf(input: ReceivedInput): number {
  return input.file.report.signatures.length;
}

function representativeFirst(a: ReceivedInput, b: ReceivedInput): number {
  return signaturesOf(b) - signaturesOf(a) || b.receivedAt.getTime() - a.receivedAt.getTime() || a.id.localeCompare(b.id);
}

function embeddedOf(file: CaseFile): { supersedes: string | null; caseReference: string | null; answers: Answers | null } {
  if (file.report.verdict !== 'valid') return { supersedes: null, caseReference: null, answers: null };
  const embedded = readEmbedded(file.assessment);
  if ('problem' in embedded) return { supersedes: null, caseReference: null, answers: null };
  return { supersedes: embedded.supersedes, caseReference: embedded.caseReference, answers: withoutDecisions(embedded.instrument, embedded.answers) };
}

/** Union-find over version fingerprints. */
function joiner(keys: readonly string[]) {
  const parent = new Map(keys.map((k) => [k, k]));
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(k, root);
    return root;
  };
  return {
    find,
    join(a: string, b: string) {
      if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
    },
  };
}

function byTime(a: CaseVersion, b: CaseVersion): number {
  return (a.signedAt?.getTime() ?? 0) - (b.signedAt?.getTime() ?? 0) || a.fingerprint.localeCompare(b.fingerprint);
}

/**
 * Oldest first: a version always after the one it supersedes, otherwise by the assessor's signing
 * time. A hostile cycle of "supersedes" (A names B, B names A) falls back to time alone.
 */
function ordered(group: readonly CaseVersion[]): CaseVersion[] {
  const remaining = [...group].sort(byTime);
  const placed = new Set<string>();
  const out: CaseVersion[] = [];
  while (remaining.length > 0) {
    const index = remaining.findIndex((v) => v.supersedes === null || placed.has(v.supersedes) || !remaining.some((w) => w.fingerprint === v.supersedes));
    const [next] = remaining.splice(index === -1 ? 0 : index, 1) as [CaseVersion];
    placed.add(next.fingerprint);
    out.push(next);
  }
  return out;
}

/** The received files as cases, each with its versions and their states; newest activity first. */
export function groupCases(inputs: readonly ReceivedInput[]): ReceivedCase[] {
  const byVersion = new Map<string, ReceivedInput[]>();
  for (const input of inputs) byVersion.set(input.file.fingerprint, [...(byVersion.get(input.file.fingerprint) ?? []), input]);
  const facts = new Map([...byVersion].map(([fp, copies]) => [fp, embeddedOf((copies[0] as ReceivedInput).file)]));
  const links = [...facts].map(([fingerprint, f]) => ({ fingerprint, supersedes: f.supersedes }));

  const versions: CaseVersion[] = [...byVersion].map(([fingerprint, copies]) => {
    const sorted = [...copies].sort(representativeFirst);
    const withStates = sorted.map((input) => ({ input, state: caseState(input.file, { versions: links }) }));
    const first = sorted[0] as ReceivedInput;
    const assessor = first.file.report.signatures[0];
    const f = facts.get(fingerprint) ?? { supersedes: null, caseReference: null, answers: null };
    return {
      fingerprint,
      supersedes: f.supersedes,
      copies: withStates,
      state: (withStates[0] as CaseCopy).state,
      assessorKey: assessor?.signerKey ?? '',
      signedAt: assessor?.claimedSigningTime ?? null,
      answers: f.answers,
      seen: sorted.some((c) => c.seenAt !== null),
    };
  });

  const union = joiner(versions.map((v) => v.fingerprint));
  const byIdentity = new Map<string, string>();
  for (const v of versions) {
    if (v.supersedes !== null) union.join(v.fingerprint, v.supersedes);
    const reference = facts.get(v.fingerprint)?.caseReference ?? null;
    if (reference === null || v.assessorKey === '') continue;
    const key = JSON.stringify([reference, v.assessorKey]);
    const other = byIdentity.get(key);
    if (other === undefined) byIdentity.set(key, v.fingerprint);
    else union.join(v.fingerprint, other);
  }

  const groups = new Map<string, CaseVersion[]>();
  for (const v of versions) {
    const root = union.find(v.fingerprint);
    groups.set(root, [...(groups.get(root) ?? []), v]);
  }
  const cases = [...groups.values()].map((group): ReceivedCase => {
    const versions = ordered(group);
    const latest = versions[versions.length - 1] as CaseVersion;
    const seen = versions.filter((v) => v.seen);
    const lastSeen = seen.length > 0 && seen[seen.length - 1] !== latest ? (seen[seen.length - 1] as CaseVersion) : null;
    return { id: (latest.copies[0] as CaseCopy).input.id, versions, latest, lastSeen };
  });
  const activity = (c: ReceivedCase) => Math.max(...c.versions.flatMap((v) => v.copies.map((copy) => copy.input.receivedAt.getTime())));
  return cases.sort((a, b) => activity(b) - activity(a) || a.id.localeCompare(b.id));
}

/** Stable text of an answer, for comparing two versions' answers. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export interface VersionChanges {
  /** Item codes whose answer was added, removed or changed, in the newer version's item order where known. */
  readonly answers: readonly { readonly code: string; readonly before: unknown; readonly after: unknown }[];
  /** Rule ids standing in the newer version and not the older (by level), and those no longer standing. */
  readonly flagsRaised: readonly string[];
  readonly flagsCleared: readonly string[];
  readonly recommendation: { readonly before: string | null; readonly after: string | null } | null;
  readonly overall: { readonly before: string; readonly after: string } | null;
}

/** What changed from one version of a case to a later one: answers, standing flags, recommendation, rating. */
export function versionChanges(older: CaseVersion, newer: CaseVersion): VersionChanges {
  const before = older.answers ?? {};
  const after = newer.answers ?? {};
  const order = newer.state.result?.visibleItems ?? [];
  const codes = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) => {
    const ia = order.indexOf(a.split('.')[0] ?? a);
    const ib = order.indexOf(b.split('.')[0] ?? b);
    return (ia === -1 ? Number.MAX_SAFE_INTEGER : ia) - (ib === -1 ? Number.MAX_SAFE_INTEGER : ib) || a.localeCompare(b);
  });
  const answers = codes.filter((code) => canonical(before[code]) !== canonical(after[code])).map((code) => ({ code, before: before[code], after: after[code] }));
  const standing = (v: CaseVersion) => new Set((v.state.result?.flags ?? []).filter((f) => !f.overridden).map((f) => f.ruleId));
  const was = standing(older);
  const now = standing(newer);
  const chosen = (v: CaseVersion) => v.state.result?.chosen.recommendation ?? null;
  const overallOf = (v: CaseVersion) => v.state.result?.overall.level ?? null;
  const [rb, ra, ob, oa] = [chosen(older), chosen(newer), overallOf(older), overallOf(newer)];
  return {
    answers,
    flagsRaised: [...now].filter((id) => !was.has(id)),
    flagsCleared: [...was].filter((id) => !now.has(id)),
    recommendation: rb === ra ? null : { before: rb, after: ra },
    overall: ob === oa || ob === null || oa === null ? null : { before: ob, after: oa },
  };
}
