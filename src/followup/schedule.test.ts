import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getFollowUpInstrument } from '../instrument';
import {
  ATTENTION_RANK, compareCases, computeSchedule, standardSchedule, type CheckRecord, type CheckStatus, type Departure, type ScheduleResult,
} from './schedule';

const at = (iso: string) => Date.parse(iso);
const standard = standardSchedule({ outcomeCheck24: false });
const withOutcome = standardSchedule({ outcomeCheck24: true });
const run = (departure: Departure, now: string, records: CheckRecord[] = [], config = standard) =>
  computeSchedule({ config, departure, records, now: at(now) });
const dueOf = (r: ScheduleResult) => Object.fromEntries(r.checks.map((c) => [c.id, c.dueAt]));
const statusOf = (r: ScheduleResult) => Object.fromEntries(r.checks.map((c) => [c.id, c.status]));

describe('the checks of the schedule', () => {
  it('are exactly the checks the follow-up instrument records (its check item\'s options), in the same order', () => {
    const inst = getFollowUpInstrument('homeward-followup', 1);
    const item = inst.sections.flatMap((s) => s.items).find((i) => i.code === inst.followUp.check);
    expect(withOutcome.checks.map((c) => c.id)).toEqual(item?.options?.map((o) => o.code));
    expect(standard.checks.map((c) => c.id)).toEqual(['h72', 'm1', 'm3', 'm6', 'm12']);
  });
});

describe('when each check falls due', () => {
  it('72 hours are elapsed hours; months are calendar months on the departure\'s wall clock', () => {
    const r = run({ date: '2026-03-10', time: '09:15', zone: 'Europe/Tirane' }, '2026-03-10T12:00:00Z', [], withOutcome);
    expect(dueOf(r)).toEqual({
      h72: '2026-03-13T08:15:00.000Z',
      m1: '2026-04-10T07:15:00.000Z', // CEST from 29 March: same 09:15 on the wall, an hour earlier in UTC
      m3: '2026-06-10T07:15:00.000Z',
      m6: '2026-09-10T07:15:00.000Z',
      m12: '2027-03-10T08:15:00.000Z',
      m24: '2028-03-10T08:15:00.000Z',
    });
  });

  it('a departure just before clocks go forward: 72 elapsed hours read an hour later on the wall', () => {
    // Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST. Departure at 01:59 CET (00:59Z).
    const r = run({ date: '2026-03-29', time: '01:59', zone: 'Europe/Berlin' }, '2026-03-29T01:00:00Z');
    expect(r.checks[0]?.dueAt).toBe('2026-04-01T00:59:00.000Z'); // 02:59 CEST on 1 April
    expect(dueOf(r).m1).toBe('2026-04-28T23:59:00.000Z'); // 01:59 CEST on 29 April
  });

  it('a month check landing in the skipped hour moves forward; one in the repeated hour takes the first', () => {
    const skipped = run({ date: '2026-02-08', time: '02:30', zone: 'America/New_York' }, '2026-02-08T08:00:00Z');
    expect(dueOf(skipped).m1).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT: 02:30 did not exist that day
    const repeated = run({ date: '2026-10-01', time: '01:30', zone: 'America/New_York' }, '2026-10-01T06:00:00Z');
    expect(dueOf(repeated).m1).toBe('2026-11-01T05:30:00.000Z'); // the first 01:30 (EDT)
  });

  it('month ends: 31 January gives 28 February, then 30 April and 31 July (never drifting to the 28th)', () => {
    const r = run({ date: '2026-01-31', time: '10:00', zone: 'UTC' }, '2026-01-31T10:00:00Z');
    expect(dueOf(r)).toMatchObject({ m1: '2026-02-28T10:00:00.000Z', m3: '2026-04-30T10:00:00.000Z', m6: '2026-07-31T10:00:00.000Z', m12: '2027-01-31T10:00:00.000Z' });
    const leap = run({ date: '2028-01-31', time: '10:00', zone: 'UTC' }, '2028-01-31T10:00:00Z', [], withOutcome);
    expect(dueOf(leap)).toMatchObject({ m1: '2028-02-29T10:00:00.000Z', m24: '2030-01-31T10:00:00.000Z' });
  });

  it('UTC+14 and UTC−12: the same wall time a day apart in UTC, and months counted on each wall clock', () => {
    const east = run({ date: '2026-01-31', time: '10:00', zone: 'Pacific/Kiritimati' }, '2026-01-31T00:00:00Z');
    const west = run({ date: '2026-01-31', time: '10:00', zone: 'Etc/GMT+12' }, '2026-01-31T00:00:00Z');
    expect(dueOf(east)).toMatchObject({ h72: '2026-02-02T20:00:00.000Z', m1: '2026-02-27T20:00:00.000Z' });
    expect(dueOf(west)).toMatchObject({ h72: '2026-02-03T22:00:00.000Z', m1: '2026-02-28T22:00:00.000Z' });
  });

  it('a departure without a time counts from the start of its day', () => {
    const r = run({ date: '2026-05-04', zone: 'Asia/Ho_Chi_Minh' }, '2026-05-04T00:00:00Z');
    expect(r.checks[0]?.dueAt).toBe('2026-05-06T17:00:00.000Z'); // 00:00 ICT on 4 May + 72 h
  });

  it('refuses an impossible departure or an unknown zone with a reason', () => {
    expect(() => run({ date: '2026-02-30', time: '10:00', zone: 'UTC' }, '2026-03-01T00:00:00Z')).toThrow(/not a real date/);
    expect(() => run({ date: '2026-02-10', time: '24:00', zone: 'UTC' }, '2026-03-01T00:00:00Z')).toThrow(/not a real date/);
    expect(() => run({ date: '2026-02-10', time: '10:00', zone: 'Europe/Atlantis' }, '2026-03-01T00:00:00Z')).toThrow(/Unknown time zone/);
  });
});

describe('the state of each check', () => {
  const departure: Departure = { date: '2026-04-01', time: '08:00', zone: 'UTC' };

  it('upcoming before its window, due within it, overdue after it', () => {
    expect(statusOf(run(departure, '2026-04-02T08:00:00Z')).h72).toBe('upcoming'); // 24 h after departure
    expect(statusOf(run(departure, '2026-04-03T08:00:00Z')).h72).toBe('due'); // 48 h: the window opens
    expect(statusOf(run(departure, '2026-04-05T07:59:00Z')).h72).toBe('due');
    expect(statusOf(run(departure, '2026-04-05T08:00:00Z')).h72).toBe('overdue'); // 96 h
  });

  it('a record settles its check whatever the time; declining further checks settles the later ones', () => {
    const records: CheckRecord[] = [
      { check: 'h72', outcome: 'done' },
      { check: 'm1', outcome: 'declined', declinesFurther: true },
    ];
    expect(statusOf(run(departure, '2027-06-01T00:00:00Z', records))).toEqual({ h72: 'done', m1: 'declined', m3: 'declined', m6: 'declined', m12: 'declined' });
    // Declining one check only: the next one is still due and, in time, overdue.
    const once: CheckRecord[] = [{ check: 'm1', outcome: 'declined' }];
    expect(statusOf(run(departure, '2026-07-30T00:00:00Z', once))).toMatchObject({ h72: 'overdue', m1: 'declined', m3: 'overdue' });
  });

  it('a person who declined and later took part again is followed again after that check', () => {
    const records: CheckRecord[] = [
      { check: 'm1', outcome: 'declined', declinesFurther: true },
      { check: 'm6', outcome: 'done' },
    ];
    expect(statusOf(run(departure, '2027-06-01T00:00:00Z', records))).toMatchObject({ m3: 'declined', m6: 'done', m12: 'overdue' });
  });

  it('after a death no later check is due: they are closed, and so is the case', () => {
    const records: CheckRecord[] = [{ check: 'h72', outcome: 'done' }, { check: 'm3', outcome: 'done', endsFollowUp: true }];
    const r = run(departure, '2027-06-01T00:00:00Z', records);
    expect(statusOf(r)).toEqual({ h72: 'done', m1: 'overdue', m3: 'done', m6: 'closed', m12: 'closed' });
    expect(r.caseStatus).toBe('closed');
    expect(run(departure, '2027-06-01T00:00:00Z', [{ check: 'm12', outcome: 'done', endsFollowUp: true }]).caseStatus).toBe('closed');
  });

  it('lost contact puts the case first until a later check is done', () => {
    const lost = run(departure, '2026-05-03T00:00:00Z', [{ check: 'h72', outcome: 'done' }, { check: 'm1', outcome: 'lost_contact' }]);
    expect(lost.caseStatus).toBe('lost_contact');
    expect(lost.attention[0]?.id).toBe('m1');
    const found = run(departure, '2026-07-03T00:00:00Z', [{ check: 'm1', outcome: 'lost_contact' }, { check: 'm3', outcome: 'done' }]);
    expect(found.caseStatus).not.toBe('lost_contact');
  });

  it('keeps a record of a check the schedule no longer has, and says so', () => {
    const r = run(departure, '2026-05-03T00:00:00Z', [{ check: 'm24', outcome: 'done' }]);
    expect(r.unmatched).toEqual([{ check: 'm24', outcome: 'done' }]);
    expect(r.checks.some((c) => c.status === 'done')).toBe(false);
  });

  it('a case list shows lost contact, then overdue, then due cases first, the longest waiting first', () => {
    const cases = {
      upcoming: run(departure, '2026-04-01T09:00:00Z'),
      due: run(departure, '2026-04-03T09:00:00Z'),
      overdueLater: run({ ...departure, date: '2026-04-20' }, '2026-08-01T00:00:00Z'),
      overdueEarlier: run(departure, '2026-08-01T00:00:00Z'),
      lost: run(departure, '2026-04-10T00:00:00Z', [{ check: 'h72', outcome: 'lost_contact' }]),
      done: run(departure, '2028-01-01T00:00:00Z', ['h72', 'm1', 'm3', 'm6', 'm12'].map((check) => ({ check, outcome: 'done' as const }))),
    };
    const order = Object.entries(cases).sort(([, a], [, b]) => compareCases(a, b)).map(([name]) => name);
    expect(order).toEqual(['lost', 'overdueEarlier', 'overdueLater', 'due', 'upcoming', 'done']);
  });

  it('refuses a schedule naming a check twice or a check that is overdue at once', () => {
    const twice = { checks: [...standard.checks, standard.checks[0]!] };
    expect(() => computeSchedule({ config: twice, departure, records: [], now: 0 })).toThrow(/check twice/);
    const instant = { checks: [{ id: 'x', after: { hours: 1 }, opensHoursBefore: 0, overdueHoursAfter: 0 }] };
    expect(() => computeSchedule({ config: instant, departure, records: [], now: 0 })).toThrow(/before it is overdue/);
  });
});

describe('properties over departures, zones, records and moments', () => {
  const zones = ['UTC', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Etc/GMT+12', 'Asia/Kathmandu', 'Africa/Lagos'];
  const departureArb = fc.record({
    date: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    zone: fc.constantFrom(...zones),
  });
  const recordsArb = fc.array(fc.record({
    check: fc.constantFrom('h72', 'm1', 'm3', 'm6', 'm12', 'm24', 'm2'),
    outcome: fc.constantFrom('done' as const, 'lost_contact' as const, 'declined' as const),
    declinesFurther: fc.boolean(),
    endsFollowUp: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  }), { maxLength: 6 });
  const offsetArb = fc.integer({ min: -30 * 24, max: 30 * 30 * 24 }).map((h) => h * 3_600_000);
  const rank: Record<CheckStatus, number> = { upcoming: 0, due: 1, overdue: 2, done: 9, lost_contact: 9, declined: 9, closed: 9 };

  it('is monotonic in time: a check never goes back from overdue to due or from due to upcoming, and a record never changes with time', () => {
    fc.assert(fc.property(departureArb, recordsArb, offsetArb, offsetArb, (departure, records, a, b) => {
      const start = Date.parse(`${departure.date}T00:00:00Z`);
      const [early, late] = a <= b ? [start + a, start + b] : [start + b, start + a];
      const s1 = computeSchedule({ config: withOutcome, departure, records, now: early });
      const s2 = computeSchedule({ config: withOutcome, departure, records, now: late });
      s1.checks.forEach((c, i) => {
        const d = s2.checks[i];
        if (!d) throw new Error('the checks differ between two moments');
        if (c.record) expect(d.status).toBe(c.status);
        else expect(rank[d.status]).toBeGreaterThanOrEqual(rank[c.status]);
      });
    }), { numRuns: 300 });
  });

  it('never shows a check done, lost, declined or closed without a record that says so', () => {
    fc.assert(fc.property(departureArb, recordsArb, offsetArb, (departure, records, offset) => {
      const now = Date.parse(`${departure.date}T00:00:00Z`) + offset;
      for (const c of computeSchedule({ config: withOutcome, departure, records, now }).checks) {
        if (c.status === 'done' || c.status === 'lost_contact') {
          expect(records.some((r) => r.check === c.id && r.outcome === c.status)).toBe(true);
        }
        if (c.status === 'declined') expect(records.some((r) => r.outcome === 'declined' && (r.check === c.id || r.declinesFurther))).toBe(true);
        if (c.status === 'closed') expect(records.some((r) => r.endsFollowUp === true)).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('due dates follow the schedule order, each window opens before it closes, and attention puts lost, overdue and due first', () => {
    fc.assert(fc.property(departureArb, recordsArb, offsetArb, (departure, records, offset) => {
      const now = Date.parse(`${departure.date}T00:00:00Z`) + offset;
      const s = computeSchedule({ config: withOutcome, departure, records, now });
      const dues = s.checks.map((c) => Date.parse(c.dueAt));
      dues.slice(1).forEach((d, i) => expect(d).toBeGreaterThan(dues[i] ?? Infinity));
      for (const c of s.checks) expect(Date.parse(c.opensAt)).toBeLessThanOrEqual(Date.parse(c.overdueAt));
      const ranks = s.attention.map((c) => ATTENTION_RANK[c.status]);
      expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
      expect(s.checks).toHaveLength(withOutcome.checks.length);
    }), { numRuns: 300 });
  });
});
