// An attack case is a file, what it tries, and what the app (and pdfsig) must say about it. The
// checks below are the suite's invariants; a failing case lists every broken one with the path of
// the file on disk, so it can be opened in pdfsig, qpdf or the app by hand.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { pdfsig, nssDatabase } from './pdfsig';
import type { PdfsigReport } from './pdfsig';
import { verdictOf } from './verdict';
import type { ChangedAfter, SecurityVerdict } from './verdict';
import { verdictInChild } from './isolated';
import type { World } from './world';

export type Verdict = SecurityVerdict['verdict'];

/** Anything but valid: the attack must not pass. */
export const NOT_VALID: readonly Verdict[] = ['modified', 'invalid', 'refused'];
/** A file the app may show as valid (e.g. a signer it does not trust signing their own file). */
export const ANY: readonly Verdict[] = ['valid', 'modified', 'invalid', 'refused'];

/** One statement about pdfsig's text for signature `sig` ('each' = every signature pdfsig lists, possibly none). */
export interface PdfsigCheck {
  readonly sig: number | 'each';
  readonly validation?: { readonly is?: string; readonly isNot?: string };
  readonly certificate?: { readonly is?: string; readonly isNot?: string };
  readonly wholeDocument?: boolean;
}

export interface Expectation {
  /** Verdicts the app may give (default NOT_VALID). */
  readonly verdicts?: readonly Verdict[];
  /**
   * The assessment the app may show: 'genuine-or-nothing' (default) is the genuine assessment or
   * none; 'genuine' must be exactly the genuine one; 'any' when the attacker signs their own file.
   */
  readonly shows?: 'genuine-or-nothing' | 'genuine' | 'any';
  /** Per signature: may it be shown as trusted (its own certificate issued by the trusted root, in profile)? Default: no. */
  readonly trustable?: readonly boolean[];
  /** Per signature: exactly this trust (genuine files). */
  readonly trusted?: readonly boolean[];
  /** Per signature: what the app must say changed after it (checked unless the file is refused). */
  readonly changedAfter?: readonly (ChangedAfter | null)[];
  /** Exactly this many signatures (checked unless the file is refused). */
  readonly signatures?: number;
  readonly pdfsig?: readonly PdfsigCheck[];
  /** Verify in a separate process that is killed after 10 s (denial-of-service files). */
  readonly isolated?: boolean;
}

export interface AttackCase {
  /** Stable, descriptive file name: `<class>-<nn>-<what>.pdf`. */
  readonly file: string;
  /** One sentence: what the attacker does and hopes for. */
  readonly attack: string;
  readonly bytes: Uint8Array;
  readonly expect: Expectation;
}

export const OUT_DIR = fileURLToPath(new URL('../out/', import.meta.url));
export const HANG_MS = 10_000;

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

function checkVerdict(c: AttackCase, v: SecurityVerdict, w: World): string[] {
  const e = c.expect;
  const problems: string[] = [];
  const verdicts = e.verdicts ?? NOT_VALID;
  if (!verdicts.includes(v.verdict)) problems.push(`verdict is '${v.verdict}', expected ${verdicts.map((x) => `'${x}'`).join(' or ')}`);
  if (v.verdict === 'refused' && v.reasons.length === 0) problems.push('refused without a reason');
  const shows = e.shows ?? 'genuine-or-nothing';
  const isGenuine = isDeepStrictEqual(v.assessment, w.genuineAssessment);
  if (shows === 'genuine' && !isGenuine) problems.push(`shows ${v.assessment === null ? 'no assessment' : 'an assessment that is not the genuine one'}, expected the genuine assessment`);
  if (shows === 'genuine-or-nothing' && v.assessment !== null && !isGenuine) {
    const attacker = isDeepStrictEqual(v.assessment, w.attackerAssessment);
    problems.push(`shows ${attacker ? 'the ATTACKER’s assessment' : 'an assessment that is not the genuine one'} (verdict '${v.verdict}')`);
  }
  v.signatures.forEach((signature, i) => {
    if (e.trusted !== undefined) {
      if (signature.trusted !== (e.trusted[i] ?? false)) problems.push(`signature ${i + 1} trusted=${String(signature.trusted)}, expected ${String(e.trusted[i] ?? false)}`);
    } else if (signature.trusted && e.trustable?.[i] !== true) {
      problems.push(`signature ${i + 1} is shown as TRUSTED, but no trusted root issued this signer’s own certificate for signing at this time (own certificate, profile, validity)`);
    }
    for (const [what, value] of [['signer CN', signature.signer.cn], ['signer O', signature.signer.o], ['reason', signature.reason]] as const) {
      if (BIDI_CONTROLS.test(value)) problems.push(`signature ${i + 1}: ${what} is handed to the screen with bidirectional control characters (${JSON.stringify(value)})`);
    }
  });
  if (v.verdict !== 'refused') {
    if (e.signatures !== undefined && v.signatures.length !== e.signatures) problems.push(`${v.signatures.length} signatures reported, expected ${e.signatures}`);
    e.changedAfter?.forEach((expected, i) => {
      const actual = v.signatures[i]?.changedAfter;
      if (expected !== null && actual !== expected) problems.push(`signature ${i + 1}: changed after = '${actual ?? 'missing'}', expected '${expected}'`);
    });
  }
  return problems;
}

function checkPdfsig(checks: readonly PdfsigCheck[], report: PdfsigReport): string[] {
  const problems: string[] = [];
  for (const check of checks) {
    const targets = check.sig === 'each' ? report.signatures.map((s, i) => [i, s] as const) : [[check.sig, report.signatures[check.sig]] as const];
    for (const [i, s] of targets) {
      if (s === undefined) {
        problems.push(`pdfsig lists no signature ${i + 1}`);
        continue;
      }
      const label = `pdfsig signature ${i + 1}`;
      if (check.validation?.is !== undefined && s.validation !== check.validation.is) problems.push(`${label}: validation "${s.validation}", expected "${check.validation.is}"`);
      if (check.validation?.isNot !== undefined && s.validation === check.validation.isNot) problems.push(`${label}: validation "${s.validation}"`);
      if (check.certificate?.is !== undefined && s.certificate !== check.certificate.is) problems.push(`${label}: certificate "${s.certificate}", expected "${check.certificate.is}"`);
      if (check.certificate?.isNot !== undefined && s.certificate === check.certificate.isNot) problems.push(`${label}: certificate "${s.certificate}"`);
      if (check.wholeDocument !== undefined && s.wholeDocument !== check.wholeDocument) {
        problems.push(`${label}: ${s.wholeDocument === true ? 'claims the total document is signed' : s.wholeDocument === false ? 'says not total document signed' : 'says nothing about coverage'}`);
      }
    }
  }
  return problems;
}

const cleaned = new Set<string>();

/** Writes the file, asks the app and pdfsig, and fails with every broken invariant. */
export async function expectCase(c: AttackCase, w: World, group: string): Promise<void> {
  const dir = `${OUT_DIR}${group}/`;
  if (!cleaned.has(group)) {
    // Each class is one test file (one module instance): stale files of renamed cases go.
    rmSync(dir, { recursive: true, force: true });
    cleaned.add(group);
  }
  mkdirSync(dir, { recursive: true });
  const path = `${dir}${c.file}`;
  writeFileSync(path, c.bytes);
  const verdict = c.expect.isolated === true ? await verdictInChild(path, w.org.rootPem, HANG_MS) : await verdictOf(c.bytes, w.rootsPem);
  const problems = typeof verdict === 'string' ? [verdict] : checkVerdict(c, verdict, w);
  let pdfsigText = '';
  if (c.expect.pdfsig !== undefined) {
    const report = await pdfsig(path, nssDatabase(w.org.rootPem));
    pdfsigText = report.text;
    problems.push(...checkPdfsig(c.expect.pdfsig, report));
  }
  const today = typeof verdict === 'string' ? verdict : { ...verdict, assessment: verdict.assessment === null ? null : isDeepStrictEqual(verdict.assessment, w.genuineAssessment) ? 'genuine' : isDeepStrictEqual(verdict.assessment, w.attackerAssessment) ? 'ATTACKER' : 'other' };
  writeFileSync(`${path}.verdict.json`, `${JSON.stringify({ file: c.file, attack: c.attack, expected: { ...c.expect, pdfsig: undefined }, today, problems, pdfsig: pdfsigText }, null, 1)}\n`);
  expect(problems, `${path}\n${c.attack}`).toEqual([]);
}
