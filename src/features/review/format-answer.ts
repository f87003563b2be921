/**
 * An answer as readable words, for the review's "answers that produced this flag". Pure and
 * given its translate function, so it is tested without i18next. Given the UI language,
 * numbers and dates are written the way that language writes them (Intl, src/lib/format.ts).
 */
import type { AnswerValue, Item } from '../../instrument';
import { isSpecial } from '../../instrument';
import { formatIsoDate, formatNumber } from '../../lib/format';

export type Translate = (key: string, options?: Record<string, string | number>) => string;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Writes numbers and dates for a language; without one, as stored. */
function writer(lang: string | undefined) {
  return {
    num: (v: unknown): string => (typeof v === 'number' && lang ? formatNumber(v, lang) : text(v)),
    date: (v: unknown): string => (typeof v === 'string' && lang ? formatIsoDate(v, lang) : text(v)),
  };
}
type Writer = ReturnType<typeof writer>;

export function formatAnswer(item: Item | undefined, answer: AnswerValue | undefined, t: Translate, ns: string, lang?: string): string {
  const w = writer(lang);
  if (answer === undefined) return t('answer.none');
  if (isSpecial(answer)) return t(`special.${answer.special}`);
  if (!item) return text(answer);
  // Read fields through `unknown`: a stored answer may not have its item's shape.
  const raw: unknown = answer;
  const option = (code: string) => t(`item.${item.code}.option.${code}`, { ns });
  switch (item.type) {
    case 'ynu':
      return typeof answer === 'string' ? t(`ynu.${answer}`) : text(answer);
    case 'choice':
      return typeof answer === 'string' ? option(answer) : text(answer);
    case 'multi':
      return Array.isArray(answer) ? answer.map((v) => (typeof v === 'string' ? option(v) : '')).join(', ') : text(answer);
    case 'scale':
      return typeof answer === 'number' ? t('answer.scale', { value: w.num(answer), max: w.num(item.max ?? 10) }) : text(answer);
    case 'number':
      return w.num(answer);
    case 'date':
      return w.date(answer);
    case 'verbatim':
      return isRecord(raw)
        ? t('answer.verbatim', {
            original: text(raw.original),
            language: text(raw.language),
            translation: text(raw.translation),
            translatedBy: text(raw.translatedBy),
          })
        : text(answer);
    case 'signature':
      return isRecord(raw) ? t('answer.signature', { name: text(raw.name), role: text(raw.role), date: w.date(raw.date) }) : text(answer);
    case 'rows':
      return Array.isArray(answer) ? formatRows(item, answer, t, ns, w) : text(answer);
    default:
      return text(answer);
  }
}

function formatRows(item: Item, rows: readonly unknown[], t: Translate, ns: string, w: Writer): string {
  if (rows.length === 0) return t('answer.none');
  return rows
    .map((row, index) => {
      const cells = (item.columns ?? []).map((column) => {
        const value = isRecord(row) ? row[column.key] : undefined;
        const shown =
          value === null || value === undefined || value === ''
            ? t('answer.blank')
            : column.type === 'choice' && typeof value === 'string'
              ? t(`item.${item.code}.column.${column.key}.option.${value}`, { ns })
              : column.type === 'ynu' && typeof value === 'string'
                ? t(`ynu.${value}`)
                : column.type === 'number'
                  ? w.num(value)
                  : column.type === 'date'
                    ? w.date(value)
                    : text(value);
        return t('answer.cell', { column: t(`item.${item.code}.column.${column.key}.label`, { ns }), value: shown });
      });
      return t('answer.row', { row: w.num(index + 1), cells: cells.join(', ') });
    })
    .join('; ');
}
