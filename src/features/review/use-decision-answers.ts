/** Reading and writing the decision items' answers (all plain strings: choices, text, dates). */
import { useCallback } from 'react';
import type { AssessmentResult } from '../../engine';
import type { Answers } from '../../instrument';
import type { DraftData } from '../../storage';

export function setStringAnswer(answers: Answers, code: string, value: string): Answers {
  const next = { ...answers };
  // An emptied field is "not answered", the same as in the wizard.
  if (value === '') delete next[code];
  else next[code] = value;
  return next;
}

export function useDecisionAnswers(
  answers: Answers,
  result: AssessmentResult,
  update: (change: (data: DraftData) => DraftData) => void,
  describe: (key: string, params: Record<string, string | number> | undefined) => string,
) {
  const value = (code: string): string => {
    const a = answers[code];
    return typeof a === 'string' ? a : '';
  };
  const set = useCallback(
    (code: string, next: string) => update((d) => ({ ...d, answers: setStringAnswer(d.answers, code, next) })),
    [update],
  );
  const errors = (code: string): string[] =>
    result.errors.filter((e) => e.item === code).map((e) => describe(e.key, e.params));
  return { value, set, errors };
}
