/**
 * The independent review of instrument v2 (issue 13, review 13): each finding reproduced on the
 * real instrument homeward-return v2, from a benign golden case, and kept fixed. Tests are named
 * by the finding's number ("finding 1", "finding 12") so the report and the traceability rows can
 * point at them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assess, reasonText, sameName, upgradeAnswers, type AssessmentResult } from '../../src/engine';
import { getInstrument, getUpgrade, type Answers, type Row } from '../../src/instrument';
import { applyDecisions, type DecisionStep } from '../../scripts/lib/case-file';
import { goldenV2 } from '../helpers/golden-v2';

const inst = getInstrument('homeward-return', 2);
const NOW = '2026-11-27';
const run = (answers: Answers, now = NOW): AssessmentResult => assess(inst, answers, { now });
const decide = (answers: Answers, steps: DecisionStep[]): Answers => applyDecisions(inst, answers, steps, NOW);

const golden = goldenV2;

const adult = golden('01-adult-avr-low-risk-signable.json');
const child = golden('22-child-16-full-bia-signable.json');
const withChild = (row: Row = {}): Answers => ({
  ...adult, A14: 'yes', N7: { name: 'Supervisor HW-S1', role: 'Supervisor', date: NOW }, 'N7.decision': 'approve',
  LA1: [{ age: 7, views: 'Wants to go with her mother (fictional).', school_health: 'yes', risk: 'no', other_parent: 'consented', other_parent_linked: 'no', family_accepts_child: 'yes', birth_registered: 'yes', ...row }],
});
const stops = (r: AssessmentResult) => r.flags.filter((f) => f.level === 'STOP').map((f) => f.ruleId);
const hardStops = (r: AssessmentResult) => r.flags.filter((f) => f.level === 'STOP' && f.hard).map((f) => f.ruleId);
const returnAllowed = (r: AssessmentResult) => r.recommendations.allowed.filter((x) => x === 'no_impediment' || x === 'proceed_with_conditions');
const blockerKeys = (r: AssessmentResult) => r.signOff.blockers.map((b) => b.key);
const mitigationRow = (flags: string): Row => ({ flags, response: 'mitigate', action: 'A measure (fictional).', owner: 'Partner NGO', due: '2026-12-10', status: 'open' });
/** Every RISK, ESC and overridden STOP named in a complete row, and a safety plan: so only what a test is about blocks. */
function covered(answers: Answers): Answers {
  const ids = run(answers).flags.filter((f) => f.level !== 'INFO').map((f) => f.ruleId);
  return { ...answers, N5: ids.length > 0 ? [mitigationRow(ids.join(' '))] : undefined, K11: [{ risk: 'A risk (fictional).', measure: 'A measure (fictional).', who: 'Partner NGO', status: 'planned' }] };
}
const supervisor = { override: { rules: [] as string[], by: 'Supervisor HW-S1', role: 'supervisor', date: NOW } };
const overrideOf = (rules: string[]): DecisionStep => ({ override: { ...supervisor.override, rules } });
const signOff = (date = NOW): DecisionStep => ({ signOff: { by: 'Supervisor HW-S1', role: 'supervisor', date } });

describe('the starting points', () => {
  it('are benign and ready for sign-off', () => {
    for (const answers of [adult, child]) {
      const r = run(answers);
      expect(r.flags).toEqual([]);
      expect(r.errors).toEqual([]);
      expect(r.signOff.state).toBe('ready');
    }
  });
});

describe('finding 1: someone linked to the exploitation in the interview or at reception is a hard STOP', () => {
  const interview: Record<string, Answers> = {
    'A4 names a linked person, although A4.alone says yes': { A4: ['interpreter', 'linked_person'] },
    'A4.alone is no': { 'A4.alone': 'no' },
    'the interpreter is linked': { 'A5.linked': 'yes' },
    'a relative present, and the family was involved': { A4: ['interpreter', 'family_member'], F6: 'yes', 'F6.in_reception': 'no' },
    'the partner present, and the partner recruited': { A4: ['partner'], C4: 'partner' },
    'the proposed carer present, and a trusted person was involved': { A4: ['proposed_carer'], F6: 'yes', 'F6.in_reception': 'no' },
    'someone from the community present, and a trusted person recruited': { A4: ['friend_or_community'], C4: 'trusted_person' },
  };
  it.each(Object.entries(interview))('%s: the interview is compromised, hard, and its answers are not a basis for any return', (_, set) => {
    const r = run({ ...adult, ...set });
    expect(hardStops(r)).toContain(set['A5.linked'] === 'yes' ? 'A5-interpreter-linked' : 'A4-compromised-interview');
    expect(r.confidence?.level).toBe('unreliable');
    expect(returnAllowed(r)).toEqual([]);
    // No override lifts it, by any senior role.
    const id = hardStops(r)[0] ?? '';
    const overridden = run(decide(covered({ ...adult, ...set, N4: 'proceed_with_conditions' }), [overrideOf([id])]));
    expect(overridden.override.state).toBe('invalid');
    expect(overridden.signOff.ready).toBe(false);
  });

  it('a relative present when the family was not involved is not a compromised interview', () => {
    const r = run({ ...adult, A4: ['interpreter', 'family_member'], 'A4.alone': 'yes' });
    expect(stops(r)).toEqual([]);
  });

  const reception: Record<string, { answers: Answers; rule: string }> = {
    'the involved relative lives in or visits the home': { answers: { F6: 'yes', 'F6.in_reception': 'yes' }, rule: 'F6-family-involved-in-reception' },
    'it is not known whether the involved relative lives in or visits the home': { answers: { F6: 'yes', 'F6.in_reception': 'unknown' }, rule: 'F6-family-involved-in-reception' },
    'someone at the receiving organisation is linked': { answers: { 'K1.linked': 'yes' }, rule: 'K1-partner-linked' },
    'someone in the reception household is linked': { answers: { 'K4.linked': 'yes' }, rule: 'K4-linked-person-at-reception' },
    'the meeter is linked': { answers: { K3: 'linked_to_exploitation', 'K3.verification': undefined }, rule: 'K3-meeter-linked' },
  };
  it.each(Object.entries(reception))('%s: a hard STOP', (_, { answers, rule }) => {
    const r = run({ ...adult, ...answers });
    expect(hardStops(r)).toContain(rule);
    expect(returnAllowed(r)).toEqual([]);
  });

  it('an involved relative who does not live in the home still escalates when the person goes back to the family', () => {
    const r = run({ ...adult, F6: 'yes', 'F6.in_reception': 'no' });
    expect(r.flags.map((f) => [f.ruleId, f.level])).toContainEqual(['F6-involved-family-reception', 'ESC']);
  });

  it('for a child, a carer involved in the exploitation is a hard STOP, and unknown is too', () => {
    expect(hardStops(run({ ...child, L10: 'yes' }))).toContain('L10-family-involved');
    expect(hardStops(run({ ...child, L10: 'unknown' }))).toContain('L10-family-involved');
  });
});

describe('finding 2: the sign-off rests on the decision, the escalations, the risks and the mitigations too', () => {
  const signed = decide(adult, [signOff()]);
  it('a signed case is current until something changes', () => {
    expect(run(signed).signOff.state).toBe('signed');
  });

  it.each<[string, Answers]>([
    ['the recommendation changes', { N4: 'proceed_with_conditions' }],
    ['the assessor\'s rating changes', { N3: 'medium' }],
    ['a risk appears afterwards (an answer only a RISK reads)', { H8: 'no' }],
    ['an escalation appears afterwards (an answer only an ESC reads)', { G3: 'rejecting' }],
    ['the mitigations change', { N5: [mitigationRow('H8-no-education-training')] }],
  ])('lapses to pending re-check when %s', (_, set) => {
    const r = run({ ...signed, ...set });
    expect(r.signOff.state).toBe('pending_recheck');
    expect(r.signOff.ready).toBe(false);
  });

  it('lapses when a flag stands that did not at sign-off, even with no answer changed (the person turned 18)', () => {
    const seventeen = { ...child, A10: '2008-12-01', A11: 'document' };
    const before = decide(seventeen, [signOff()]);
    expect(run(before).signOff.state).toBe('signed');
    const later = run(before, '2026-12-02');
    expect(later.signOff.state).toBe('pending_recheck');
  });

  it('is not ready while the assessor\'s own rating is below the computed one', () => {
    const r = run(covered({ ...adult, G3: 'rejecting', N4: 'proceed_with_conditions', N3: 'low', N7: { name: 'Supervisor HW-S1', role: 'Supervisor', date: NOW }, 'N7.decision': 'approve' }));
    expect(r.overall.level).toBe('high');
    expect(blockerKeys(r)).toEqual(['signoff.judgement_below_computed']);
  });

  it('is not ready while a mitigation row names a flag that does not stand', () => {
    const r = run({ ...adult, N5: [mitigationRow('F2-threats')] });
    expect(blockerKeys(r)).toEqual(['signoff.stale_mitigation']);
  });

  it('is not ready while a standing STOP (deferred, not overridden) has no row saying what is done about it', () => {
    const r = run(covered({ ...adult, F3: 'yes', N4: 'defer', N3: 'very_high', N7: { name: 'Supervisor HW-S1', role: 'Supervisor', date: NOW }, 'N7.decision': 'approve' }));
    expect(r.signOff.ready).toBe(true);
    const bare = run({ ...adult, F3: 'yes', N4: 'defer', N3: 'very_high', N7: { name: 'Supervisor HW-S1', role: 'Supervisor', date: NOW }, 'N7.decision': 'approve', K11: [{ risk: 'A risk (fictional).', measure: 'A measure (fictional).', who: 'Partner NGO', status: 'planned' }] });
    expect(blockerKeys(bare)).toEqual(['signoff.uncovered']);
  });
});

describe('finding 3: "plan not explained" fires on no, unknown and declined', () => {
  it.each(['no', 'unknown', 'declined'])('N10 = %s raises the escalation and blocks "no impediment"', (answer) => {
    const r = run({ ...adult, N10: answer });
    expect(r.flags.map((f) => f.ruleId)).toContain('N10-plan-not-explained');
    expect(r.recommendations.allowed).not.toContain('no_impediment');
  });
});

describe('finding 4: the person\'s own wish, and being seen alone, must be known', () => {
  it.each([
    ['B1 unknown', { B1: { special: 'unknown' } }, 'B1-wish-not-known'],
    ['B1 declined', { B1: { special: 'declined' } }, 'B1-wish-not-known'],
    ['B1 unknown on an enforced route', { B1: { special: 'unknown' }, D5: 'enforced_removal' }, 'B1-wish-not-known'],
    ['A4.alone unknown', { 'A4.alone': 'unknown' }, 'A4-compromised-interview'],
    ['A4.alone declined', { 'A4.alone': 'declined' }, 'A4-compromised-interview'],
  ] as const)('%s: a hard STOP', (_, set, rule) => {
    const r = run({ ...adult, ...set });
    expect(hardStops(r)).toContain(rule);
    expect(returnAllowed(r)).toEqual([]);
  });
});

describe('finding 5: unknown whether children go back is not signable', () => {
  it('is a hard STOP, so a return cannot be signed off', () => {
    const r = run(golden('30-adult-unknown-whether-children-go-back.json'));
    expect(hardStops(r)).toContain('A14-children-not-known');
    expect(r.signOff.ready).toBe(false);
    expect(blockerKeys(r)).toContain('signoff.recommendation_blocked');
  });
});

describe('finding 6: only the professional the instrument names may say the child cannot express views', () => {
  const cannot = (role: string | undefined): Answers => {
    const a: Answers = { ...child, 'L6.can_express': 'no', 'L6.reason': 'Severe learning disability; no reliable communication (fictional).', 'L6.reason_by': 'P-5, psychologist, Child Clinic (fictional)', 'L6.reason_role': role };
    delete a.L6; delete a['L6.method']; delete a['L6.carers_absent']; delete a['L6.weight'];
    return a;
  };
  it.each(['psychologist', 'doctor', 'child_protection_social_worker', 'speech_and_language_therapist'])('a %s with a reason: the views are accounted for', (role) => {
    const r = run(cannot(role));
    expect(r.flags.map((f) => f.ruleId)).not.toContain('L6-views-not-recorded');
    expect(r.signOff.ready).toBe(true);
  });
  it.each([['the assessing caseworker', 'assessing_caseworker'], ['someone else', 'other'], ['no one named', undefined]])('%s: a STOP, and not signable', (_, role) => {
    const r = run(cannot(role));
    expect(stops(r)).toContain('L6-views-not-recorded');
    expect(r.signOff.ready).toBe(false);
  });
  it('a professional without a reason: a STOP', () => {
    const r = run({ ...cannot('psychologist'), 'L6.reason': '' });
    expect(stops(r)).toContain('L6-views-not-recorded');
  });
});

describe('finding 7: where the child would live, unknown, is a STOP', () => {
  it.each([['L8', { L8: { special: 'unknown' } }], ['L8.vetted', { L8: 'residential_institution', 'L8.vetted': 'unknown' }]] as const)('%s unknown', (_, set) => {
    expect(stops(run({ ...child, ...set }))).toContain('L8-institution-unvetted');
  });
});

describe('finding 8: a sign-off is current only within its window', () => {
  const signable = { ...adult };
  it.each([
    ['the departure date is unknown', { D10: { special: 'unknown' } }, NOW],
    ['the departure date has passed', { D10: '2026-11-20' }, NOW],
  ] as const)('not ready when %s', (_, set, now) => {
    const r = run({ ...signable, ...set }, now);
    expect(r.signOff.ready).toBe(false);
  });
  it('a sign-off dated in the future is not current', () => {
    const r = run(decide(signable, [signOff('2026-12-05')]));
    expect(r.signOff.state).not.toBe('signed');
    expect(r.signOff.ready).toBe(false);
  });
  it('lapses when more than the valid days have passed since sign-off, even with no departure planned (a deferral)', () => {
    const deferred = decide({ ...signable, N4: 'defer', D10: { special: 'unknown' } }, [signOff()]);
    expect(run(deferred, '2026-12-27').signOff.state).toBe('signed');
    const late = run(deferred, '2026-12-28');
    expect(late.signOff.state).toBe('pending_recheck');
    expect(blockerKeys(late)).toEqual(['signoff.lapsed_age']);
  });
  it('lapses when the departure date passes before departure is confirmed', () => {
    expect(run(decide(signable, [signOff()]), '2026-12-16').signOff.state).toBe('pending_recheck');
  });
});

describe('finding 9: the supervisor\'s signature is not carried from v1 to v2', () => {
  it('N7, its decision and the partner\'s acknowledgement are declared not carried', () => {
    const up = getUpgrade('homeward-return', 1);
    expect(up).not.toBeNull();
    const v1 = getInstrument('homeward-return', 1);
    const moved = upgradeAnswers(v1, inst, up?.mapping ?? { from: 1, record: 'A1', notCarried: {}, convert: {} }, {
      N7: { name: 'Supervisor HW-S1', role: 'Supervisor', date: '2026-10-01' }, 'N7.decision': 'approve', N9: { name: 'Partner', role: 'NGO', date: '2026-10-01' },
    }, NOW);
    expect(moved.answers.N7).toBeUndefined();
    expect(moved.answers['N7.decision']).toBeUndefined();
    expect(moved.answers.N9).toBeUndefined();
    expect(Object.keys(moved.note.notCarried)).toEqual(expect.arrayContaining(['N7', 'N7.decision', 'N9']));
  });
});

describe('finding 10: a refused assessment is not presented as low risk', () => {
  it('explains every rating as "not assessed", and the confidence as none', () => {
    const r = run(golden('09-adult-refuses-assessment.json'));
    expect(r.overall.explanation.key).toBe('rating.not_assessed');
    expect(r.confidence).toMatchObject({ level: 'unreliable', explanation: { key: 'confidence.not_assessed' } });
    expect(r.ratings.debt.explanation.key).toBe('rating.not_assessed');
  });
});

describe('finding 11: an independent name is compared after normalising', () => {
  it.each([
    ['full-width letters', 'Ｃaseworker HW-A'],
    ['Cyrillic look-alikes', 'Cаseworker HW-А'],
    ['Greek look-alikes', 'Caseworker ΗW-Α'],
    ['a zero-width space', 'Case\u200Bworker HW-A'],
    ['a soft hyphen', 'Case\u00ADworker HW-A'],
    ['no-break and odd spaces', 'Caseworker\u00A0\u2003HW-A'],
    ['case and a dotted capital I', 'CASEWORKER HW-A'],
    ['accents', 'Caséworker HW-A'],
  ])('%s', (_, name) => {
    expect(sameName(name, 'Caseworker HW-A')).toBe(true);
    const r = run(decide({ ...adult, F3: 'yes' }, [{ override: { rules: ['F3-network-at-destination'], by: name, role: 'supervisor', date: NOW } }]));
    expect(r.override.problems.map((p) => p.key)).toContain('override.same_as_assessor');
  });
  it('different people stay different', () => {
    expect(sameName('Caseworker HW-B', 'Caseworker HW-A')).toBe(false);
  });
});

describe('finding 12: a lapse is not undone by editing a date', () => {
  it('moving the departure date back into the window after a lapse does not make the sign-off current', () => {
    const signed = decide(adult, [signOff()]);
    const moved = { ...signed, D10: '2027-02-01' };
    expect(run(moved).signOff.state).toBe('pending_recheck');
    expect(run({ ...moved, D10: '2026-12-20' }).signOff.state).toBe('pending_recheck');
  });
  it('a sign-off dated after the assessment cannot be current', () => {
    const signed = decide(adult, [signOff()]);
    const record = signed.N12;
    if (typeof record !== 'object' || record === null || !('basis' in record)) throw new Error('no sign-off record');
    const r = run({ ...signed, N12: { ...record, date: '2026-12-01' } });
    expect(r.signOff.state).not.toBe('signed');
  });
});

describe('finding 13: sharing with the receiving organisation needs the person\'s consent', () => {
  it('the partner\'s acknowledgement without consent to share with it blocks sign-off', () => {
    const r = run({ ...adult, 'A7.return_partner': 'no' });
    expect(blockerKeys(r)).toContain('signoff.sharing-consent.reason');
  });
});

describe('finding 14: an overridden STOP needs a measure, not an accepted risk', () => {
  it('an "accept" row does not cover an overridden STOP; a measure does', () => {
    const base = decide({ ...adult, F3: 'yes', N4: 'proceed_with_conditions' }, [overrideOf(['F3-network-at-destination'])]);
    const accept = run({ ...base, N5: [{ flags: 'F3-network-at-destination', response: 'accept', action: 'The person accepts the risk (fictional).', owner: null }] });
    expect(accept.flags.find((f) => f.ruleId === 'F3-network-at-destination')).toMatchObject({ overridden: true, covered: false });
    const measure = run({ ...base, N5: [mitigationRow('F3-network-at-destination')] });
    expect(measure.flags.find((f) => f.ruleId === 'F3-network-at-destination')).toMatchObject({ overridden: true, covered: true });
  });
  it('an accepted RISK still counts', () => {
    const r = run({ ...adult, H8: 'no', N5: [{ flags: 'H8-no-education-training', response: 'accept', action: 'The person prefers to work (fictional).', owner: null }] });
    expect(r.flags.find((f) => f.ruleId === 'H8-no-education-training')?.covered).toBe(true);
  });
});

describe('finding 15: "not informed" is not overridable', () => {
  it.each(['no', 'unknown'])('A6 = %s is a hard STOP', (answer) => {
    expect(hardStops(run({ ...adult, A6: answer }))).toContain('A6-not-informed');
  });
});

describe('finding 16: family involved and in the reception home is hard', () => {
  it('F6 with F6.in_reception is a hard STOP', () => {
    expect(hardStops(run({ ...adult, F6: 'yes', 'F6.in_reception': 'yes' }))).toContain('F6-family-involved-in-reception');
  });
});

describe('finding 17: an unaccompanied or separated child needs a best-interests determination', () => {
  it.each(['alone', 'with_other_adult'])('L2 = %s with only an assessment: a hard STOP; with a determination: clear', (l2) => {
    const set: Answers = l2 === 'alone' ? { L2: 'alone', 'L2.verified': undefined } : { L2: l2, 'L2.verified': 'yes' };
    const bia = run({ ...child, ...set, 'L4.type': 'assessment' });
    expect(hardStops(bia)).toContain('L4-no-bid-separated-child');
    expect(bia.signOff.ready).toBe(false);
    const bid = run({ ...child, ...set, 'L4.type': 'determination' });
    expect(stops(bid)).not.toContain('L4-no-bid-separated-child');
  });
  it('a child with a parent needs no determination', () => {
    expect(stops(run({ ...child, L2: 'with_parent', 'L2.verified': undefined, 'L4.type': 'assessment' }))).not.toContain('L4-no-bid-separated-child');
  });
});

describe('finding 18: a blank cell in the accompanying children\'s table is not an answer', () => {
  it.each(['risk', 'other_parent_linked'])('a blank %s cell: missing, and the STOP cannot be ruled out', (column) => {
    const r = run(withChild({ [column]: null }));
    expect(r.missing.map((m) => m.item)).toContain('LA1');
    expect(r.recommendations.allowed).not.toContain('no_impediment');
    expect(r.flags.filter((f) => f.viaUnknown).map((f) => f.ruleId).length).toBeGreaterThan(0);
  });
  it('a row of blanks and spaces is not a child accounted for', () => {
    const r = run({ ...withChild(), LA1: [{ age: null, views: '  ', school_health: null, risk: null, other_parent: null, other_parent_linked: null, family_accepts_child: null, birth_registered: null }] });
    expect(r.missing.map((m) => m.item)).toContain('LA1');
    expect(r.signOff.ready).toBe(false);
  });
});

describe('finding 21: every message a case can show exists in every language, and names rules by their words, not their ids', () => {
  const langs = ['en', 'ar', 'ro', 'sq', 'ti', 'vi'];
  const bundle = (path: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as Record<string, string>;
  const ruleId = /\b[A-Z]{1,2}\d{1,2}(?:\.[a-z0-9_]+)?-[a-z0-9-]+\b/;

  it.each(langs)('%s: every rule, sign-off requirement, item and option of v2 has its wording, and every next step its label', (lang) => {
    const content = bundle(`src/instrument/definitions/homeward-return/v2/content/${lang}.json`);
    const engine = bundle(`locales/${lang}/engine.json`);
    const keys = [
      ...inst.rules.map((r) => `rule.${r.id}.reason`),
      ...inst.decision.signOffRequires.map((s) => `signoff.${s.id}.reason`),
      ...inst.sections.flatMap((s) => s.items.flatMap((i) => [`item.${i.code}.label`, ...(i.options ?? []).map((o) => `item.${i.code}.option.${o.code}`)])),
    ];
    expect(keys.filter((k) => !content[k])).toEqual([]);
    expect([...new Set(inst.rules.flatMap((r) => (r.next ? [`next.${r.next}`] : [])))].filter((k) => !engine[k])).toEqual([]);
  });

  it.each(langs)('%s: every reason the golden cases produce resolves to words with no rule id in them', (lang) => {
    const content = bundle(`src/instrument/definitions/homeward-return/v2/content/${lang}.json`);
    const engine = bundle(`locales/${lang}/engine.json`);
    const plural = new Intl.PluralRules(lang);
    const missing: string[] = [];
    const showing: string[] = [];
    const translate = (key: string, ns: 'engine' | 'instrument', params: Record<string, string | number> = {}): string => {
      const source = ns === 'engine' ? engine : content;
      const form = typeof params.count === 'number' ? `${key}_${plural.select(params.count)}` : key;
      const text = source[form] ?? source[`${key}_other`] ?? source[key];
      if (text === undefined) {
        missing.push(`${ns}:${key}`);
        return key;
      }
      return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
    };
    const files = readdirSync(new URL('./cases-v2/', import.meta.url)).filter((f) => f.endsWith('.json'));
    for (const file of files) {
      const r = run(golden(file));
      const reasons = [
        r.overall.explanation, ...Object.values(r.ratings).map((x) => x.explanation), ...(r.confidence ? [r.confidence.explanation] : []),
        ...r.recommendations.blocked.flatMap((b) => b.reasons), ...r.signOff.blockers, ...r.override.problems,
      ];
      for (const reason of reasons) {
        const text = reasonText(reason, translate, lang);
        if (ruleId.test(text)) showing.push(`${file}: ${reason.key}: ${text}`);
      }
    }
    expect(missing).toEqual([]);
    expect(showing).toEqual([]);
  });
});
