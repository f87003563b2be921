import { describe, expect, it } from 'vitest';
import { assessmentFacts } from '../../../src/features/export/verify/assessment-facts';

describe('key facts of an embedded assessment', () => {
  it('reads the case, instrument, assessor, rating, recommendation and flags (worst first)', () => {
    const facts = assessmentFacts({
      format: 'homeward-assessment',
      version: 1,
      caseReference: 'HW-TEST-0001',
      instrument: { id: 'homeward-return', version: 1, sha256: 'ab12' },
      assessor: { name: 'Case Worker', role: 'Caseworker', organisation: 'Test NGO' },
      result: {
        now: '2026-11-27',
        overall: { level: 'high' },
        chosen: { recommendation: 'proceed_with_conditions', allowed: true },
        flags: [
          { ruleId: 'R-INFO', level: 'INFO', domain: 'journey' },
          { ruleId: 'R-STOP', level: 'STOP', domain: 'reception' },
          { ruleId: 'R-BAD', level: 'PANIC', domain: 'x' },
          'nonsense',
        ],
      },
    });
    expect(facts).toEqual({
      format: 'homeward-assessment',
      caseReference: 'HW-TEST-0001',
      instrument: { id: 'homeward-return', version: 1, hash: 'ab12' },
      assessedOn: '2026-11-27',
      assessor: { name: 'Case Worker', role: 'Caseworker', organisation: 'Test NGO' },
      overall: 'high',
      recommendation: 'proceed_with_conditions',
      flags: [
        { ruleId: 'R-STOP', level: 'STOP', domain: 'reception' },
        { ruleId: 'R-INFO', level: 'INFO', domain: 'journey' },
      ],
      workingLanguage: null,
    });
  });

  it('reads the summary builder\'s layout (metadata beside the engine result)', () => {
    const facts = assessmentFacts({
      format: 'homeward-assessment',
      version: 1,
      instrument: { id: 'homeward-return', version: 1, sha256: 'cd34' },
      metadata: { caseReference: 'HW-TEST-0002', assessmentDate: '2026-11-20', createdAt: '2026-11-27T10:00:00.000Z', assessor: { name: 'A', role: 'B', organisation: 'C' } },
      result: { now: '2026-11-20', overall: { level: 'medium' }, chosen: { recommendation: null }, flags: [{ ruleId: 'R1', level: 'ESC', domain: 'debt' }] },
    });
    expect(facts?.caseReference).toBe('HW-TEST-0002');
    expect(facts?.assessedOn).toBe('2026-11-20');
    expect(facts?.assessor).toEqual({ name: 'A', role: 'B', organisation: 'C' });
    expect(facts?.instrument).toEqual({ id: 'homeward-return', version: 1, hash: 'cd34' });
    expect(facts?.recommendation).toBeNull();
    expect(facts?.flags).toEqual([{ ruleId: 'R1', level: 'ESC', domain: 'debt' }]);
    expect(assessmentFacts({ languages: { working: { code: 'ar', dir: 'rtl' } } })?.workingLanguage).toBe('ar');
  });

  it('leaves out what it does not recognise instead of failing', () => {
    expect(assessmentFacts(null)).toBeNull();
    expect(assessmentFacts([1, 2])).toBeNull();
    expect(assessmentFacts('{"caseRef":"x"}')).toBeNull();
    expect(assessmentFacts({ caseRef: 'A-1', instrument: { id: 'x', version: '1' }, result: { flags: 'none' } })).toEqual({
      format: null,
      caseReference: 'A-1',
      instrument: null,
      assessedOn: null,
      assessor: null,
      overall: null,
      recommendation: null,
      flags: [],
      workingLanguage: null,
    });
  });
});

describe('assessmentFacts on hostile text', () => {
  it('removes text-direction controls from names it shows', () => {
    const facts = assessmentFacts({ metadata: { caseReference: 'HW-\u202E1000', assessor: { name: 'Amara\u2066 Okafor', role: 'Caseworker', organisation: 'Org' } } });
    expect(facts?.caseReference).toBe('HW-1000');
    expect(facts?.assessor?.name).toBe('Amara Okafor');
  });
});
