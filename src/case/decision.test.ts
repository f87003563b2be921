import { describe, expect, it } from 'vitest';
import { DecisionError, formatDecisionReason, MAX_COMMENTS, MAX_HANDOVER_FIELD, parseDecisionReason, PREPARED_REASON } from './decision';

const HANDOVER = { metBy: 'L. Dushi, caseworker, Shelter North-3 (fictional)', firstNight: 'Shelter North-3', firstContact: '2026-12-12' };

describe('a reviewer decision in the countersignature /Reason', () => {
  it('writes an approval with or without comments, and reads it back', () => {
    expect(formatDecisionReason({ kind: 'approve' })).toBe('Homeward decision: approved');
    expect(parseDecisionReason('Homeward decision: approved')).toEqual({ kind: 'approve' });
    const reason = formatDecisionReason({ kind: 'approve', comments: '  Plan is sound.  ' });
    expect(reason).toBe('Homeward decision: approved. Comments: Plan is sound.');
    expect(parseDecisionReason(reason)).toEqual({ kind: 'approve', comments: 'Plan is sound.' });
  });

  it('requires comments to return for changes, and keeps them word for word (any script)', () => {
    expect(() => formatDecisionReason({ kind: 'return', comments: '   ' })).toThrow(DecisionError);
    const comments = 'Cần xác minh người đón: ٣ أيام, then re-check D10.';
    const reason = formatDecisionReason({ kind: 'return', comments });
    expect(reason.startsWith('Homeward decision: returned for changes')).toBe(true);
    expect(parseDecisionReason(reason)).toEqual({ kind: 'return', comments });
  });

  it('flattens control characters (one PDF string) and refuses overlong comments', () => {
    expect(formatDecisionReason({ kind: 'approve', comments: 'a\u0000b\u0007c' })).toBe('Homeward decision: approved. Comments: a b c');
    expect(() => formatDecisionReason({ kind: 'approve', comments: 'x'.repeat(MAX_COMMENTS + 1) })).toThrow(DecisionError);
    expect(() => formatDecisionReason({ kind: 'approve', comments: 'x'.repeat(MAX_COMMENTS) })).not.toThrow();
  });

  it('does not read other reasons as decisions', () => {
    expect(parseDecisionReason(PREPARED_REASON)).toBeNull();
    expect(parseDecisionReason('Reviewed')).toBeNull();
    expect(parseDecisionReason('Homeward decision: returned for changes')).toBeNull(); // a return always has comments
    expect(parseDecisionReason('')).toBeNull();
  });
});

describe('decisions beyond approve and return', () => {
  it('an override names the STOP rules it lifts and needs a reason', () => {
    const reason = formatDecisionReason({ kind: 'override', rules: ['E2-trafficker-creditor', 'F2-threats'], comments: 'Debt plan agreed with the creditor; police informed.' });
    expect(reason).toBe('Homeward decision: override of STOP rules E2-trafficker-creditor, F2-threats. Reason: Debt plan agreed with the creditor; police informed.');
    expect(parseDecisionReason(reason)).toEqual({ kind: 'override', rules: ['E2-trafficker-creditor', 'F2-threats'], comments: 'Debt plan agreed with the creditor; police informed.' });
    expect(() => formatDecisionReason({ kind: 'override', rules: [], comments: 'x' })).toThrow(DecisionError);
    expect(() => formatDecisionReason({ kind: 'override', rules: ['not a rule'], comments: 'x' })).toThrow(DecisionError);
    expect(() => formatDecisionReason({ kind: 'override', rules: ['F2-threats'], comments: ' ' })).toThrow(DecisionError);
    expect(parseDecisionReason('Homeward decision: override of STOP rules F2-threats')).toBeNull(); // no reason
    expect(parseDecisionReason('Homeward decision: override of STOP rules all. Reason: x')).toBeNull();
  });

  it('a partner accepts with who meets the person, the first night and the first contact (comments optional), or declines (reasons required)', () => {
    const reason = formatDecisionReason({ kind: 'accept', handover: HANDOVER });
    expect(reason).toBe('Homeward decision: hand-over accepted. Met by: L. Dushi, caseworker, Shelter North-3 (fictional). First night: Shelter North-3. First contact: 2026-12-12');
    expect(parseDecisionReason(reason)).toEqual({ kind: 'accept', handover: HANDOVER });
    expect(parseDecisionReason(formatDecisionReason({ kind: 'accept', handover: HANDOVER, comments: 'Met at arrivals by L. (fictional).' }))).toEqual({ kind: 'accept', handover: HANDOVER, comments: 'Met at arrivals by L. (fictional).' });
    expect(() => formatDecisionReason({ kind: 'decline', comments: '' })).toThrow(DecisionError);
    expect(parseDecisionReason(formatDecisionReason({ kind: 'decline', comments: 'No shelter place.' }))).toEqual({ kind: 'decline', comments: 'No shelter place.' });
  });

  it('an acceptance needs every hand-over fact, a real date, and no field that fakes another label', () => {
    for (const field of ['metBy', 'firstNight', 'firstContact'] as const) {
      expect(() => formatDecisionReason({ kind: 'accept', handover: { ...HANDOVER, [field]: '  ' } }), field).toThrow(DecisionError);
    }
    for (const date of ['12/12/2026', '2026-13-01', '2026-12-32', 'tomorrow']) {
      expect(() => formatDecisionReason({ kind: 'accept', handover: { ...HANDOVER, firstContact: date } }), date).toThrow(DecisionError);
    }
    expect(() => formatDecisionReason({ kind: 'accept', handover: { ...HANDOVER, metBy: 'Anyone. First night: the street' } })).toThrow(DecisionError);
    expect(() => formatDecisionReason({ kind: 'accept', handover: { ...HANDOVER, firstNight: 'Shelter. Comments: none needed' } })).toThrow(DecisionError);
    expect(() => formatDecisionReason({ kind: 'accept', handover: { ...HANDOVER, metBy: 'x'.repeat(MAX_HANDOVER_FIELD + 1) } })).toThrow(DecisionError);
    // Written by someone else's tool: an acceptance without the facts, or with a bad date, is no decision.
    expect(parseDecisionReason('Homeward decision: hand-over accepted')).toBeNull();
    expect(parseDecisionReason('Homeward decision: hand-over accepted. Comments: fine')).toBeNull();
    expect(parseDecisionReason('Homeward decision: hand-over accepted. Met by: A. First night: B. First contact: 2026-02-30x')).toBeNull();
    expect(parseDecisionReason('Homeward decision: hand-over accepted. Met by: A. First night: B. First contact: 2026-99-01')).toBeNull();
  });

  it('reads nothing but the exact grammar', () => {
    for (const reason of ['Homeward decision: approved.', 'Homeward decision: approvedX', 'homeward decision: approved', 'Homeward decision: hand-over declined', 'Homeward decision: hand-over accepted. Reasons: x']) {
      expect(parseDecisionReason(reason), reason).toBeNull();
    }
  });
});
