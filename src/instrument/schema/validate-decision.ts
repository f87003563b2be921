/**
 * Loader checks of the decision block: every item it names exists and has the type its role
 * needs (a recommendation choice, an override record with role options, a mitigation rows item
 * with a `flags` column, a sign-off record and a departure date…).
 */
import type { AnswerType } from './answer-types';
import type { Condition } from './condition';
import { recommendations, type Instrument, type Item } from './instrument';

type CheckCondition = (cond: Condition, where: string) => string[];

export function checkDecision(inst: Instrument, items: Map<string, Item>, checkCondition: CheckCondition): string[] {
  const d = inst.decision;
  const p: string[] = [];
  const expect = (c: string, types: AnswerType[], what: string) => {
    const item = items.get(c);
    if (!item) p.push(`decision.${what} names missing item ${c}`);
    else if (!types.includes(item.type)) p.push(`decision.${what}: ${c} must be ${types.join(' or ')}`);
  };
  expect(d.recommendation, ['choice'], 'recommendation');
  expect(d.assessorRating, ['choice'], 'assessorRating');
  expect(d.narrative, ['text'], 'narrative');
  let roleItem: string;
  if ('record' in d.override) {
    expect(d.override.record, ['override'], 'override.record');
    roleItem = d.override.record;
  } else {
    expect(d.override.reason, ['text'], 'override.reason');
    expect(d.override.by, ['text'], 'override.by');
    expect(d.override.role, ['choice'], 'override.role');
    expect(d.override.date, ['date'], 'override.date');
    roleItem = d.override.role;
  }
  expect(d.supervisorReview, ['signature'], 'supervisorReview');
  if (d.assessor !== undefined) expect(d.assessor, ['text'], 'assessor');
  if (d.multiAgencyReview !== undefined) expect(d.multiAgencyReview, ['ynu'], 'multiAgencyReview');
  if (d.signOff) {
    expect(d.signOff.record, ['signoff'], 'signOff.record');
    expect(d.signOff.departure, ['date'], 'signOff.departure');
  }
  if (d.mitigation) {
    expect(d.mitigation.item, ['rows'], 'mitigation.item');
    const column = items.get(d.mitigation.item)?.columns?.find((c) => c.key === d.mitigation?.flags);
    if (column?.type !== 'flags') p.push(`decision.mitigation: ${d.mitigation.item} needs a flags column ${d.mitigation.flags}`);
    const accepted = d.mitigation.accepted;
    const response = accepted && items.get(d.mitigation.item)?.columns?.find((c) => c.key === accepted.column);
    if (accepted && !response?.options?.some((o) => o.code === accepted.value)) {
      p.push(`decision.mitigation.accepted: ${d.mitigation.item} needs a choice column ${accepted.column} with option ${accepted.value}`);
    }
  }
  const rec = items.get(d.recommendation)?.options?.map((o) => o.code).sort().join(',');
  if (rec !== undefined && rec !== [...recommendations].sort().join(',')) {
    p.push(`decision.recommendation: ${d.recommendation} options must be ${recommendations.join(', ')}`);
  }
  const roles = new Set(items.get(roleItem)?.options?.map((o) => o.code));
  for (const r of d.seniorRoles) if (!roles.has(r)) p.push(`decision.seniorRoles: ${r} is not an option of ${roleItem}`);
  for (const req of d.signOffRequires) {
    p.push(...checkCondition(req.when, `signOffRequires ${req.id}`));
    p.push(...checkCondition(req.require, `signOffRequires ${req.id}`));
  }
  return p;
}
