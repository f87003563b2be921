/**
 * The side-by-side interview. When it is on, the wizard shows every question, help text and
 * option in the person's language first (larger, to turn the screen towards them) and the
 * caseworker's working language (the UI language) below. Each block carries its own `lang`
 * and `dir`, so a screen reader switches voice and bidi lays Arabic out right to left inside
 * an English page (and the reverse).
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf, type TextDirection } from '../../i18n';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface PersonWording {
  lang: string;
  dir: TextDirection;
  t: Translate;
}

export interface InterviewLanguages {
  /** the person's language recorded on the draft (default for verbatim answers); null if not chosen */
  personLanguage: string | null;
  /** set while side-by-side is on and the person's wording is loaded */
  person: PersonWording | null;
}

export const InterviewContext = createContext<InterviewLanguages>({ personLanguage: null, person: null });

export const useInterviewLanguages = (): InterviewLanguages => useContext(InterviewContext);

// First-strong isolates keep a right-to-left text and a left-to-right one in their own order
// where only plain text is allowed (a select's <option>).
const isolate = (s: string): string => `\u2068${s}\u2069`;

export interface Bilingual {
  /** the text in both languages as two blocks (the person's first), or only the working language */
  node: (key: string, ns: string, options?: Record<string, unknown>) => ReactNode;
  /** the same as plain text, for places that take no markup */
  text: (key: string, ns: string, options?: Record<string, unknown>) => string;
  /** each language's text on its own (to judge how much room it takes) */
  texts: (key: string, ns: string) => string[];
}

export function useBilingual(): Bilingual {
  const { person } = useInterviewLanguages();
  const { t, i18n } = useTranslation('wizard');
  const working = i18n.resolvedLanguage ?? i18n.language;
  const mine = (key: string, ns: string, options?: Record<string, unknown>): string => t(key, { ...options, ns });
  if (!person) return { node: mine, text: mine, texts: (key, ns) => [mine(key, ns)] };
  const theirs = (key: string, ns: string, options?: Record<string, unknown>): string => person.t(key, { ...options, ns });
  return {
    node: (key, ns, options) => (
      <>
        <span className="bi bi--person" lang={person.lang} dir={person.dir}>
          {theirs(key, ns, options)}
        </span>{' '}
        <span className="bi bi--working" lang={working} dir={directionOf(working)}>
          {mine(key, ns, options)}
        </span>
      </>
    ),
    text: (key, ns, options) => `${isolate(theirs(key, ns, options))} · ${isolate(mine(key, ns, options))}`,
    texts: (key, ns) => [theirs(key, ns), mine(key, ns)],
  };
}
