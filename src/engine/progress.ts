/**
 * Required items, what is missing, and per-section progress. An item is required if
 * `required`, or if `requiredWhenFlags` names the level of a standing flag. Missing means
 * visible, required and unanswered; hidden items are never missing. Missing answers are not
 * validation errors: the wizard lets the caseworker move freely and come back.
 */
import type { AnswerValue, Domain, FlagLevel, Item } from '../instrument/schema';
import { isAnswered } from './answered';
import { evaluateRow, rowsOf } from './conditions';
import { countByLevel } from './rules';
import type { Flag, SectionProgress, SectionStatus } from './types';
import type { PlacedItem, RuleBookContext } from './visibility';

export interface MissingItem {
  section: string;
  item: string;
}

/** The levels of the standing flags, and the areas with a standing RISK, ESC or STOP. */
export interface Standing {
  levels: ReadonlySet<FlagLevel>;
  domains: ReadonlySet<Domain>;
}

export function isRequired(p: PlacedItem, standing: Standing): boolean {
  return p.item.required || (p.item.requiredWhenFlags ?? []).some((l) => standing.levels.has(l))
    || (p.item.requiredWhenFlagDomains ?? []).some((d) => standing.domains.has(d));
}

export function standingLevels(flags: readonly Flag[]): Standing {
  return {
    levels: new Set(flags.map((f) => f.level)),
    domains: new Set(flags.filter((f) => f.level !== 'INFO').map((f) => f.domain)),
  };
}

const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * Answered in full: a table with a blank cell its column requires (a child's row with no answer
 * on risk) is not yet an answer, whatever else its rows hold (review 13, finding 18).
 */
export function isComplete(item: Item, answer: AnswerValue | undefined): boolean {
  if (!isAnswered(answer)) return false;
  if (item.type !== 'rows') return true;
  const columns = item.columns ?? [];
  return rowsOf(answer).every((row) => columns.every((c) => !blank(row[c.key]) || !(c.required || (c.requiredIf !== undefined && evaluateRow(c.requiredIf, row)))));
}

export function computeMissing(ctx: RuleBookContext, flags: readonly Flag[]): MissingItem[] {
  const standing = standingLevels(flags);
  return ctx.placed
    .filter((p) => ctx.isItemVisible(p.item.code) && isRequired(p, standing) && !isComplete(p.item, ctx.answerOf(p.item.code)))
    .map((p) => ({ section: p.section.code, item: p.item.code }));
}

function status(visible: boolean, anyAnswered: boolean, missing: number): SectionStatus {
  if (!visible) return 'hidden';
  if (!anyAnswered) return 'not_started';
  return missing === 0 ? 'done' : 'in_progress';
}

export function computeSections(
  ctx: RuleBookContext, flags: readonly Flag[], missing: readonly MissingItem[],
): SectionProgress[] {
  const standing = standingLevels(flags);
  return ctx.instrument.sections.map((section) => {
    const visible = ctx.isSectionVisible(section.code);
    const shown = ctx.placed.filter((p) => p.section === section && ctx.isItemVisible(p.item.code));
    const required = shown.filter((p) => isRequired(p, standing));
    const sectionMissing = missing.filter((m) => m.section === section.code).map((m) => m.item);
    return {
      code: section.code,
      visible,
      status: status(visible, shown.some((p) => isAnswered(ctx.answerOf(p.item.code))), sectionMissing.length),
      required: required.length,
      answered: required.length - sectionMissing.length,
      missing: sectionMissing,
      flags: countByLevel(flags.filter((f) => f.section === section.code)),
    };
  });
}
