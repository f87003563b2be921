import { describe, expect, it } from 'vitest';
import { DecisionError, formatDecisionReason, MAX_COMMENTS, parseDecisionReason, PREPARED_REASON } from '../../../src/export/facade/decision';

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
