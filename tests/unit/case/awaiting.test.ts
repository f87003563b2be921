import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awaitsDecisionFrom } from '../../../src/case/awaiting';
import { roles, type Role } from '../../../src/case/roles';
import type { CaseState, CaseStateKind, DecisionEntry } from '../../../src/case/types';

function state(kind: CaseStateKind, decisions: DecisionEntry[] = []): CaseState {
  return { kind, unusable: null, fingerprint: 'f'.repeat(64), caseReference: 'R', instrument: null, isChild: false, isYoungAdult: false, result: null, blockers: [], decisions, overridden: [], supersededBy: null };
}

const partnerDecision = (kind: 'accept' | 'decline', ignored: DecisionEntry['ignored'] = null): DecisionEntry => ({
  signature: 2,
  decision: kind === 'accept' ? { kind, handover: { metBy: 'M', firstNight: 'N', firstContact: '2026-12-01' }, comments: 'x' } : { kind, comments: 'x' },
  signer: { name: 'P', organisation: 'O', role: 'partner' },
  at: null,
  trusted: true,
  ignored,
  blockers: [],
});

describe('awaitsDecisionFrom', () => {
  it('a case awaiting review waits for a supervisor, a service manager, a legal adviser and the partner, never a caseworker', () => {
    const waiting = state('awaiting-review');
    expect(roles.filter((r) => awaitsDecisionFrom(waiting, r))).toEqual(['supervisor', 'legal_adviser', 'service_manager', 'partner']);
  });

  it('an approved case waits only for the partner, until the partner has answered in a decision that counts', () => {
    expect(roles.filter((r) => awaitsDecisionFrom(state('approved'), r))).toEqual(['partner']);
    expect(awaitsDecisionFrom(state('approved', [partnerDecision('accept')]), 'partner')).toBe(false);
    // A partner decision that does not count (e.g. not vouched for) leaves the case waiting.
    expect(awaitsDecisionFrom(state('approved', [partnerDecision('accept', 'not-vouched-for')]), 'partner')).toBe(true);
  });

  it('property: returned, accepted, declined, superseded and unusable cases wait for nobody', () => {
    fc.assert(
      fc.property(fc.constantFrom<CaseStateKind>('returned', 'accepted', 'declined', 'superseded', 'unusable'), fc.constantFrom<Role>(...roles), (kind, role) => {
        expect(awaitsDecisionFrom(state(kind), role)).toBe(false);
      }),
    );
  });
});
