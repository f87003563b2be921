/**
 * A Reason as words, the same way for every reader (review screen, PDF summary, `npm run assess`):
 * its key in the engine's or the instrument's namespace, each list parameter translated item by
 * item and joined as the language joins a list. `contentLists` name items (their questions) or
 * rules (their reasons) in the instrument's wording, in place of the codes `params` carries; a
 * sentence's closing full stop is dropped inside a list.
 */
import type { Reason } from './types';

/** Translates one key: `ns` says whose wording it is. */
export type ReasonTranslate = (key: string, ns: 'engine' | 'instrument', params?: Record<string, string | number>) => string;

const CLOSING_STOP = /[.።]\s*$/u;

export function reasonText(reason: Reason, translate: ReasonTranslate, lang: string): string {
  const own = reason.source === 'instrument' ? 'instrument' : 'engine';
  const join = (parts: string[]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(parts);
  const lists = Object.fromEntries(Object.entries(reason.lists ?? {}).map(([name, keys]) => [name, join(keys.map((k) => translate(k, own)))]));
  const named = Object.fromEntries(
    Object.entries(reason.contentLists ?? {}).map(([name, keys]) => [name, join(keys.map((k) => translate(k, 'instrument').replace(CLOSING_STOP, '')))]),
  );
  return translate(reason.key, own, { ...reason.params, ...lists, ...named });
}
