/**
 * The mapping between stored answers (the answers format of src/instrument/schema) and the
 * values one react-hook-form step holds. Every item is one form field `{ value, special }`:
 * inputs edit plain strings, the mapping turns them into typed answers. Keeping this pure
 * lets us prove that restoring a draft round-trips every answer exactly.
 */
import type {
  AnswerValue, Answers, Item, Row, SignatureAnswer, SpecialAnswer, VerbatimAnswer,
} from '../../instrument';
import { isSpecial } from '../../instrument';

export type SpecialKind = SpecialAnswer['special'];
/** One row of a rows item as the form holds it: every cell a string ('' = empty). */
export type RowForm = Record<string, string>;
export type FieldValue = string | string[] | VerbatimAnswer | SignatureAnswer | RowForm[];

export interface FormField {
  value: FieldValue;
  /** the one-tap "don't know" / "declined" of non-ynu items; '' when not set */
  special: SpecialKind | '';
}
export type FormValues = Record<string, FormField>;

// RHF reads '.' as a path separator, and item codes like "E3.amount" contain one.
export const fieldName = (code: string): string => code.replace(/\./g, '~');
export const itemCode = (name: string): string => name.replace(/~/g, '.');

const emptyVerbatim = (): VerbatimAnswer => ({ original: '', language: '', translation: '', translatedBy: '' });
const emptySignature = (): SignatureAnswer => ({ name: '', role: '', date: '' });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const recordsOf = (list: readonly unknown[]): Record<string, unknown>[] => list.filter(isRecord);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export function emptyValue(item: Item): FieldValue {
  switch (item.type) {
    case 'multi': return [];
    case 'rows': return [];
    case 'verbatim': return emptyVerbatim();
    case 'signature': return emptySignature();
    default: return '';
  }
}

export function emptyRow(item: Item): RowForm {
  return Object.fromEntries((item.columns ?? []).map((c) => [c.key, '']));
}

function verbatimOf(v: Record<string, unknown>): VerbatimAnswer {
  return { original: str(v.original), language: str(v.language), translation: str(v.translation), translatedBy: str(v.translatedBy) };
}
function signatureOf(v: Record<string, unknown>): SignatureAnswer {
  return { name: str(v.name), role: str(v.role), date: str(v.date) };
}

function rowToForm(item: Item, row: Record<string, unknown>): RowForm {
  const out = emptyRow(item);
  // Keep cells of columns this version does not know, so nothing stored is lost on save.
  for (const [key, cell] of Object.entries(row)) out[key] = cell === null ? '' : str(cell);
  return out;
}

/** The form field for a stored answer; an answer of the wrong shape shows as empty. */
export function toFormField(item: Item, answer: AnswerValue | undefined): FormField {
  if (isSpecial(answer)) {
    return item.type === 'ynu' ? { value: answer.special, special: '' } : { value: emptyValue(item), special: answer.special };
  }
  const value = valueFromAnswer(item, answer);
  return { value, special: '' };
}

function valueFromAnswer(item: Item, answer: AnswerValue | undefined): FieldValue {
  if (answer === undefined) return emptyValue(item);
  switch (item.type) {
    case 'multi':
      return Array.isArray(answer) ? answer.filter((v): v is string => typeof v === 'string') : [];
    case 'rows':
      return Array.isArray(answer) ? recordsOf(answer).map((r) => rowToForm(item, r)) : [];
    case 'verbatim':
      return isRecord(answer) ? verbatimOf(answer) : emptyVerbatim();
    case 'signature':
      return isRecord(answer) ? signatureOf(answer) : emptySignature();
    default:
      return str(answer);
  }
}

/** Parses a typed number; `undefined` for blank or not a number (the resolver reports the latter). */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

export const isUnparsableNumber = (text: string): boolean => text.trim() !== '' && parseNumber(text) === undefined;

function rowToAnswer(item: Item, row: Record<string, unknown>): Row {
  const out: Row = {};
  const types = new Map((item.columns ?? []).map((c) => [c.key, c.type]));
  for (const [key, raw] of Object.entries(row)) {
    const cell = str(raw);
    if (cell === '') out[key] = null;
    else if (types.get(key) === 'number') out[key] = parseNumber(cell) ?? cell;
    else out[key] = cell;
  }
  return out;
}

const allBlank = (o: object): boolean => Object.values(o).every((v) => v === '');

/** The stored answer for a form field; `undefined` means "not answered" (the key is removed). */
export function toAnswer(item: Item, field: unknown): AnswerValue | undefined {
  if (!isRecord(field)) return undefined;
  const special = field.special;
  if (item.type !== 'ynu' && (special === 'unknown' || special === 'declined')) return { special };
  const value = field.value;
  switch (item.type) {
    case 'number':
    case 'scale':
      return typeof value === 'string' ? parseNumber(value) : undefined;
    case 'multi':
      return Array.isArray(value) && value.length > 0 ? value.filter((v): v is string => typeof v === 'string') : undefined;
    case 'rows':
      return Array.isArray(value) && value.length > 0
        ? value.filter(isRecord).map((r) => rowToAnswer(item, r))
        : undefined;
    case 'verbatim':
      return isRecord(value) && !allBlank(verbatimOf(value)) ? verbatimOf(value) : undefined;
    case 'signature':
      return isRecord(value) && !allBlank(signatureOf(value)) ? signatureOf(value) : undefined;
    default:
      return typeof value === 'string' && value !== '' ? value : undefined;
  }
}

export function sectionFormValues(items: readonly Item[], answers: Answers): FormValues {
  return Object.fromEntries(items.map((item) => [fieldName(item.code), toFormField(item, answers[item.code])]));
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes a step's form values into the draft's answers. `opened` is the answers as they were
 * when the step opened: an item whose form value still means what it meant then gets its
 * original stored answer back, so answers of hidden items, or of a shape this form cannot
 * edit, survive every save byte for byte.
 */
export function mergeAnswers(items: readonly Item[], base: Answers, values: unknown, opened: Answers): Answers {
  const next: Answers = { ...base };
  const current = isRecord(values) ? values : {};
  for (const item of items) {
    const answer = toAnswer(item, current[fieldName(item.code)]);
    const original = opened[item.code];
    const kept = same(answer, toAnswer(item, toFormField(item, original)));
    const value = kept ? original : answer;
    if (value === undefined) delete next[item.code];
    else next[item.code] = value;
  }
  return next;
}
