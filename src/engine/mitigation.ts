/**
 * Mitigations that name the flags they answer. Under a `decision.mitigation`, every standing
 * RISK and ESC needs a complete row naming it in its `flags` column: a measure (with its owner)
 * or an accepted risk (with the reason). Every standing STOP needs a measure: what is done about
 * it (lifted by an override, the conditions of the return; deferred, what must happen first), so
 * the sign-off never rests on a STOP nobody answered (review 13, finding 2). Counting rows is
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

/** Does this flag need a mitigation row (a RISK or ESC: or an accepted risk)? INFO never does. */
export function needsCoverage(flag: Flag): boolean {
  return flag.level !== 'INFO';
}

/** Rule ids named by complete mitigation rows: by any such row, and by a measure (not an accepted risk). */
export interface Coverage {
  named: Set<string>;
  measured: Set<string>;
}

/** The rule ids complete rows (no error in any cell) name, and those a measure names. */
export function coverage(ctx: EngineContext): Coverage {
  const config = ctx.instrument.decision.mitigation;
  const out: Coverage = { named: new Set(), measured: new Set() };
  const item = config && ctx.item(config.item);
  if (!config || !item) return out;
  const answer = ctx.answerOf(config.item);
  const errors = validateAnswer(item, answer, new Set(ctx.instrument.rules.map((r) => r.id)));
  rowsOf(answer).forEach((row, index) => {
    if (errors.some((e) => e.row === index)) return;
    const accepted = config.accepted !== undefined && row[config.accepted.column] === config.accepted.value;
    for (const id of flagIdsOf(row[config.flags])) {
      out.named.add(id);
      if (!accepted) out.measured.add(id);
    }
  });
  return out;
}

/** Rule ids named by a complete mitigation row (one with no error in any of its cells). */
export function coveredRuleIds(ctx: EngineContext): Set<string> {
  return coverage(ctx).named;
}

/**
 * Is this flag answered? A RISK or ESC by any complete row naming it (a measure, or a risk
 * accepted with its reason); a STOP only by a measure: a risk that needed an override, or that
 * stops the return, is never merely accepted (review 13, finding 14).
 */
export function isCovered(flag: Flag, rows: Coverage): boolean {
  if (!needsCoverage(flag)) return false;
  return flag.level === 'STOP' ? rows.measured.has(flag.ruleId) : rows.named.has(flag.ruleId);
}
