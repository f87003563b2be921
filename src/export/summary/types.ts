/** The summary builder's contract (see index.ts). The export screen codes against these types. */
import type { AssessmentResult } from '../../engine';
import type { Answers, Instrument } from '../../instrument';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface SummaryLanguage {
  code: string;
  dir: 'ltr' | 'rtl';
  /** a native speaker has reviewed the translation; false prints a mark in the PDF */
  reviewed: boolean;
  /** endonym, e.g. "العربية" */
  name: string;
}

/** One language's wording. */
export interface SummaryTexts {
  language: SummaryLanguage;
  /** the `summary` namespace (headings, labels) in that language */
  ui: Translate;
  /** the instrument version's wording (item.X.label, item.X.option.Y, rule.<id>.reason, section.X.title) */
  content: Translate;
  /** the `engine` namespace (levels, domains, rating explanations, reasons) */
  engine: Translate;
}

export interface SummarySignatureMark {
  kind: 'caseworker' | 'person';
  name: string;
  role: string;
  /** ISO date */
  date: string;
  /** PNG of a drawn signature (absent when typed) */
  image?: Uint8Array;
}

export interface SummaryInput {
  instrument: Instrument;
  /** sha256 hex of the definition, from src/instrument/registry.ts */
  instrumentHash: string;
  answers: Answers;
  result: AssessmentResult;
  now: string;
  caseReference: string;
  /** only when the caseworker chose to include it; never in the header, title or file names */
  personName?: string;
  assessor: { name: string; role: string; organisation: string };
  /** false prints "identity not verified by an organisation" */
  identityVerified: boolean;
  working: SummaryTexts;
  /** given and in another language than `working`: a bilingual summary */
  person?: SummaryTexts;
  signatures: readonly SummarySignatureMark[];
  createdAt: Date;
  /** The fingerprint of the earlier version of this case that this summary replaces, if any. */
  supersedes?: string;
}

export interface SummaryFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  arabic: Uint8Array;
  arabicBold: Uint8Array;
  ethiopic: Uint8Array;
}
