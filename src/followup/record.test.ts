import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessFollowUp } from '../engine';
import { getFollowUpInstrument, type Answers } from '../instrument';
import { checkRecordOf } from './record';
import { computeSchedule, standardSchedule } from './schedule';

const inst = getFollowUpInstrument('homeward-followup', 1);
const folder = new URL('../../tests/golden/cases-followup/', import.meta.url);
const golden = (name: string) => {
  const file = readdirSync(folder).find((f) => f.startsWith(name));
  if (!file) throw new Error(`no golden case ${name}`);
  const c = JSON.parse(readFileSync(new URL(file, folder), 'utf8')) as { now: string; answers: Answers };
  return assessFollowUp(inst, c.answers, { now: c.now });
};

describe('the schedule record of a follow-up check', () => {
  it('is done, lost contact, declined (with or without the later checks) or done and ending follow-up after a death', () => {
    expect(checkRecordOf(golden('01-'))).toEqual({ check: 'h72', outcome: 'done' });
    expect(checkRecordOf(golden('11-'))).toEqual({ check: 'm1', outcome: 'lost_contact' });
    expect(checkRecordOf(golden('13-'))).toEqual({ check: 'm6', outcome: 'declined', declinesFurther: true });
    expect(checkRecordOf(golden('14-'))).toEqual({ check: 'm12', outcome: 'done', endsFollowUp: true });
  });

  it('is nothing while the check is incomplete: never "done" without a complete check', () => {
    expect(golden('02-').complete).toBe(false);
    expect(checkRecordOf(golden('02-'))).toBeNull();
  });

  it('feeds the schedule: a person who declined every later check is not chased', () => {
    const record = checkRecordOf(assessFollowUp(inst, { A1: 'm1', A2: '2027-01-02', A3: 'HW-P1', 'A3.role': 'return_partner', A5: 'reached', A6: 'no', 'A6.further': 'no_more_checks', A7: 'no' }, { now: '2027-01-02' }));
    expect(record).toEqual({ check: 'm1', outcome: 'declined', declinesFurther: true });
    const s = computeSchedule({ config: standardSchedule({ outcomeCheck24: false }), departure: { date: '2026-12-01', zone: 'Europe/Tirane' }, records: record ? [record] : [], now: Date.parse('2028-01-01T00:00:00Z') });
    expect(s.checks.filter((c) => c.id !== 'h72').map((c) => c.status)).toEqual(['declined', 'declined', 'declined', 'declined']);
    expect(s.checks[0]?.status).toBe('overdue');
  });
});
