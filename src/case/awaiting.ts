/**
 * Which cases wait for a decision from someone in a given role: the reviewer's "awaiting my
 * decision" filter. It mirrors who may decide what (state.ts): approve or return while a case
 * awaits review (supervisor, service manager; a legal adviser returns or overrides), and the
 * receiving partner's acceptance or decline until they have given one. A superseded or unusable
 * case waits for nobody.
 */
import type { Role } from './roles';
import type { CaseState } from './types';

const OPEN: readonly CaseState['kind'][] = ['awaiting-review', 'override-granted'];

export function awaitsDecisionFrom(state: CaseState, role: Role): boolean {
  switch (role) {
    case 'supervisor':
    case 'service_manager':
    case 'legal_adviser':
      return OPEN.includes(state.kind);
    case 'partner': {
      const answered = state.decisions.some((d) => d.ignored === null && (d.decision?.kind === 'accept' || d.decision?.kind === 'decline'));
      return !answered && (OPEN.includes(state.kind) || state.kind === 'approved');
    }
    case 'caseworker':
    case 'other':
      return false;
  }
}
