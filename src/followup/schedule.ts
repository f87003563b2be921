/**
 * The follow-up schedule after return, as a pure function: given the moment now, the departure
 * (date, time and the time zone it was recorded in) and the checks recorded so far, the state of
 * each check, and the order in which whoever holds the case should look at them.
 *
 * - A check is `at` a fixed time after departure: elapsed hours (72 hours is 72 hours, whatever
 *   the clocks do), or calendar months on the departure's own wall clock (a departure at 10:00 on
 *   31 January has its 1-month check at 10:00 on the last day of February).
 * - It is `upcoming` until its window opens, `due` until it is overdue, then `overdue`; a recorded
 *   check is `done`, `lost_contact` or `declined` whatever the time, and only a record makes it so.
 * - A person who declines further follow-up is not chased: every later check without a record of
 *   its own is `declined` too (issue 17, item 6: counted, not chased). After a death, every later
 *   check is `closed`: nobody is reminded to call a person who has died.
 * - Nothing here reads a clock: the caller passes `now`.
 */
import { addMonths, instantOf, wallTimeAt, type WallTime } from './zoned-time';

export type Offset = { readonly hours: number } | { readonly months: number };

export interface CheckSpec {
  /** stable code, e.g. "m6"; a record names its check by it */
  readonly id: string;
  readonly after: Offset;
  /** how long before `after` the check becomes due (hours) */
  readonly opensHoursBefore: number;
  /** how long after `after` a check not yet recorded becomes overdue (hours) */
  readonly overdueHoursAfter: number;
}

export interface ScheduleConfig {
  readonly checks: readonly CheckSpec[];
}

const DAY = 24;

/** The checks of issue 17: 72 hours, 1, 3, 6 and 12 months after departure. */
export const STANDARD_CHECKS: readonly CheckSpec[] = [
  // Arrival: open from 48 hours (the partner may reach the person early), overdue a day late.
  { id: 'h72', after: { hours: 72 }, opensHoursBefore: DAY, overdueHoursAfter: DAY },
  { id: 'm1', after: { months: 1 }, opensHoursBefore: 7 * DAY, overdueHoursAfter: 7 * DAY },
  { id: 'm3', after: { months: 3 }, opensHoursBefore: 7 * DAY, overdueHoursAfter: 14 * DAY },
  { id: 'm6', after: { months: 6 }, opensHoursBefore: 14 * DAY, overdueHoursAfter: 14 * DAY },
  { id: 'm12', after: { months: 12 }, opensHoursBefore: 14 * DAY, overdueHoursAfter: 14 * DAY },
];

/** The optional outcome check at 24 months (re-trafficking is frequent within two years). */
export const OUTCOME_CHECK_24: CheckSpec = { id: 'm24', after: { months: 24 }, opensHoursBefore: 14 * DAY, overdueHoursAfter: 30 * DAY };

/** An organisation's schedule: the standard checks, with or without the 24-month outcome check. */
export function standardSchedule(options: { outcomeCheck24: boolean }): ScheduleConfig {
  return { checks: options.outcomeCheck24 ? [...STANDARD_CHECKS, OUTCOME_CHECK_24] : STANDARD_CHECKS };
}

export interface Departure {
  /** YYYY-MM-DD on the wall clock of `zone` */
  readonly date: string;
  /** HH:MM; when the time was not recorded, the start of the day (the checks fall due no later than they should) */
  readonly time?: string;
  /** IANA time zone the date and time were recorded in, e.g. "Europe/London" */
  readonly zone: string;
}

export type RecordedOutcome = 'done' | 'lost_contact' | 'declined';

export interface CheckRecord {
  readonly check: string;
  readonly outcome: RecordedOutcome;
  /** on a declined check: the person also declined every later check */
  readonly declinesFurther?: boolean;
  /** the check found that the person has died: no later check is due */
  readonly endsFollowUp?: boolean;
}

export type CheckStatus = 'upcoming' | 'due' | 'overdue' | RecordedOutcome | 'closed';

export interface CheckState {
  readonly id: string;
  readonly status: CheckStatus;
  /** ISO instants (UTC) */
  readonly opensAt: string;
  readonly dueAt: string;
  readonly overdueAt: string;
  /** the record that settles it, if any (for a check declined by an earlier record: that record) */
  readonly record: CheckRecord | null;
}

export interface ScheduleResult {
  /** every check in schedule order */
  readonly checks: readonly CheckState[];
  /** the checks in the order to look at them: lost contact, overdue, due, then the rest */
  readonly attention: readonly CheckState[];
  /** the most urgent status of the case, for sorting a list of cases */
  readonly caseStatus: CheckStatus;
  /** records naming a check this schedule does not have (e.g. after the organisation changed it) */
  readonly unmatched: readonly CheckRecord[];
}

export interface ScheduleInput {
  readonly config: ScheduleConfig;
  readonly departure: Departure;
  readonly records: readonly CheckRecord[];
  /** the moment now, in milliseconds since the epoch */
  readonly now: number;
}

const HOUR_MS = 3_600_000;

/** Attention order: lower first. Lost contact is a person nobody can reach; overdue, a check nobody made. */
export const ATTENTION_RANK: Readonly<Record<CheckStatus, number>> = {
  lost_contact: 0, overdue: 1, due: 2, upcoming: 3, done: 4, declined: 5, closed: 6,
};

function parseDeparture(d: Departure): WallTime {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d.date);
  const time = /^(\d{2}):(\d{2})$/.exec(d.time ?? '00:00');
  const wall = date && time ? {
    year: Number(date[1]), month: Number(date[2]), day: Number(date[3]), hour: Number(time[1]), minute: Number(time[2]),
  } : null;
  const check = wall && new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  if (!wall || !check || check.getUTCDate() !== wall.day || check.getUTCMonth() !== wall.month - 1 || wall.hour > 23 || wall.minute > 59) {
    throw new RangeError(`Departure ${d.date} ${d.time ?? ''} is not a real date and time (YYYY-MM-DD and HH:MM).`);
  }
  return wall;
}

function checkConfig(config: ScheduleConfig): void {
  const ids = config.checks.map((c) => c.id);
  if (new Set(ids).size !== ids.length) throw new RangeError(`Schedule has a check twice: ${ids.join(', ')}`);
  for (const c of config.checks) {
    const amount = 'hours' in c.after ? c.after.hours : c.after.months;
    const windows = [amount, c.opensHoursBefore, c.overdueHoursAfter];
    if (!windows.every((n) => Number.isInteger(n) && n >= 0) || c.overdueHoursAfter === 0) {
      throw new RangeError(`Check ${c.id}: offsets are whole numbers, and a check needs time before it is overdue.`);
    }
  }
}

/** When a check is due, as an instant. */
export function dueInstant(spec: CheckSpec, departure: Departure): number {
  const wall = parseDeparture(departure);
  const start = instantOf(wall, departure.zone);
  if ('hours' in spec.after) return start + spec.after.hours * HOUR_MS;
  // Months run on the departure's own wall clock: take the wall time it really was (a skipped
  // departure time has moved forward), then add calendar months.
  return instantOf(addMonths(wallTimeAt(start, departure.zone), spec.after.months), departure.zone);
}

function statusOf(now: number, opens: number, overdue: number): CheckStatus {
  if (now < opens) return 'upcoming';
  return now < overdue ? 'due' : 'overdue';
}

/**
 * The record that settles each check, and the status it gives: its own record; or an earlier
 * refusal of every later check (`declined`) or an earlier record of a death (`closed`).
 */
function settling(config: ScheduleConfig, records: readonly CheckRecord[]): Map<string, { record: CheckRecord; status: CheckStatus }> {
  const own = new Map<string, CheckRecord>();
  // A later record of the same check replaces an earlier one (a correction).
  for (const r of records) own.set(r.check, r);
  const out = new Map<string, { record: CheckRecord; status: CheckStatus }>();
  let carried: { record: CheckRecord; status: CheckStatus } | null = null;
  for (const c of config.checks) {
    const r = own.get(c.id);
    if (r) {
      out.set(c.id, { record: r, status: r.outcome });
      if (r.endsFollowUp === true) carried = { record: r, status: 'closed' };
      // A later check that did take place shows the person came back to follow-up.
      else if (r.outcome === 'declined' && r.declinesFurther === true) carried = { record: r, status: 'declined' };
      else if (r.outcome === 'done' && carried?.status === 'declined') carried = null;
    } else if (carried) {
      out.set(c.id, carried);
    }
  }
  return out;
}

export function computeSchedule(input: ScheduleInput): ScheduleResult {
  const { config, departure, records, now } = input;
  checkConfig(config);
  if (!Number.isFinite(now)) throw new RangeError('now must be a moment in milliseconds since the epoch.');
  const settled = settling(config, records);
  const checks = config.checks.map((spec): CheckState => {
    const due = dueInstant(spec, departure);
    const opens = due - spec.opensHoursBefore * HOUR_MS;
    const overdue = due + spec.overdueHoursAfter * HOUR_MS;
    const settledBy = settled.get(spec.id);
    const record = settledBy?.record ?? null;
    return {
      id: spec.id,
      status: settledBy ? settledBy.status : statusOf(now, opens, overdue),
      opensAt: new Date(opens).toISOString(), dueAt: new Date(due).toISOString(), overdueAt: new Date(overdue).toISOString(),
      record,
    };
  });
  const order = new Map(checks.map((c, i) => [c.id, i]));
  const attention = [...checks].sort((a, b) => ATTENTION_RANK[a.status] - ATTENTION_RANK[b.status] || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const known = new Set(config.checks.map((c) => c.id));
  return { checks, attention, caseStatus: caseStatusOf(checks), unmatched: records.filter((r) => !known.has(r.check)) };
}

/**
 * The case's status for a list of cases. Lost contact counts until a later check is done (the
 * person was reached again); otherwise the most urgent check decides; a case with every check
 * recorded is done, or declined when the person declined. After a death the case is closed.
 */
function caseStatusOf(checks: readonly CheckState[]): CheckStatus {
  const lastRecorded = [...checks].reverse().find((c) => c.record !== null);
  const open = checks.filter((c) => c.record === null).map((c) => c.status);
  if (checks.some((c) => c.record?.endsFollowUp === true)) return 'closed';
  if (lastRecorded?.status === 'lost_contact') return 'lost_contact';
  for (const status of ['overdue', 'due', 'upcoming'] as const) if (open.includes(status)) return status;
  return lastRecorded?.status === 'declined' ? 'declined' : 'done';
}

/** Sorts cases for the list shown on unlock: lost contact, overdue, due first; then by the earliest due date. */
export function compareCases(a: ScheduleResult, b: ScheduleResult): number {
  const first = (s: ScheduleResult) => s.attention[0]?.dueAt ?? '';
  return ATTENTION_RANK[a.caseStatus] - ATTENTION_RANK[b.caseStatus] || first(a).localeCompare(first(b));
}
