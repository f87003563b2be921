/**
 * Mitigations that name the flags they answer. Under a `decision.mitigation`, every standing
 * RISK and ESC, and every STOP an override lifts, needs a complete row naming it in its `flags`
 * column: a measure (with its owner) or an accepted risk (with the reason). Counting rows is
 * not enough: three flags need three answers, even if one row answers all three.
 */
import { rowsOf } from './conditions';
import type { Flag } from './types';
import { validateAnswer } from './validation';
import type { EngineContext } from './visibility';

/** The rule ids a `flags` cell names (separated by spaces or commas). */
export function flagIdsOf(cell: unknown): string[] {
  return typeof cell === 'string' ? cell.split(/[\s,]+/).filter((id) => id !== '') : [];
}

/** Does this flag need a mitigation row (or an accepted risk)? */
export function needsCoverage(flag: Flag): boolean {
  return flag.level === 'RISK' || flag.level === 'ESC' || (flag.level === 'STOP' && flag.overridden);
}

/** Rule ids named by a complete mitigation row (one with no error in any of its cells). */
export function coveredRuleIds(ctx: EngineContext): Set<string> {
  const config = ctx.instrument.decision.mitigation;
  const covered = new Set<string>();
  if (!config) return covered;
  const item = ctx.item(config.item);
  if (!item) return covered;
  const answer = ctx.answerOf(config.item);
  const errors = validateAnswer(item, answer, new Set(ctx.instrument.rules.map((r) => r.id)));
  rowsOf(answer).forEach((row, index) => {
    if (errors.some((e) => e.row === index)) return;
    for (const id of flagIdsOf(row[config.flags])) covered.add(id);
  });
  return covered;
}
