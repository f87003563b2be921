/**
 * What counts as an answer. Shape-based, so it works on any stored value; "unknown" and
 * "declined" are answers (the person was asked), they just never match a comparison.
 */
import type { AnswerType, AnswerValue } from '../instrument/schema';
import { isSpecial } from '../instrument/schema';

function hasText(v: unknown): boolean {
  return typeof v === 'string' && v.trim() !== '';
}

export function isAnswered(answer: AnswerValue | undefined | null): boolean {
  if (answer === undefined || answer === null) return false;
  if (typeof answer === 'string') return hasText(answer);
  if (typeof answer === 'number') return Number.isFinite(answer);
  if (Array.isArray(answer)) return answer.length > 0;
  if (isSpecial(answer)) return true;
  if ('original' in answer) return hasText(answer.original);
  if ('name' in answer) return hasText(answer.name);
  return false;
}

/**
 * Unknown or declined: the one-tap special answer, or a yes/no/unknown item's own
 * 'unknown'/'declined'. A text item whose words happen to be "unknown" is not unknown,
 * hence the answer type.
 */
export function isUnknownAnswer(answer: AnswerValue | undefined | null, type: AnswerType): boolean {
  if (isSpecial(answer)) return true;
  return type === 'ynu' && (answer === 'unknown' || answer === 'declined');
}
