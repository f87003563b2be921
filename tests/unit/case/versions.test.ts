import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryAttachment } from '../../../src/export/summary/attachment';
import { summaryInput } from '../summary/fixture';
import { formatDecisionReason, PREPARED_REASON, type Decision } from '../../../src/case/decision';
import { groupCases, versionChanges, type ReceivedInput } from '../../../src/case/versions';
import type { CaseSignature } from '../../../src/case/types';

const OVERRIDABLE = 'cases-v2/13-adult-network-at-destination-override-holds.json'; // STOP F3, not hard
const LOW_RISK = 'cases-v2/01-adult-avr-low-risk-signable.json';

type Embedded = Record<string, unknown> & { metadata: Record<string, unknown>; answers: Record<string, unknown> };
const embedded = (file: string): Embedded => structuredClone(summaryAttachment(summaryInput(file, 'en'))) as Embedded;

function withMeta(value: Embedded, meta: Record<string, unknown>): Embedded {
  return { ...value, metadata: { ...value.metadata, ...meta } };
}

const hex = (c: string) => c.repeat(64);
const sig = (reason: string, key: string, role: string, at: string): CaseSignature => ({
  valid: true,
  signerKey: key,
  signer: { cn: `${role} (fictional)`, o: 'Homeward NGO (fictional)', role },
  claimedSigningTime: new Date(at),
  reason,
  trust: { status: 'trusted' },
});
const assessor = (key = hex('a'), at = '2026-11-01T10:00:00Z') => sig(PREPARED_REASON, key, 'caseworker', at);
const decision = (d: Decision, role = 'supervisor', key = hex('b')) => sig(formatDecisionReason(d), key, role, '2026-11-02T10:00:00Z');

let ids = 0;
function received(fingerprint: string, assessment: unknown, signatures: CaseSignature[], options: { receivedAt?: string; seen?: boolean } = {}): ReceivedInput {
  ids += 1;
  return {
    id: `id-${String(ids)}`,
    file: { fingerprint, assessment, report: { verdict: 'valid', signatures } },
    receivedAt: new Date(options.receivedAt ?? `2026-11-0${String(1 + (ids % 8))}T12:00:00Z`),
    seenAt: options.seen === true ? new Date('2026-11-09T00:00:00Z') : null,
  };
}

describe('groupCases', () => {
  it('copies of one version are one version; the copy with the most signatures decides its state', () => {
    const original = received(hex('1'), embedded(LOW_RISK), [assessor()], { receivedAt: '2026-11-05T00:00:00Z' });
    const returned = received(hex('1'), embedded(LOW_RISK), [assessor(), decision({ kind: 'return', comments: 'Ask about the debt again.' })], { receivedAt: '2026-11-04T00:00:00Z' });
    const [one, ...rest] = groupCases([original, returned]);
    expect(rest).toEqual([]);
    expect(one?.versions).toHaveLength(1);
    expect(one?.latest.state.kind).toBe('returned');
    expect(one?.latest.copies.map((c) => c.input.id)).toEqual([returned.id, original.id]);
    expect(one?.latest.copies.map((c) => c.state.kind)).toEqual(['returned', 'awaiting-review']);
    expect(one?.id).toBe(returned.id);
  });

  it('a version naming another as superseded joins it, in order, and the older one is superseded', () => {
    const first = embedded(OVERRIDABLE);
    const v1 = received(hex('1'), first, [assessor(hex('a'), '2026-11-01T10:00:00Z')], { seen: true });
    const v2 = received(hex('2'), withMeta(embedded(LOW_RISK), { supersedes: hex('1'), caseReference: 'Another typed reference' }), [assessor(hex('e'), '2026-11-03T10:00:00Z')]);
    const [one, ...rest] = groupCases([v2, v1]);
    expect(rest).toEqual([]);
    expect(one?.versions.map((v) => v.fingerprint)).toEqual([hex('1'), hex('2')]);
    expect(one?.versions[0]?.state.kind).toBe('superseded');
    expect(one?.versions[0]?.state.supersededBy).toBe(hex('2'));
    expect(one?.latest.state.kind).toBe('awaiting-review');
    expect(one?.lastSeen?.fingerprint).toBe(hex('1'));
  });

  it('the same typed case reference joins versions only when the same assessor key signed them', () => {
    const a = received(hex('1'), embedded(LOW_RISK), [assessor(hex('a'))]);
    const sameKey = received(hex('2'), embedded(LOW_RISK), [assessor(hex('a'), '2026-11-04T10:00:00Z')]);
    const otherKey = received(hex('3'), embedded(LOW_RISK), [assessor(hex('c'))]);
    const cases = groupCases([a, sameKey, otherKey]);
    expect(cases).toHaveLength(2);
    const joined = cases.find((c) => c.versions.length === 2);
    expect(joined?.versions.map((v) => v.fingerprint)).toEqual([hex('1'), hex('2')]);
    expect(cases.find((c) => c.versions.length === 1)?.latest.fingerprint).toBe(hex('3'));
  });

  it('no reviewer has seen anything: no last-seen version; the latest seen is not reported as "last seen"', () => {
    const v1 = received(hex('1'), embedded(LOW_RISK), [assessor()]);
    expect(groupCases([v1])[0]?.lastSeen).toBeNull();
    const seen = received(hex('1'), embedded(LOW_RISK), [assessor()], { seen: true });
    expect(groupCases([seen])[0]?.lastSeen).toBeNull();
  });

  it('a file whose assessment cannot be judged is its own unusable case, never joined by typed text', () => {
    const broken = received(hex('9'), { format: 'something-else' }, [assessor()]);
    const good = received(hex('1'), embedded(LOW_RISK), [assessor()]);
    const cases = groupCases([broken, good]);
    expect(cases).toHaveLength(2);
    expect(cases.find((c) => c.latest.fingerprint === hex('9'))?.latest.state.kind).toBe('unusable');
  });

  it('a hostile cycle of versions naming each other is one case with every version, ordered by signing time', () => {
    const make = (n: string, sup: string, at: string) => received(hex(n), withMeta(embedded(LOW_RISK), { supersedes: hex(sup), caseReference: `R${n}` }), [assessor(hex(n), at)]);
    const cases = groupCases([make('1', '3', '2026-11-01T10:00:00Z'), make('2', '1', '2026-11-02T10:00:00Z'), make('3', '2', '2026-11-03T10:00:00Z')]);
    expect(cases).toHaveLength(1);
    expect(cases[0]?.versions.map((v) => v.fingerprint)).toEqual([hex('1'), hex('2'), hex('3')]);
    // Each is named as superseded by another: none is presented as the current state.
    expect(cases[0]?.versions.every((v) => v.state.kind === 'superseded')).toBe(true);
  });

  it('property: every file lands in exactly one case, every version once, and versions of a case are ordered by supersession', { timeout: 60_000 }, () => {
    // The engine runs once per version; the embedded assessment is built once (the slow part).
    const base = embedded(LOW_RISK);
    fc.assert(
      fc.property(
        fc.array(fc.record({ version: fc.integer({ min: 0, max: 5 }), supersedes: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), key: fc.constantFrom('a', 'c'), copies: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 8 }),
        (specs) => {
          const byVersion = new Map<number, (typeof specs)[number]>();
          for (const s of specs) if (!byVersion.has(s.version)) byVersion.set(s.version, s);
          const inputs = [...byVersion.values()].flatMap((s) => {
            // Supersession points to an earlier version here; hostile cycles are the next test.
            const meta = s.supersedes !== null && s.supersedes < s.version ? { supersedes: hex(String(s.supersedes)) } : {};
            const value = withMeta(base, { ...meta, caseReference: `REF-${String(s.version)}` });
            return Array.from({ length: s.copies }, (_, i) => received(hex(String(s.version)), value, [assessor(hex(s.key), `2026-11-0${String(1 + s.version)}T10:00:00Z`), ...(i > 0 ? [decision({ kind: 'return', comments: 'Please check.' })] : [])]));
          });
          const cases = groupCases(inputs);
          const ids = cases.flatMap((c) => c.versions.flatMap((v) => v.copies.map((copy) => copy.input.id)));
          expect(ids.sort()).toEqual(inputs.map((i) => i.id).sort());
          const fps = cases.flatMap((c) => c.versions.map((v) => v.fingerprint));
          expect(new Set(fps).size).toBe(fps.length);
          for (const c of cases) {
            c.versions.forEach((v, i) => {
              const later = c.versions.slice(i + 1);
              expect(later.some((w) => v.supersedes === w.fingerprint)).toBe(false);
            });
            expect(c.latest).toBe(c.versions[c.versions.length - 1]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('versionChanges', () => {
  it('names the answers that changed, the flags raised and cleared, and the new recommendation', () => {
    const before = embedded(OVERRIDABLE);
    const after = embedded(LOW_RISK);
    const v1 = received(hex('1'), before, [assessor()]);
    const v2 = received(hex('2'), withMeta(after, { supersedes: hex('1') }), [assessor(hex('a'), '2026-11-03T10:00:00Z')]);
    const [one] = groupCases([v1, v2]);
    const [older, newer] = one?.versions ?? [];
    if (older === undefined || newer === undefined) throw new Error('two versions expected');
    const changes = versionChanges(older, newer);
    const changedCodes = changes.answers.map((a) => a.code);
    const expected = Object.keys({ ...before.answers, ...after.answers }).filter((code) => JSON.stringify(before.answers[code]) !== JSON.stringify(after.answers[code]));
    // Every changed answer is named (decision items excepted), and nothing unchanged is.
    for (const code of changedCodes) expect(expected).toContain(code);
    expect(changedCodes.length).toBeGreaterThan(0);
    expect(changes.flagsCleared).toContain('F3-network-at-destination');
    expect(changes.flagsRaised).not.toContain('F3-network-at-destination');
    expect(changes.overall).not.toBeNull();
  });

  it('two identical versions have no changes', () => {
    const v1 = received(hex('1'), embedded(LOW_RISK), [assessor()]);
    const v2 = received(hex('2'), withMeta(embedded(LOW_RISK), { supersedes: hex('1') }), [assessor(hex('a'), '2026-11-03T10:00:00Z')]);
    const [one] = groupCases([v1, v2]);
    const [older, newer] = one?.versions ?? [];
    if (older === undefined || newer === undefined) throw new Error('two versions expected');
    expect(versionChanges(older, newer)).toEqual({ answers: [], flagsRaised: [], flagsCleared: [], recommendation: null, overall: null });
  });

  it('an answer changed inside a table row or a verbatim record is found, whatever the key order', () => {
    const before = embedded(LOW_RISK);
    const reorder = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reorder) : typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)])) : value;
    const structured = (value: unknown) => (Array.isArray(value) ? value.some((v) => typeof v === 'object') : typeof value === 'object' && value !== null && !('special' in value));
    const code = Object.keys(before.answers).find((c) => structured(before.answers[c]));
    if (code === undefined) throw new Error('the low-risk case has a structured answer');
    const reordered = reorder(before.answers[code]);
    const same = { ...before, answers: { ...before.answers, [code]: reordered } };
    const v1 = received(hex('1'), before, [assessor()]);
    const v2 = received(hex('2'), withMeta(same, { supersedes: hex('1') }), [assessor(hex('a'), '2026-11-03T10:00:00Z')]);
    const [one] = groupCases([v1, v2]);
    const [older, newer] = one?.versions ?? [];
    if (older === undefined || newer === undefined) throw new Error('two versions expected');
    expect(versionChanges(older, newer).answers).toEqual([]);
  });
});
