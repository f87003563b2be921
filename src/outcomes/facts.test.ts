import { describe, expect, it } from 'vitest';
import { assess } from '../engine';
import { getInstrument, type Answers } from '../instrument';
import { aggregate } from './aggregate';
import { ageBand, caseFacts, OutcomeInputError } from './facts';
import type { FollowUpCheck } from './follow-up';

const v2 = getInstrument('homeward-return', 2);
const v1 = getInstrument('homeward-return', 1);
const now = '2026-06-15';
const facts = (answers: Answers, instrument = v2) => caseFacts({ answers, result: assess(instrument, answers, { now }) });

describe('a case as export categories', () => {
  it('bands age in full years at the assessment day, at each boundary', () => {
    expect(ageBand('2008-06-15', now)).toBe('18_20');
    expect(ageBand('2008-06-16', now)).toBe('14_17');
    expect(ageBand('2012-06-16', now)).toBe('under_14');
    expect(ageBand('2005-06-15', now)).toBe('21_24');
    expect(ageBand('2001-06-15', now)).toBe('25_34');
    expect(ageBand('1991-06-15', now)).toBe('35_plus');
    expect(ageBand('not a date', now)).toBe('not_recorded');
    expect(ageBand('2030-01-01', now)).toBe('not_recorded');
  });

  it('reads nationality from citizenship (v2 only) and the region from the coded country', () => {
    expect(facts({ A2: 'al', A16: 'citizen' })['nationality']).toEqual(['al']);
    expect(facts({ A2: 'al', A16: 'stateless' })['nationality']).toEqual(['stateless']);
    expect(facts({ A2: 'al' }, v1)['nationality']).toEqual(['not_recorded']);
    expect(facts({ A2: 'vn' })['return_region']).toEqual(['south_eastern_asia']);
    expect(facts({ A2: 'Tirana' })['return_region']).toEqual(['not_recorded']);
  });

  it('counts declining follow-up, at assessment or later, without chasing it', () => {
    expect(facts({ P1: 'no' })['followup_status']).toEqual(['declined_at_assessment']);
    const later = caseFacts({ answers: {}, result: assess(v2, {}, { now }), followUps: [
      { point: '72h', month: '2026-07', outcomes: ['arrived_safely'] },
      { point: '1m', month: '2026-08', outcomes: ['declined_follow_up'] },
    ] });
    expect(later['followup_status']).toEqual(['declined_later']);
    expect(later['followup_1m']).toEqual(['checked', 'declined_follow_up']);
    expect(later['followup_any']).toEqual(['arrived_safely', 'declined_follow_up']);
  });

  it('refuses two checks at the same point, a check with a day or free text, and a rule this copy cannot map', () => {
    const twice: FollowUpCheck = { point: '72h', month: '2026-07', outcomes: [] };
    expect(() => caseFacts({ answers: {}, result: assess(v2, {}, { now }), followUps: [twice, twice] })).toThrow(OutcomeInputError);
    const dated = { point: '1m', month: '2026-07-14', outcomes: [] };
    expect(() => caseFacts({ answers: {}, result: assess(v2, {}, { now }), followUps: [dated as unknown as FollowUpCheck] })).toThrow(/not a coded outcome record/);
    const noted = { point: '1m', month: '2026-07', outcomes: ['met her uncle in Tirana'] };
    expect(() => caseFacts({ answers: {}, result: assess(v2, {}, { now }), followUps: [noted as unknown as FollowUpCheck] })).toThrow(OutcomeInputError);
    const result = assess(v2, { F2: 'yes' }, { now });
    const forged = { ...result, flags: result.flags.map((f) => ({ ...f, ruleId: 'Z9-unknown-rule' })) };
    expect(() => caseFacts({ answers: {}, result: forged })).toThrow(/no stable code/);
  });

  it('never carries free text, names or exact dates into the export', () => {
    const answers: Answers = {
      A2: 'al', 'A2.region': 'Shkodër district', 'A2.locality': 'Velipojë', A3: 'Ana Example', A10: '2001-03-09',
      B2: { original: 'Dua të kthehem', language: 'sq', translation: 'I want to go back', translatedBy: 'Interpreter X' },
      'F2.date': '2026-05-30',
    };
    const cases = Array.from({ length: 6 }, () => ({ answers, result: assess(v2, answers, { now }) }));
    const text = JSON.stringify(aggregate(cases).export);
    for (const s of ['Shkod', 'Velipoj', 'Ana Example', 'Dua', 'Interpreter', '2001-03', '2026-05-30', '2026-06-15']) expect(text).not.toContain(s);
  });
});
