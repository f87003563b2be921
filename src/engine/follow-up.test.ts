import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getFollowUpInstrument, getInstrument, type Answers } from '../instrument';
import { assessFollowUp, planFromAssessment } from './follow-up';

const followUp = getFollowUpInstrument('homeward-followup', 1);
const NOW = '2026-11-27';
const golden = (path: string): Answers => (JSON.parse(readFileSync(new URL(`../../tests/golden/${path}`, import.meta.url), 'utf8')) as { answers: Answers }).answers;

describe('the follow-up plan of a pre-return assessment', () => {
  it('names text items of every assessment version it lists', () => {
    for (const source of followUp.followUp.plan) {
      for (const version of source.versions) {
        const items = new Map(getInstrument(source.instrument, version).sections.flatMap((s) => s.items.map((i) => [i.code, i.type] as const)));
        expect([items.get(source.escalation), items.get(source.lostContact)], `${source.instrument} v${String(version)}`).toEqual(['text', 'text']);
      }
    }
  });

  it('is read from a v1 or v2 assessment, and an alert after return names its steps', () => {
    for (const [version, file] of [[1, 'cases/01-adult-avr-verified-reception-no-impediment.json'], [2, 'cases-v2/01-adult-avr-low-risk-signable.json']] as const) {
      const plan = planFromAssessment(followUp, getInstrument('homeward-return', version), golden(file), { now: NOW });
      expect(plan).toEqual({
        escalation: 'Any threat or loss of contact: partner hotline (fictional) within 24 hours.',
        lostContact: 'Three attempts over one week, then the partner and the local police are told.',
      });
      const check = assessFollowUp(followUp, { A1: 'm1', A5: 'reached', A6: 'yes', A7: 'no', C2: 'yes' }, { now: NOW, plan: plan ?? {} });
      expect(check.alert?.actions).toEqual([{ plan: 'escalation', rules: ['C2-threats'], steps: plan?.escalation }]);
    }
  });

  it('is not read where the assessment hides it: a plan for a return that was not recommended is no plan', () => {
    const answers = { ...golden('cases-v2/01-adult-avr-low-risk-signable.json'), N4: 'defer' };
    expect(planFromAssessment(followUp, getInstrument('homeward-return', 2), answers, { now: NOW })).toEqual({ escalation: null, lostContact: null });
  });
});
