/**
 * The answers a decision rests on. An override or a sign-off keeps a copy of them (its
 * `basis`); the decision lapses as soon as one of them reads differently today. Answers are
 * compared as the engine sees them: a hidden item reads as unanswered (null).
 */
import type { AnswerValue, Basis, PlainAnswer } from '../instrument/schema';
import { plainAnswerSchema } from '../instrument/schema';
import type { EngineContext } from './visibility';

/** JSON with object keys sorted, so two equal answers always give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function plain(answer: AnswerValue | undefined): PlainAnswer | null {
  if (answer === undefined) return null;
  const parsed = plainAnswerSchema.safeParse(answer);
  return parsed.success ? parsed.data : null;
}

/** Today's answers of `codes`, as a basis to keep with a decision. */
export function basisOf(ctx: EngineContext, codes: readonly string[]): Basis {
  const out: Basis = {};
  for (const code of codes) out[code] = plain(ctx.answerOf(code));
  return out;
}

/** The items of `codes` whose answer today differs from the basis (an item missing from the basis counts as unanswered then). */
export function changedSince(ctx: EngineContext, basis: Basis, codes: readonly string[]): string[] {
  return codes.filter((code) => canonical(plain(ctx.answerOf(code))) !== canonical(basis[code] ?? null));
}
