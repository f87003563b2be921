import type { AnswerValue } from '../../instrument';
import type { DraftData } from '../../storage';

/** Writes (or, with undefined, removes) a record item the review screen keeps: an override or a sign-off. */
export function setRecord(update: (change: (data: DraftData) => DraftData) => void, code: string, value: AnswerValue | undefined): void {
  update((d) => {
    const next = { ...d.answers };
    if (value === undefined) delete next[code];
    else next[code] = value;
    return { ...d, answers: next };
  });
}
