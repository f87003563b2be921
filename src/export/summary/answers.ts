/**
 * Answers as readable words for the PDF. Mirrors the review screen's format-answer.ts (same
 * choices: option wording from the instrument, unknown/declined spelled out, scale "n of max"),
 * but through the summary's own translate functions so the export chunk does not import a
 * feature. Rows are returned as cells for a table, not as one sentence.
 */
import { isSpecial, type AnswerValue, type Item } from '../../instrument';
import type { SummaryTexts } from './types';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export function isAnswered(answer: AnswerValue | undefined): boolean {
  if (answer === undefined || answer === '') return false;
  if (Array.isArray(answer)) return answer.length > 0;
  return true;
}

export function formatAnswer(item: Item | undefined, answer: AnswerValue | undefined, texts: SummaryTexts): string {
  const { ui, content } = texts;
  if (answer === undefined) return ui('answer.none');
  if (isSpecial(answer)) return ui(`answer.${answer.special}`);
  if (!item) return text(answer);
  const raw: unknown = answer;
  const option = (code: string) => content(`item.${item.code}.option.${code}`);
  switch (item.type) {
    case 'ynu':
      return typeof answer === 'string' ? ui(`answer.${answer}`) : text(answer);
    case 'choice':
      return typeof answer === 'string' ? option(answer) : text(answer);
    case 'multi':
      return Array.isArray(answer) ? answer.map((v) => (typeof v === 'string' ? option(v) : '')).join('; ') : text(answer);
    case 'scale':
      return typeof answer === 'number' ? ui('answer.scale', { value: answer, max: item.max ?? 10 }) : text(answer);
    case 'verbatim':
      return isRecord(raw) ? text(raw.translation) || text(raw.original) : text(answer);
    case 'signature':
      return isRecord(raw) ? ui('answer.signature', { name: text(raw.name), role: text(raw.role), date: text(raw.date) }) : text(answer);
    case 'rows':
      return Array.isArray(answer) ? ui('answer.rowCount', { count: answer.length }) : text(answer);
    default:
      return text(answer);
  }
}

/** Column headings and cell text of a rows item (mitigation actions, follow-up checks, children). */
export function formatRows(item: Item, answer: AnswerValue | undefined, texts: SummaryTexts): { headings: string[]; rows: string[][] } {
  const { ui, content } = texts;
  const columns = item.columns ?? [];
  const headings = columns.map((c) => content(`item.${item.code}.column.${c.key}.label`));
  const rows = (Array.isArray(answer) ? (answer as unknown[]) : []).map((row) =>
    columns.map((column) => {
      const value = isRecord(row) ? row[column.key] : undefined;
      if (value === null || value === undefined || value === '') return ui('answer.blank');
      if (column.type === 'choice' && typeof value === 'string') return content(`item.${item.code}.column.${column.key}.option.${value}`);
      if (column.type === 'ynu' && typeof value === 'string') return ui(`answer.${value}`);
      return text(value);
    }),
  );
  return { headings, rows };
}
