/**
 * Evaluates the condition AST. Comparisons (eq, neq, in, includes…, lt…, dates) are false
 * unless the item has a real answer: unanswered, hidden and unknown/declined answers never
 * match, so `neq` on "unknown" is false too. Only `answered` and `unknown` see them.
 */
import type {
  AnswerValue, Condition, Item, ItemCondition, Row, RowCondition, ScalarValue,
} from '../instrument/schema';
import { isAnswered, isUnknownAnswer } from './answered';
import { fullYears, parseDate, type CalendarDate } from './dates';

export interface ConditionContext {
  item(code: string): Item | undefined;
  /** the answer as conditions see it: undefined while the item is hidden */
  answerOf(code: string): AnswerValue | undefined;
  predicate(name: string): boolean;
  today: CalendarDate;
}

export function evaluate(cond: Condition, ctx: ConditionContext): boolean {
  if ('all' in cond) return cond.all.every((c) => evaluate(c, ctx));
  if ('any' in cond) return cond.any.some((c) => evaluate(c, ctx));
  if ('not' in cond) return !evaluate(cond.not, ctx);
  if ('ref' in cond) return ctx.predicate(cond.ref);
  return evaluateItem(cond, ctx);
}

function evaluateItem(cond: ItemCondition, ctx: ConditionContext): boolean {
  const item = ctx.item(cond.item);
  if (!item) return false; // the loader refuses conditions naming missing items
  const answer = ctx.answerOf(cond.item);
  switch (cond.op) {
    case 'answered': return isAnswered(answer);
    case 'unknown': return isUnknownAnswer(answer, item.type);
    case 'rowCountGte': return rowsOf(answer).length >= numberOf(cond.value);
    case 'anyRow': {
      const where = cond.where;
      return where !== undefined && rowsOf(answer).some((row) => evaluateRow(where, row));
    }
    default:
      if (answer === undefined || !isAnswered(answer) || isUnknownAnswer(answer, item.type)) return false;
      return compare(cond, answer, ctx.today);
  }
}

function compare(cond: ItemCondition, answer: AnswerValue, today: CalendarDate): boolean {
  const values = listOf(cond.value);
  switch (cond.op) {
    case 'eq': return answer === cond.value;
    case 'neq': return isScalar(answer) && answer !== cond.value;
    case 'in': return isScalar(answer) && values.includes(answer);
    case 'includes': return values.every((v) => stringsOf(answer).includes(String(v)));
    case 'includesAny': return values.some((v) => stringsOf(answer).includes(String(v)));
    case 'excludesAll': return Array.isArray(answer) && values.every((v) => !stringsOf(answer).includes(String(v)));
    case 'lt': return numeric(answer, cond.value, (a, b) => a < b);
    case 'lte': return numeric(answer, cond.value, (a, b) => a <= b);
    case 'gt': return numeric(answer, cond.value, (a, b) => a > b);
    case 'gte': return numeric(answer, cond.value, (a, b) => a >= b);
    default: return compareDate(cond, answer, today);
  }
}

function compareDate(cond: ItemCondition, answer: AnswerValue, today: CalendarDate): boolean {
  const date = parseDate(answer);
  const n = cond.value;
  if (!date || typeof n !== 'number') return false;
  switch (cond.op) {
    case 'ageUnder': return fullYears(date, today) < n;
    case 'ageAtLeast': return fullYears(date, today) >= n;
    case 'withinDays': return date.day >= today.day - n && date.day <= today.day;
    case 'moreThanDaysAhead': return date.day > today.day + n;
    default: return false;
  }
}

/** Row cells: null or blank is unanswered; 'unknown'/'declined' (a ynu column) is unknown. */
export function evaluateRow(cond: RowCondition, row: Row): boolean {
  const cell = row[cond.column];
  const answered = cell !== undefined && cell !== null && (typeof cell !== 'string' || cell.trim() !== '');
  const unknown = cell === 'unknown' || cell === 'declined';
  if (cond.op === 'answered') return answered;
  if (cond.op === 'unknown') return unknown;
  if (!answered || unknown) return false;
  switch (cond.op) {
    case 'eq': return cell === cond.value;
    case 'neq': return cell !== cond.value;
    case 'in': return listOf(cond.value).includes(cell);
    case 'lt': return numeric(cell, cond.value, (a, b) => a < b);
    case 'gt': return numeric(cell, cond.value, (a, b) => a > b);
  }
}

function isScalar(v: unknown): v is ScalarValue {
  return typeof v === 'string' || typeof v === 'number';
}

function listOf(value: ItemCondition['value']): ScalarValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function numberOf(value: ItemCondition['value']): number {
  return typeof value === 'number' ? value : Number.POSITIVE_INFINITY;
}

function numeric(a: unknown, b: unknown, test: (a: number, b: number) => boolean): boolean {
  return typeof a === 'number' && typeof b === 'number' && test(a, b);
}

function stringsOf(answer: AnswerValue | undefined): string[] {
  if (!Array.isArray(answer)) return [];
  return answer.filter((v): v is string => typeof v === 'string');
}

export function rowsOf(answer: AnswerValue | undefined): Row[] {
  if (!Array.isArray(answer)) return [];
  return answer.filter((r): r is Row => typeof r === 'object' && r !== null && !Array.isArray(r));
}
