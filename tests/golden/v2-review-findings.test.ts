/**
 * Every change the domain review (shared/reference/domain-review-2026-12.md, sections 2.1–2.3)
 * asks for, checked on the real instrument homeward-return v2: each test is named by its finding
 * ("2.1.4", "2.2 F9", "2.3 row 12") so that docs/instrument-v2-traceability.md can point at it.
 * Each starts from a benign golden case (everything answered, "no impediment" offered) and changes
 * only the answers the finding is about. Findings v2 does not take up, or takes up differently, are
 * explained in docs/adr/0010-instrument-v2-scope.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess, visibleItemCodes, type AssessmentResult } from '../../src/engine';
import { getInstrument, stopRelevantItems, type Answers } from '../../src/instrument';
import { goldenV2 } from '../helpers/golden-v2';

const inst = getInstrument('homeward-return', 2);
const v1 = getInstrument('homeward-return', 1);
const NOW = '2026-11-27';
const content = JSON.parse(readFileSync(new URL('../../src/instrument/definitions/homeward-return/v2/content/en.json', import.meta.url), 'utf8')) as Record<string, string>;

const golden = goldenV2;

const adult = golden('01-adult-avr-low-risk-signable.json');
const child = golden('22-child-16-full-bia-signable.json');
const enforced: Answers = { ...adult, D5: 'enforced_removal' };
const run = (answers: Answers): AssessmentResult => assess(inst, answers, { now: NOW });
const levels = (r: AssessmentResult): Record<string, string> => Object.fromEntries(r.flags.map((f) => [f.ruleId, f.level]));
const rule = (id: string) => {
  const found = inst.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};
const withRow = (row: Record<string, string | number | null>): Answers => ({
  ...adult, A14: 'yes',
  LA1: [{ age: 7, views: 'Wants to go with her mother (fictional).', school_health: 'yes', risk: 'no', other_parent: 'consented', other_parent_linked: 'no', family_accepts_child: 'yes', birth_registered: 'yes', ...row }],
});

describe('the benign starting points', () => {
  it('raise no flag and offer "no impediment"', () => {
    for (const answers of [adult, child]) {
      const r = run(answers);
      expect(r.flags).toEqual([]);
      expect(r.recommendations.allowed).toContain('no_impediment');
    }
  });
});

/** A finding that changing some answers raises some rules at some levels, and not others. */
interface Raises {
  readonly finding: string;
  readonly from: Answers;
  readonly set: Answers;
  readonly raises: Readonly<Record<string, 'STOP' | 'ESC' | 'RISK' | 'INFO'>>;
  readonly not?: readonly string[];
}

const raising: readonly Raises[] = [
  // 2.1 Missing items
  { finding: '2.1.1 C9 earlier exploitation', from: adult, set: { C9: 'yes' }, raises: { 'C9-earlier-exploitation': 'ESC' } },
  { finding: '2.1.1 C10 came back and left again', from: adult, set: { C10: 'yes', 'C10.times': 1 }, raises: { 'C10-returned-and-left-before': 'ESC' }, not: ['C10-left-again-under-pressure'] },
  { finding: '2.1.1 C10 with necessity: for a supervisor', from: adult, set: { C10: 'yes', 'C10.times': 2, H9: 'by_necessity' }, raises: { 'C10-left-again-under-pressure': 'ESC' } },
  { finding: '2.1.1 C7 a risk for adults too', from: { ...adult, A10: '1996-05-12' }, set: { C7: 'yes' }, raises: { 'C7-exploited-as-child': 'RISK' } },
  { finding: '2.1.3 oath on the debt', from: adult, set: { E1: 'yes', 'E4.oath': 'yes' }, raises: { 'E4-oath': 'ESC' }, not: ['E4-oath-with-pressure'] },
  { finding: '2.1.3 oath with pressure', from: adult, set: { E1: 'yes', 'E4.oath': 'yes', E5: 'yes', 'E5.threat': 'no' }, raises: { 'E4-oath': 'ESC', 'E4-oath-with-pressure': 'STOP' } },
  { finding: '2.1.3 oath or ritual as leverage, with threats', from: adult, set: { F5: ['oath_or_ritual'], F2: 'yes' }, raises: { 'F5-leverage': 'ESC', 'E4-oath-with-pressure': 'STOP', 'F2-threats': 'STOP' } },
  { finding: '2.1.4 witness, network at return, prosecutor not consulted', from: adult, set: { D7: 'yes', 'D7.police_informed': 'no', F3: 'yes' }, raises: { 'D7-witness-network-at-return': 'STOP' } },
  { finding: '2.1.4 witness, prosecutor consulted', from: adult, set: { D7: 'yes', 'D7.police_informed': 'yes', F3: 'yes' }, raises: { 'D7-witness': 'ESC' }, not: ['D7-witness-network-at-return'] },
  { finding: '2.1.4 witness protection, testimony, compensation', from: adult, set: { D7: 'yes', 'D7.police_informed': 'yes', 'D7.protection_needed': 'yes', 'D7.remote_testimony': 'no', 'D7.compensation_claim': 'yes' }, raises: { 'D7-protection-needed': 'ESC', 'D7-no-remote-testimony': 'RISK', 'D7-compensation-lost': 'RISK' } },
  { finding: '2.1.5 a fine is a risk', from: adult, set: { D9: 'yes', 'D9.kind': ['fine'] }, raises: { 'D9-fine': 'RISK' }, not: ['D9-detention-or-prosecution', 'D9-other-penalty'] },
  { finding: '2.1.5 detention or prosecution is a STOP', from: adult, set: { D9: 'yes', 'D9.kind': ['detention'] }, raises: { 'D9-detention-or-prosecution': 'STOP' } },
  { finding: '2.1.5 no civil documents', from: adult, set: { 'D9.documents': 'no' }, raises: { 'D9-no-civil-documents': 'ESC' } },
  { finding: '2.1.6 other parent linked', from: withRow({ other_parent_linked: 'yes' }), set: {}, raises: { 'LA1-other-parent-linked': 'STOP' } },
  { finding: '2.1.6 family may not accept the child', from: withRow({ family_accepts_child: 'no' }), set: {}, raises: { 'LA1-family-may-reject-child': 'ESC' } },
  { finding: '2.1.6 birth not registered', from: withRow({ birth_registered: 'no' }), set: {}, raises: { 'LA1-birth-not-registered': 'ESC' } },
  { finding: '2.1.7 journey through the place of exploitation', from: adult, set: { 'K8.transit_risk': 'yes' }, raises: { 'K8-transit-risk': 'ESC' } },
  { finding: '2.1.8 community already knows', from: adult, set: { G11: 'yes' }, raises: { 'G11-community-knows': 'RISK' } },
  { finding: '2.1.9 blood feud', from: adult, set: { G4: 'yes', 'G4.kinds': ['feud'], 'G4.threats': 'no' }, raises: { 'G4-violence-risk': 'ESC' }, not: ['G4-stigma'] },
  { finding: '2.1.9 blood feud with threats', from: adult, set: { G4: 'yes', 'G4.kinds': ['feud'], 'G4.threats': 'yes' }, raises: { 'G4-violence-risk': 'ESC', 'G4-threats': 'STOP' } },
  // 2.2 Wording (the rule whose reason was reworded still fires)
  { finding: '2.2 F9 drawn back', from: adult, set: { F9: 'yes', 'F9.why': ['debt'] }, raises: { 'F9-returned-or-missing': 'ESC' } },
  { finding: '2.2 F9 missing from care, assessor-only', from: adult, set: { 'F9.missing': 'yes' }, raises: { 'F9-returned-or-missing': 'ESC' } },
  { finding: '2.2 E9 split: leave again', from: adult, set: { E1: 'yes', E11: 'by_necessity', E12: 'no' }, raises: { 'E11-debt-driven-remigration': 'ESC' }, not: ['E12-debt-driven-risky-work'] },
  { finding: '2.2 E9 split: risky work', from: adult, set: { E1: 'yes', E11: 'no_plan', E12: 'yes' }, raises: { 'E12-debt-driven-risky-work': 'ESC' }, not: ['E11-debt-driven-remigration'] },
  { finding: '2.2 G7 split: family', from: adult, set: { G12: 'yes' }, raises: { 'G12-family-exploited-or-indebted': 'RISK' }, not: ['G13-siblings-at-risk'] },
  { finding: '2.2 G7 split: siblings', from: adult, set: { G13: 'yes' }, raises: { 'G13-siblings-at-risk': 'RISK' }, not: ['G12-family-exploited-or-indebted'] },
  { finding: '2.2 C5 declined referral', from: adult, set: { C5: 'declined_referral' }, raises: { 'C5-no-identification-decision': 'ESC' } },
  // 2.3 Rule levels
  { finding: '2.3 row 3 child: receiving organisation unknown', from: child, set: { K1: 'unknown' }, raises: { 'K1-no-receiving-partner-child': 'STOP' } },
  { finding: '2.3 row 3 child: home not assessed unknown', from: child, set: { L9: 'unknown' }, raises: { 'L9-home-not-assessed': 'STOP' } },
  { finding: '2.3 row 3 child: no written acceptance', from: child, set: { K2: 'no' }, raises: { 'K2-no-written-acceptance-child': 'STOP' }, not: ['K2-no-written-acceptance'] },
  { finding: '2.3 row 4 no consent', from: adult, set: { A7: 'no', 'A7.refusal': 'Does not want to talk about it (fictional).' }, raises: { 'A7-no-consent': 'STOP' } },
  { finding: '2.3 row 6 plan not explained', from: adult, set: { N10: 'no' }, raises: { 'N10-plan-not-explained': 'ESC' } },
  { finding: '2.3 row 7 wants to stay, voluntary route', from: adult, set: { B1: 'stay_here' }, raises: { 'B1-wants-to-stay-voluntary': 'STOP' }, not: ['B1-wants-to-stay-enforced', 'B1-does-not-want-return'] },
  { finding: '2.3 row 7 wants to stay, enforced route', from: enforced, set: { B1: 'stay_here' }, raises: { 'B1-wants-to-stay-enforced': 'ESC' }, not: ['B1-wants-to-stay-voluntary'] },
  { finding: '2.3 row 7 undecided stays ESC', from: adult, set: { B1: 'undecided' }, raises: { 'B1-does-not-want-return': 'ESC' } },
  { finding: '2.3 row 8 active conflict', from: adult, set: { G9: ['active_conflict'] }, raises: { 'G9-active-conflict': 'STOP' }, not: ['G9-area-unsafe'] },
  { finding: '2.3 row 8 instability', from: adult, set: { G9: ['active_instability'] }, raises: { 'G9-area-unsafe': 'ESC' }, not: ['G9-active-conflict'] },
  { finding: '2.3 row 10 reflection period, enforced', from: enforced, set: { C6: 'ongoing' }, raises: { 'C6-reflection-period-enforced': 'STOP' }, not: ['C6-reflection-period-incomplete'] },
  { finding: '2.3 row 10 reflection period, voluntary', from: adult, set: { C6: 'ongoing' }, raises: { 'C6-reflection-period-incomplete': 'ESC' }, not: ['C6-reflection-period-enforced'] },
  { finding: '2.3 row 11 identification pending is a STOP like D2', from: adult, set: { C5: 'referred_awaiting' }, raises: { 'C5-identification-pending': 'STOP' } },
  { finding: '2.3 row 12 bank demand', from: adult, set: { E1: 'yes', E2: ['bank'], E5: 'yes', 'E5.threat': 'no' }, raises: { 'E5-creditor-demand': 'ESC' }, not: ['E5-creditor-pressing'] },
  { finding: '2.3 row 12 threat by any creditor', from: adult, set: { E1: 'yes', E2: ['bank'], E5: 'yes', 'E5.threat': 'yes' }, raises: { 'E5-creditor-pressing': 'STOP' }, not: ['E5-creditor-demand'] },
  { finding: '2.3 row 13 smuggler debt is ESC', from: adult, set: { E1: 'yes', E2: ['smuggler'], E10: ['savings_plan'] }, raises: { 'E2-journey-creditor': 'ESC' }, not: ['E2-journey-creditor-pressing', 'E2-trafficker-creditor'] },
  { finding: '2.3 row 13 licensed agency is not a journey creditor', from: adult, set: { E1: 'yes', E2: ['licensed_agency'], E10: ['savings_plan'] }, raises: {}, not: ['E2-journey-creditor', 'E2-trafficker-creditor'] },
  { finding: '2.3 row 13 smuggler still claiming', from: adult, set: { E1: 'yes', E2: ['smuggler'], E4: 'no', 'E4.still_claimed': 'yes', E10: ['savings_plan'] }, raises: { 'E2-journey-creditor-pressing': 'STOP' } },
  { finding: '2.3 row 13 trafficker debt stays STOP', from: adult, set: { E1: 'yes', E2: ['trafficker'] }, raises: { 'E2-trafficker-creditor': 'STOP' } },
  { finding: '2.3 row 14 stigma only', from: adult, set: { G4: 'yes', 'G4.kinds': ['stigma'], 'G4.threats': 'no' }, raises: { 'G4-stigma': 'RISK' }, not: ['G4-violence-risk'] },
  { finding: '2.3 row 15 BIA not multidisciplinary', from: child, set: { 'L4.multidisciplinary': 'no' }, raises: { 'L4-not-multidisciplinary': 'ESC' } },
  { finding: '2.3 row 15 guardian not independent', from: child, set: { 'L3.independent': 'no' }, raises: { 'L3-guardian-not-independent': 'ESC' } },
  { finding: '2.3 row 15 tracing in progress', from: child, set: { L7: 'in_progress' }, raises: { 'L7-tracing-unfinished': 'ESC' } },
  { finding: '2.3 row 16 official present', from: adult, set: { A4: ['interpreter', 'official'] }, raises: { 'A4-official-present': 'ESC' } },
  { finding: '2.3 row 20 declines follow-up with contacts', from: adult, set: { P1: 'no' }, raises: { 'P1-declines-follow-up': 'INFO' }, not: ['P1-no-follow-up-consent'] },
  { finding: '2.3 row 20 declines follow-up without contacts', from: adult, set: { P1: 'no', K6: 'no' }, raises: { 'P1-no-follow-up-consent': 'ESC' }, not: ['P1-declines-follow-up'] },
];

describe('the review\'s findings raise what it asks, at its level', () => {
  it.each(raising.map((c) => [c.finding, c] as const))('%s', (_name, c) => {
    const found = levels(run({ ...c.from, ...c.set }));
    for (const [id, level] of Object.entries(c.raises)) {
      expect(rule(id).level, `${id} in the instrument`).toBe(level);
      expect(found[id], `${id} raised`).toBe(level);
    }
    for (const id of c.not ?? []) expect(found[id], `${id} not raised`).toBeUndefined();
  });
});

describe('2.1 items and data the later issues need', () => {
  it('2.1.2 gender and citizenship are asked; the pregnancy question follows the gender answer', () => {
    const shown = (answers: Answers) => new Set(visibleItemCodes(inst, answers, { now: NOW }));
    expect(shown(adult).has('A15')).toBe(true);
    expect(shown(adult).has('A16')).toBe(true);
    expect(shown({ ...adult, A15: 'woman' }).has('J5')).toBe(true);
    expect(shown({ ...adult, A15: 'man' }).has('J5')).toBe(false);
    expect(shown({ ...adult, A15: 'man' }).has('J5.partner')).toBe(true);
    expect(content['item.J5.label']).toBe('Are you pregnant, or could you be? You don\'t have to answer.');
  });

  it('2.1.7 the safety plan is required while a control, debt or family flag stands, and can be seeded from flags', () => {
    const k11 = inst.sections.flatMap((s) => s.items).find((i) => i.code === 'K11');
    expect(k11).toMatchObject({ type: 'rows', requiredWhenFlagDomains: ['control', 'debt', 'family'], seedFromFlags: true });
    const missingK11 = (answers: Answers) => run(answers).missing.some((m) => m.item === 'K11');
    expect(missingK11(adult)).toBe(false);
    expect(missingK11({ ...adult, G11: 'yes' })).toBe(true);
    expect(missingK11({ ...adult, G11: 'yes', K11: [{ risk: 'Gossip (fictional)', measure: 'Disclosure plan', who: 'Caseworker HW-A', status: 'planned' }] })).toBe(false);
  });

  it('2.1.10 the STOP-relevant items for a pre-departure re-check are marked; the sign-off lapses after 30 days (cases 03, 04)', () => {
    const recheck = inst.sections.flatMap((s) => s.items).filter((i) => i.recheck).map((i) => i.code);
    expect(recheck).toEqual(expect.arrayContaining(['A7', 'B1', 'D2', 'E5', 'F2', 'F3', 'F7', 'J2', 'K3', 'K4', 'K8.handover']));
    expect(inst.decision.signOff).toEqual({ record: 'N12', departure: 'D10', validDays: 30 });
    expect(stopRelevantItems(inst).length).toBeGreaterThan(recheck.length);
  });

  it('2.2 side-by-side: every item has an audience, and no help shown to the person states a consequence', () => {
    const all = inst.sections.flatMap((s) => s.items);
    expect(all.filter((i) => i.audience === undefined).map((i) => i.code)).toEqual([]);
    expect(all.filter((i) => i.audience === 'person').length).toBeGreaterThan(50);
    for (const assessorOnly of ['A3.trained', 'J1', 'J10', 'G9', 'F9.missing']) {
      expect(all.find((i) => i.code === assessorOnly)?.audience, assessorOnly).not.toBe('person');
    }
    const personHelp = Object.entries(content).filter(([k]) => k.endsWith('.personHelp'));
    expect(personHelp.length).toBeGreaterThan(0);
    for (const [key, text] of personHelp) {
      expect(text, key).not.toMatch(/\bSTOP\b/);
      expect(text, key).not.toMatch(/escalat|flag|override|rating|rule/i);
    }
  });

  it('2.2 wording: F9 does not blame, D4 avoids "persecuted" to the person, L13 does not criminalise, the child\'s reason does not blame', () => {
    expect(content['item.F9.label']).toMatch(/^Since you first got away, has there been a time when you were back with those people/);
    expect(content['item.D4.label']).not.toMatch(/persecut/i);
    expect(content['item.D4.help']).toMatch(/persecution/);
    expect(content['item.L13.label']).toBe('Was the child made to do things that are against the law, for example growing cannabis or carrying drugs?');
    expect(content['rule.F9-child.reason']).toBe('A child who has been drawn back to the exploiters or gone missing before is at high risk of being drawn back again.');
    expect(content['item.F7.help']).toMatch(/Ask each part on its own/);
  });

  it('2.2 E9 and G7 are split into one question each (removed from v2, kept in v1)', () => {
    const codes = (i: typeof inst) => new Set(i.sections.flatMap((s) => s.items.map((x) => x.code)));
    for (const gone of ['E9', 'G7']) {
      expect(codes(v1).has(gone)).toBe(true);
      expect(codes(inst).has(gone)).toBe(false);
    }
    for (const added of ['E11', 'E12', 'G12', 'G13']) expect(codes(inst).has(added)).toBe(true);
  });
});

describe('2.3 decisions: overrides, hard rules, sign-off, confidence, mitigation', () => {
  it('row 1: the senior roles are supervisor, legal adviser, service manager (no senior caseworker); overrides name their rules', () => {
    expect(inst.decision.seniorRoles).toEqual(['supervisor', 'legal_adviser', 'service_manager']);
    expect(inst.decision.override).toEqual({ record: 'N11' });
    expect(inst.decision.assessor).toBe('A3');
  });

  it('row 2: the hard rules are the ones the review names (and those the independent review of v2 added)', () => {
    expect(inst.rules.filter((r) => r.hard).map((r) => r.id).sort()).toEqual([
      'A14-children-not-known', 'A4-compromised-interview', 'A5-interpreter-linked', 'A6-not-informed', 'A7-no-consent', 'B1-wants-to-stay-voluntary',
      'B1-wish-not-known', 'F6-family-involved-in-reception', 'J10-no-capacity-voluntary', 'K1-partner-linked', 'K3-meeter-linked',
      'K4-linked-person-at-reception', 'K8-child-no-handover', 'L10-family-involved', 'L4-conditions-not-known', 'L4-conditions-not-met',
      'L4-no-bid-separated-child', 'L4-not-in-best-interests',
    ]);
  });

  it('row 3: the child reception rules are STOPs when their answer is unknown', () => {
    for (const id of ['K1-no-receiving-partner-child', 'H6-no-accommodation-child', 'L9-home-not-assessed', 'L11-parental-responsibility-unconfirmed', 'K8-child-no-handover', 'K2-no-written-acceptance-child']) {
      expect(rule(id).onUnknown, id).toBe('STOP');
    }
  });

  it('row 4: after a refusal nothing more is asked, and the case cannot be signed off', () => {
    const refused = { ...adult, A7: 'no', 'A7.refusal': 'Does not want to talk about it (fictional).' };
    const r = run(refused);
    expect(r.visibleSections).toEqual(['A', 'N']);
    expect(r.signOff.ready).toBe(false);
  });

  it('row 5: sharing with the receiving organisation needs the person\'s agreement, per recipient', () => {
    expect(inst.sharing?.recipients.map((x) => x.id)).toEqual(['supervisor', 'return_partner', 'guardian', 'legal_representative', 'other']);
    const r = run({ ...adult, 'A7.return_partner': 'no' });
    expect(new Set(visibleItemCodes(inst, { ...adult, 'A7.return_partner': 'no' }, { now: NOW })).has('K9')).toBe(false);
    expect(r.flags).toEqual([]);
  });

  it('row 6: "no impediment" is blocked while the plan has not been explained', () => {
    expect(run({ ...adult, N10: 'no' }).recommendations.allowed).not.toContain('no_impediment');
  });

  it('row 17: process flags lower confidence, not the survivor\'s rating (case 12)', () => {
    const r = run({ ...adult, 'A3.trained': 'no', A8: ['person'] });
    expect(r.confidence?.level).not.toBe('high');
    expect(r.overall.level).toBe('low');
  });

  it('row 18: the young-adult questions stop at 25 unless the assessor opts in', () => {
    const older = { ...adult, A10: '1996-05-12', C7: 'yes' };
    expect(run(older).profile.isYoungAdult).toBe(false);
    expect(run({ ...older, 'C7.pathway': 'yes' }).profile.isYoungAdult).toBe(true);
  });

  it('row 19: each standing RISK or escalation needs its own mitigation row, or an accepted risk with a reason', () => {
    const two = { ...adult, G11: 'yes', G12: 'yes', K11: [{ risk: 'Gossip (fictional)', measure: 'Disclosure plan', who: 'Caseworker HW-A', status: 'planned' }] };
    const one = [{ flags: 'G11-community-knows', response: 'mitigate', action: 'Disclosure plan (fictional).', owner: 'Caseworker HW-A', due: '2026-12-10', status: 'open' }];
    expect(run({ ...two, N5: one }).recommendations.allowed).not.toContain('no_impediment');
    const both = [...one, { flags: 'G12-family-exploited-or-indebted', response: 'accept', action: 'The person knows and accepts this (fictional).', owner: null, due: null, status: null }];
    expect(run({ ...two, N5: both }).recommendations.allowed).toContain('no_impediment');
  });
});
