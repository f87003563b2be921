/**
 * What a completed follow-up check tells the schedule, from its coded outcomes (stable codes,
 * the same in every version of the follow-up instrument): declined, with or without the later
 * checks; contact lost; or done, ending follow-up when the person has died. An incomplete check
 * records nothing: a check is never "done" until it is.
 */
import type { FollowUpResult } from '../engine';
import type { CheckRecord } from './schedule';

export function checkRecordOf(result: FollowUpResult): CheckRecord | null {
  const check = result.check;
  if (!result.complete || check === null) return null;
  const o = result.outcomes;
  if (o.declined_follow_up === 'yes') return { check, outcome: 'declined', declinesFurther: o.declined_further_checks === 'yes' };
  if (o.contact_lost === 'yes') return { check, outcome: 'lost_contact' };
  return o.died === 'yes' ? { check, outcome: 'done', endsFollowUp: true } : { check, outcome: 'done' };
}
