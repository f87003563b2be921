import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryAttachment } from '../../../src/export/summary/attachment';
import { summaryInput } from '../summary/fixture';
import { formatDecisionReason, PREPARED_REASON, type Decision } from '../../../src/case/decision';
import type { Role } from '../../../src/case/roles';
import { caseState } from '../../../src/case/state';
import type { CaseFile, CaseSignature } from '../../../src/case/types';

// Cases of instrument v2 as the summary embeds them (tests/golden/cases-v2).
const embedded = (file: string) => summaryAttachment(summaryInput(`cases-v2/${file}`, 'en'));
const LOW_RISK = embedded('01-adult-avr-low-risk-signable.json');
const OVERRIDABLE = embedded('13-adult-network-at-destination-override-holds.json'); // STOP F3, not hard
const CHILD_AGAINST = embedded('23-child-bia-against-return-override-refused.json'); // hard STOP, proceed chosen

const ASSESSOR_KEY = 'a'.repeat(64);
const at = new Date('2026-11-28T10:00:00Z');

function signature(reason: string, options: { role?: Role | ''; key?: string; trusted?: boolean; valid?: boolean; name?: string } = {}): CaseSignature {
  return {
    valid: options.valid ?? true,
    signerKey: options.key ?? 'b'.repeat(64),
    signer: { cn: options.name ?? 'Dana Reviewer (fictional)', o: 'Homeward Partner NGO (fictional)', role: options.role ?? 'supervisor' },
    claimedSigningTime: at,
    reason,
    trust: { status: options.trusted === false ? 'self-signed' : 'trusted' },
  };
}

const assessorSig = signature(PREPARED_REASON, { key: ASSESSOR_KEY, role: 'caseworker', name: 'Caseworker HW-A' });
const decided = (decision: Decision, options: Parameters<typeof signature>[1] = {}) => signature(formatDecisionReason(decision), options);
const HANDOVER = { metBy: 'Partner caseworker (fictional)', firstNight: 'Shelter North-3', firstContact: '2026-12-12' };
const PARTNER_ACCEPTS = decided({ kind: 'accept', handover: HANDOVER, comments: 'Met at arrivals.' }, { role: 'partner', key: 'd'.repeat(64), name: 'Partner Staff (fictional)' });

function file(assessment: unknown, later: readonly CaseSignature[], fingerprint = 'f'.repeat(64)): CaseFile {
  return { fingerprint, assessment, report: { verdict: 'valid', signatures: [assessorSig, ...later] } };
}

describe('caseState', () => {
  it('a summary nobody has decided on awaits review; the in-draft supervisor fields count for nothing', () => {
    const state = caseState(file(OVERRIDABLE, []));
    expect(state.kind).toBe('awaiting-review');
    expect(state.caseReference).toBe('HW-0042');
    expect(state.instrument).toEqual({ id: 'homeward-return', version: 2 });
    // The golden case's typed N7 (supervisor) is removed: sign-off needs a signed decision.
    expect(state.blockers.map((b) => b.key)).toEqual(expect.arrayContaining(['signoff.supervisor_review']));
  });

  it('a low-risk case: approval waits for the receiving organisation’s written acknowledgement, then counts', () => {
    const alone = caseState(file(LOW_RISK, [decided({ kind: 'approve', comments: 'Checked.' })]));
    expect(alone.kind).toBe('awaiting-review');
    expect(alone.decisions[0]?.blockers.map((b) => b.key)).toEqual(['signoff.partner-acknowledgement.reason']);
    const state = caseState(file(LOW_RISK, [PARTNER_ACCEPTS, decided({ kind: 'approve', comments: 'Checked.' })]));
    expect(state.kind).toBe('accepted');
    expect(state.blockers).toEqual([]);
    expect(state.decisions.map((d) => [d.signature, d.ignored])).toEqual([
      [2, null],
      [3, null],
    ]);
  });

  it('an approval while a STOP blocks the chosen recommendation does not count; the override of that named rule, then approval, does', () => {
    const blocked = caseState(file(OVERRIDABLE, [decided({ kind: 'approve' })]));
    expect(blocked.kind).toBe('awaiting-review');
    expect(blocked.decisions[0]?.ignored).toBe('blocked');
    expect(blocked.decisions[0]?.blockers.map((b) => b.key)).toContain('signoff.recommendation_blocked');

    const override = decided({ kind: 'override', rules: ['F3-network-at-destination'], comments: 'Protection order in place; police informed.' }, { role: 'legal_adviser', key: 'c'.repeat(64) });
    const granted = caseState(file(OVERRIDABLE, [override]));
    expect(granted.kind).toBe('override-granted');
    expect(granted.overridden).toEqual(['F3-network-at-destination']);
    expect(granted.result?.override.state).toBe('active');

    const approved = caseState(file(OVERRIDABLE, [override, PARTNER_ACCEPTS, decided({ kind: 'approve' })]));
    expect(approved.decisions.map((d) => d.ignored)).toEqual([null, null, null]);
    expect(approved.kind).toBe('accepted');
    expect(approved.blockers).toEqual([]);
  });

  it('a hard rule is never lifted, so approving the proceed a child’s best interests forbid never counts', () => {
    const state = caseState(
      file(CHILD_AGAINST, [
        decided({ kind: 'override', rules: ['L4-not-in-best-interests'], comments: 'x' }, { role: 'service_manager' }),
        decided({ kind: 'approve' }),
      ]),
    );
    expect(state.isChild).toBe(true);
    expect(state.decisions.map((d) => d.ignored)).toEqual(['hard-rule', 'blocked']);
    expect(state.overridden).toEqual([]);
    expect(state.kind).toBe('awaiting-review');
  });

  it('decisions by the assessor’s own key, by an untrusted signer or in the wrong role change nothing', () => {
    const state = caseState(
      file(LOW_RISK, [
        decided({ kind: 'approve' }, { key: ASSESSOR_KEY, name: 'Someone Else (fictional)' }),
        decided({ kind: 'approve' }, { trusted: false }),
        decided({ kind: 'approve' }, { role: 'caseworker' }),
        decided({ kind: 'approve' }, { role: 'partner' }),
        decided({ kind: 'approve' }, { role: '' }),
      ]),
    );
    expect(state.kind).toBe('awaiting-review');
    expect(state.decisions.map((d) => d.ignored)).toEqual(['assessor', 'not-vouched-for', 'role', 'role', 'role']);
  });

  it('return for changes; a partner’s acceptance alone approves nothing; a decline withdraws it; a later version supersedes', () => {
    expect(caseState(file(LOW_RISK, [decided({ kind: 'return', comments: 'Confirm the address.' })])).kind).toBe('returned');
    expect(caseState(file(LOW_RISK, [PARTNER_ACCEPTS])).kind).toBe('awaiting-review');
    const declined = caseState(file(LOW_RISK, [PARTNER_ACCEPTS, decided({ kind: 'approve' }), decided({ kind: 'decline', comments: 'No shelter place.' }, { role: 'partner', key: 'd'.repeat(64) })]));
    expect(declined.kind).toBe('declined');
    expect(declined.result?.signOff.ready).toBe(false);
    // The decline reopens sign-off: what blocks it is shown again, not hidden as if settled.
    expect(declined.blockers.map((b) => b.key)).toContain('signoff.partner-acknowledgement.reason');
    const superseded = caseState(file(LOW_RISK, [PARTNER_ACCEPTS, decided({ kind: 'approve' })]), { versions: [{ fingerprint: '1'.repeat(64), supersedes: 'f'.repeat(64) }] });
    expect(superseded).toMatchObject({ kind: 'superseded', supersededBy: '1'.repeat(64) });
  });

  it('a file that did not verify, or an assessment this copy cannot judge, is unusable', () => {
    expect(caseState({ ...file(LOW_RISK, []), report: { verdict: 'modified', signatures: [assessorSig] } })).toMatchObject({ kind: 'unusable', unusable: 'verdict-modified' });
    expect(caseState(file({ format: 'homeward-assessment', version: 1 }, [])).kind).toBe('unusable');
    const tampered = structuredClone(LOW_RISK) as { instrument: { sha256: string } };
    tampered.instrument.sha256 = '0'.repeat(64);
    expect(caseState(file(tampered, [])).unusable).toBe('instrument-changed');
  });
});

describe('caseState properties', () => {
  const roles: (Role | '')[] = ['caseworker', 'supervisor', 'legal_adviser', 'service_manager', 'partner', 'other', ''];
  const decisions: Decision[] = [
    { kind: 'approve' },
    { kind: 'return', comments: 'Change it.' },
    { kind: 'override', rules: ['F3-network-at-destination'], comments: 'Reason.' },
    { kind: 'override', rules: ['L4-not-in-best-interests'], comments: 'Reason.' },
    { kind: 'accept', handover: HANDOVER },
    { kind: 'decline', comments: 'No place.' },
  ];
  const step = fc.record({
    decision: fc.constantFrom(...decisions),
    role: fc.constantFrom(...roles),
    trusted: fc.boolean(),
    assessorKey: fc.boolean(),
  });
  const toSig = (s: { decision: Decision; role: Role | ''; trusted: boolean; assessorKey: boolean }, i: number) =>
    decided(s.decision, { role: s.role, trusted: s.trusted, key: s.assessorKey ? ASSESSOR_KEY : i.toString(16).padStart(64, '0') });

  it('signatures that are untrusted or by the assessor’s key never change the state', () => {
    fc.assert(
      fc.property(fc.constantFrom(LOW_RISK, OVERRIDABLE, CHILD_AGAINST), fc.array(step, { maxLength: 5 }), (assessment, steps) => {
        const sigs = steps.map(toSig);
        const kept = sigs.filter((_s, i) => steps[i]?.trusted === true && steps[i]?.assessorKey === false);
        expect(caseState(file(assessment, sigs)).kind).toBe(caseState(file(assessment, kept)).kind);
      }),
      { numRuns: 60, seed: 14 },
    );
  });

  it('approved (or after) only when a counted approval exists and nothing blocks sign-off; a hard rule is never lifted', () => {
    fc.assert(
      fc.property(fc.constantFrom(LOW_RISK, OVERRIDABLE, CHILD_AGAINST), fc.array(step, { maxLength: 5 }), (assessment, steps) => {
        const state = caseState(file(assessment, steps.map(toSig)));
        const settled = ['approved', 'accepted', 'declined'].includes(state.kind);
        if (settled) expect(state.decisions.some((d) => d.decision?.kind === 'approve' && d.ignored === null)).toBe(true);
        if (state.kind === 'approved' || state.kind === 'accepted') expect(state.result?.signOff.ready).toBe(true);
        if (state.kind === 'approved' || state.kind === 'accepted') expect(state.blockers).toEqual([]);
        if (state.kind === 'declined') expect(state.blockers.length).toBeGreaterThan(0);
        expect(state.overridden).not.toContain('L4-not-in-best-interests');
        if (assessment === CHILD_AGAINST) expect(settled).toBe(false);
      }),
      { numRuns: 80, seed: 15 },
    );
  });
});
