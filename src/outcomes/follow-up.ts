/**
 * The follow-up outcome record: what one check after return found, in codes only. It carries the
 * month of the check and nothing finer, no free text and no case reference: the case it belongs
 * to is the one it is attached to on the device. The follow-up instrument (issue 17 item 1)
 * records more; this is what of it the outcome export counts.
 */
import { z } from '../instrument/schema/zod';
import { checkPoints, outcomeCodes } from './codes';

export const monthPattern = /^(?:19|20)\d\d-(?:0[1-9]|1[0-2])$/;

export const followUpCheckSchema = z.strictObject({
  point: z.enum(checkPoints),
  /** Month the check was held, YYYY-MM. */
  month: z.string().regex(monthPattern, 'a month, YYYY-MM'),
  /** Outcomes found at this check; each at most once. */
  outcomes: z.array(z.enum(outcomeCodes)).max(outcomeCodes.length)
    .refine((list) => new Set(list).size === list.length, 'an outcome is listed twice'),
});
export type FollowUpCheck = z.infer<typeof followUpCheckSchema>;
