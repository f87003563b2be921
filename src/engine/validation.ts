/**
 * Field validation: is each answer well formed for its item? Type, option, range, real
 * date, verbatim translation, row columns, length. Missing answers are not errors here (the
 * wizard allows free movement); they are reported as `missing`. Only visible items are
 * checked: hidden answers are kept by callers but play no part.
 */
import type { AnswerValue, Column, Item, Row } from '../instrument/schema';
import { asOverride, asProvenance, asSignOff, isSpecial, ynuValues } from '../instrument/schema';
import { isAnswered } from './answered';
import { evaluateRow } from './conditions';
import { parseDate } from './dates';
import type { FieldError } from './types';
import type { RuleBookContext } from './visibility';

export const MAX_TEXT = 5000;

type Check = Omit<FieldError, 'item'>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const filled = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
const show = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v));
const tooLong = (v: unknown): Check[] => (isText(v) && v.length > MAX_TEXT ? [{ key: 'validation.too_long', params: { max: MAX_TEXT } }] : []);

function option(item: Item | Column, value: unknown): Check[] {
  const codes = (item.options ?? []).map((o) => o.code);
  return isText(value) && codes.includes(value) ? [] : [{ key: 'validation.option', params: { value: show(value) } }];
}

function range(item: Item, value: number): Check[] {
  if (item.min !== undefined && value < item.min) return [{ key: 'validation.min', params: { min: item.min } }];
  if (item.max !== undefined && value > item.max) return [{ key: 'validation.max', params: { max: item.max } }];
  return [];
}

function verbatim(value: unknown): Check[] {
  if (!isObject(value) || !isText(value.original) || !isText(value.language)
    || !isText(value.translation) || !isText(value.translatedBy)) return [{ key: 'validation.type' }];
  if (!filled(value.original)) return [];
  const errors: Check[] = [...tooLong(value.original), ...tooLong(value.translation)];
  if (!filled(value.language)) errors.push({ key: 'validation.language_needed' });
  if (!filled(value.translation) || !filled(value.translatedBy)) errors.push({ key: 'validation.translation_needed' });
  return errors;
}

function signature(value: unknown): Check[] {
  if (!isObject(value) || !isText(value.name) || !isText(value.role) || !isText(value.date)) return [{ key: 'validation.type' }];
  return filled(value.date) && !parseDate(value.date) ? [{ key: 'validation.date' }] : [];
}

/** Rule ids a `flags` cell may name; without it only the shape is checked. */
type RuleIds = ReadonlySet<string> | undefined;

function flagIds(value: string, ruleIds: RuleIds, at: { row: number; column: string }): Check[] {
  const ids = value.split(/[\s,]+/).filter((id) => id !== '');
  const unknown = ruleIds ? ids.filter((id) => !ruleIds.has(id)) : [];
  if (ids.length === 0) return [{ key: 'validation.required_column', params: { column: at.column }, ...at }];
  return unknown.map((id) => ({ key: 'validation.unknown_flag', params: { value: id }, ...at }));
}

function cell(column: Column, row: Row, index: number, ruleIds: RuleIds): Check[] {
  const value: unknown = row[column.key];
  const at = { row: index, column: column.key };
  if (value === null || value === undefined || (isText(value) && value.trim() === '')) {
    const required = column.required || (column.requiredIf !== undefined && evaluateRow(column.requiredIf, row));
    return required ? [{ key: 'validation.required_column', params: { column: column.key }, ...at }] : [];
  }
  const wrong = (key: string, params?: Record<string, string | number>): Check[] => [params ? { key, params, ...at } : { key, ...at }];
  switch (column.type) {
    case 'number': return typeof value === 'number' ? [] : wrong('validation.type');
    case 'date': return parseDate(value) ? [] : wrong('validation.date');
    case 'ynu': return ynuValues.some((v) => v === value) ? [] : wrong('validation.option', { value: show(value) });
    case 'choice': return option(column, value).length === 0 ? [] : wrong('validation.option', { value: show(value) });
    case 'text': return isText(value) ? tooLong(value).map((e) => ({ ...e, ...at })) : wrong('validation.type');
    case 'flags': return isText(value) ? flagIds(value, ruleIds, at) : wrong('validation.type');
  }
}

const isRow = (v: unknown): v is Row =>
  isObject(v) && Object.values(v).every((c) => c === null || c === undefined || typeof c === 'string' || typeof c === 'number');

function rows(item: Item, value: unknown, ruleIds: RuleIds): Check[] {
  if (!Array.isArray(value) || !value.every(isRow)) return [{ key: 'validation.type' }];
  return value.flatMap((row, i) => (item.columns ?? []).flatMap((c) => cell(c, row, i, ruleIds)));
}

/** A record is written whole by the app: its shape, and a real date. */
function record(item: Item, value: unknown): Check[] {
  const parsed = item.type === 'override' ? asOverride(value) : item.type === 'signoff' ? asSignOff(value) : asProvenance(value);
  if (!parsed) return [{ key: 'validation.type' }];
  return parseDate(parsed.date) ? [] : [{ key: 'validation.date' }];
}

function byType(item: Item, value: unknown, ruleIds: RuleIds): Check[] {
  switch (item.type) {
    case 'ynu': return ynuValues.some((v) => v === value) ? [] : [{ key: 'validation.type' }];
    case 'choice': return isText(value) ? option(item, value) : [{ key: 'validation.type' }];
    case 'multi':
      if (!Array.isArray(value) || !value.every(isText)) return [{ key: 'validation.type' }];
      return value.flatMap((v) => option(item, v));
    case 'number':
    case 'scale':
      return typeof value === 'number' && Number.isFinite(value) ? range(item, value) : [{ key: 'validation.type' }];
    case 'date': return !isText(value) ? [{ key: 'validation.type' }] : parseDate(value) ? [] : [{ key: 'validation.date' }];
    case 'text': return isText(value) ? tooLong(value) : [{ key: 'validation.type' }];
    case 'verbatim': return verbatim(value);
    case 'rows': return rows(item, value, ruleIds);
    case 'signature': return signature(value);
    case 'override':
    case 'signoff':
    case 'provenance':
      return record(item, value);
  }
}

/**
 * Errors for one answer of one item; an unanswered item has none. `ruleIds`: the instrument's
 * rule ids, which a mitigation row's `flags` cell may name.
 */
export function validateAnswer(item: Item, answer: AnswerValue | undefined, ruleIds?: ReadonlySet<string>): FieldError[] {
  // Blank is "not answered yet", which is `missing`, not malformed.
  if (answer === undefined || answer === null) return [];
  if ((typeof answer === 'string' || Array.isArray(answer)) && !isAnswered(answer)) return [];
  if (isSpecial(answer)) {
    return item.allowUnknown || item.type === 'ynu' ? [] : [{ item: item.code, key: 'validation.unknown_not_allowed' }];
  }
  return byType(item, answer, ruleIds).map((e) => ({ item: item.code, ...e }));
}

/** Errors over the visible items, optionally of one section, in instrument order. */
export function validateVisible(ctx: RuleBookContext, sectionCode?: string): FieldError[] {
  const ruleIds = new Set(ctx.instrument.rules.map((r) => r.id));
  return ctx.placed
    .filter((p) => (sectionCode === undefined || p.section.code === sectionCode) && ctx.isItemVisible(p.item.code))
    .flatMap((p) => validateAnswer(p.item, ctx.answerOf(p.item.code), ruleIds));
}
